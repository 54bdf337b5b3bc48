import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { AssignWindowStaffInput, HallClerk } from "../../../../../packages/contracts/src/appointments.ts";
import type { Ctx } from "../../platform/actor.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError, authorize } from "../../platform/errors.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { orgUnits } from "../org/org.schema.ts";
import { roleGrants, users } from "../users/users.schema.ts";
import { canAssignWindows, canViewHall } from "./appointments.policy.ts";
import { hallWindows } from "./appointments.schema.ts";
import { compareWindowNames, findHallById, findWindow, type HallRow } from "./halls.repo.ts";

type ClerkRow = { id: string; username: string; displayName: string };
type HallKey = Pick<HallRow, "id" | "tenantId" | "scopePath">;

/** Enabled users holding 窗口人员 on the hall's unit or above it: those who may be put at its windows. */
async function findClerksOf(db: Db, hall: HallKey): Promise<ClerkRow[]> {
  const rows = await db
    .selectDistinct({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
    .innerJoin(orgUnits, eq(orgUnits.id, roleGrants.orgUnitId))
    .where(
      and(
        eq(users.tenantId, hall.tenantId),
        eq(users.disabled, false),
        eq(roleGrants.role, "hall_staff"),
        sql`${hall.scopePath} like ${orgUnits.path} || '%'`,
      ),
    );
  return rows.sort((a, b) => a.username.localeCompare(b.username));
}

/** Display names of the clerks assigned to the given windows. */
export async function findWindowStaffNames(db: Db, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) {
    return new Map();
  }
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, [...new Set(userIds)]));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

/** The hall's clerks and the window each works. @throws not_found, forbidden */
export async function findHallClerks(ctx: Ctx, hallId: string): Promise<{ items: HallClerk[] }> {
  const hall = await findHallById(ctx.db, ctx.actor.tenantId, hallId);
  if (!hall || !canViewHall(ctx.actor, hall)) {
    throw new AppError("not_found", "大厅不存在");
  }
  authorize(canAssignWindows(ctx.actor, hall), "只有大厅所属的监督员或管理员可以分配窗口");
  const clerks = await findClerksOf(ctx.db, hall);
  const windows = await ctx.db
    .select({ id: hallWindows.id, name: hallWindows.name, staffUserId: hallWindows.staffUserId })
    .from(hallWindows)
    .where(eq(hallWindows.tenantId, hall.tenantId));
  const byUser = new Map(windows.filter((w) => w.staffUserId).map((w) => [w.staffUserId, w]));
  return {
    items: clerks.map((c) => {
      const w = byUser.get(c.id);
      return { ...c, windowId: w?.id ?? null, windowName: w?.name ?? null };
    }),
  };
}

/**
 * Puts a clerk at a window (or clears it). A clerk works one window: assigning moves them from
 * any other. @throws not_found, forbidden, validation
 */
export async function assignWindowStaff(ctx: Ctx, windowId: string, input: AssignWindowStaffInput) {
  const win = await findWindow(ctx.db, ctx.actor.tenantId, windowId);
  const hall = win ? await findHallById(ctx.db, ctx.actor.tenantId, win.hallId) : undefined;
  if (!win || !hall || !canViewHall(ctx.actor, hall)) {
    throw new AppError("not_found", "窗口不存在");
  }
  authorize(canAssignWindows(ctx.actor, hall), "只有大厅所属的监督员或管理员可以分配窗口");
  let clerk: ClerkRow | undefined;
  if (input.userId) {
    clerk = (await findClerksOf(ctx.db, hall)).find((c) => c.id === input.userId);
    if (!clerk) {
      throw new AppError("validation", "该用户不是本大厅的窗口人员", [
        { path: "userId", message: "只能分配本大厅的窗口人员" },
      ]);
    }
  }
  const previous = win.staffUserId
    ? (await findWindowStaffNames(ctx.db, [win.staffUserId])).get(win.staffUserId)
    : null;
  await ctx.db.transaction(async (tx) => {
    if (clerk) {
      await tx.update(hallWindows).set({ staffUserId: null }).where(eq(hallWindows.staffUserId, clerk.id));
    }
    await tx
      .update(hallWindows)
      .set({ staffUserId: clerk?.id ?? null })
      .where(eq(hallWindows.id, win.id));
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "hall.window.assign",
        entityType: "hall",
        entityId: hall.id,
        scopePath: hall.scopePath,
        summary: { window: win.name, staff: clerk?.displayName ?? null, previous: previous ?? null },
      },
    );
  });
  return { id: win.id, name: win.name, staffUserId: clerk?.id ?? null, staffName: clerk?.displayName ?? null };
}

/**
 * Demo halls: the hall's clerks take its first windows in numeric order (王窗口 works 1号窗口), so a
 * demo clerk can serve right away.
 */
export async function seatDemoClerks(db: Db, hall: HallKey): Promise<void> {
  const clerks = await findClerksOf(db, hall);
  const windows = (
    await db
      .select({ id: hallWindows.id, name: hallWindows.name, staffUserId: hallWindows.staffUserId })
      .from(hallWindows)
      .where(eq(hallWindows.hallId, hall.id))
  ).sort((a, b) => compareWindowNames(a.name, b.name));
  const free = windows.filter((w) => !w.staffUserId);
  // A clerk already at a window of any hall keeps it.
  const seated = new Set(
    (
      await db
        .select({ staffUserId: hallWindows.staffUserId })
        .from(hallWindows)
        .where(and(eq(hallWindows.tenantId, hall.tenantId), isNotNull(hallWindows.staffUserId)))
    ).map((w) => w.staffUserId),
  );
  for (const clerk of clerks.filter((c) => !seated.has(c.id))) {
    const w = free.shift();
    if (!w) {
      return;
    }
    await db.update(hallWindows).set({ staffUserId: clerk.id }).where(eq(hallWindows.id, w.id));
  }
}
