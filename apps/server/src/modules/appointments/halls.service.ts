import { randomUUID } from "node:crypto";
import { z } from "zod";
import {
  type CreateWindowGroupInput,
  type Hall,
  type HallDetail,
  type HallLevel,
  HallLevelSchema,
  HallSessionSchema,
} from "../../../../../packages/contracts/src/appointments.ts";
import { scopeFor } from "../../platform/access-can.ts";
import type { Ctx } from "../../platform/actor.ts";
import { AppError, authorize } from "../../platform/errors.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { getCachedCalendar } from "../calendar/calendar-cache.ts";
import { addDays, businessDay, nthWorkdayAfter } from "../calendar/work-calendar.ts";
import { getOrgUnit } from "../org/org.service.ts";
import { canAdministerHall, canViewHall, VIEW_HALLS } from "./appointments.policy.ts";
import { slotTimes } from "./booking-rules.ts";
import {
  deleteFreeSlots,
  findHallById,
  findHallParts,
  findHalls,
  generateSlotRows,
  type HallRow,
  insertClosure,
  insertGroup,
  insertHall,
  updateHall,
} from "./halls.repo.ts";
import { getAppointmentSettings } from "./settings.service.ts";
import { findWindowStaffNames } from "./window-staff.ts";

const StoredSessionsSchema = z.array(HallSessionSchema).nullable().catch(null);
type HallSession = z.infer<typeof HallSessionSchema>;

/** The hall's own opening sessions, or null when the tenant's apply. */
export function sessionsOf(hall: HallRow): HallSession[] | null {
  return StoredSessionsSchema.parse(hall.sessions ?? null);
}

/** The hall as listed (no groups). */
export function toHallDto(h: HallRow): Hall {
  return {
    id: h.id,
    name: h.name,
    level: HallLevelSchema.parse(h.level),
    orgUnitId: h.orgUnitId,
    address: h.address,
    sessions: sessionsOf(h),
  };
}

export const hallNotFound = () => new AppError("not_found", "大厅不存在");

/** The hall level follows the org unit it is attached to. */
export function levelOf(kind: string): HallLevel {
  if (kind === "town" || kind === "street") {
    return "town";
  }
  return kind === "village" || kind === "community" ? "village" : "district";
}

/** Loads a hall the actor may see. @throws not_found */
export async function loadVisibleHall(ctx: Ctx, id: string): Promise<HallRow> {
  const hall = await findHallById(ctx.db, ctx.actor.tenantId, id);
  if (!hall || !canViewHall(ctx.actor, hall)) {
    throw hallNotFound();
  }
  return hall;
}

async function loadAdministeredHall(ctx: Ctx, id: string): Promise<HallRow> {
  const hall = await loadVisibleHall(ctx, id);
  authorize(canAdministerHall(ctx.actor, hall), "只有管理员可以维护大厅设置");
  return hall;
}

export async function findVisibleHalls(ctx: Ctx): Promise<HallRow[]> {
  return findHalls(ctx.db, { tenantId: ctx.actor.tenantId, paths: scopeFor(ctx.actor, VIEW_HALLS) });
}

/** A hall with its window groups, items, windows and closures. */
export async function hallDetail(db: Ctx["db"], hall: HallRow): Promise<HallDetail> {
  const parts = await findHallParts(db, [hall.id]);
  const staff = await findWindowStaffNames(
    db,
    parts.windows.flatMap((w) => (w.staffUserId ? [w.staffUserId] : [])),
  );
  return {
    ...toHallDto(hall),
    groups: parts.groups.map((g) => ({
      id: g.id,
      prefix: g.prefix,
      name: g.name,
      slotCapacity: g.slotCapacity,
      items: parts.items
        .filter((i) => i.groupId === g.id)
        .map((i) => ({ itemCode: i.itemCode, itemName: i.itemName, bookable: i.bookable })),
      windows: parts.windows
        .filter((w) => w.groupId === g.id)
        .map((w) => ({
          id: w.id,
          name: w.name,
          staffUserId: w.staffUserId,
          staffName: w.staffUserId ? (staff.get(w.staffUserId) ?? null) : null,
        })),
    })),
    closures: parts.closures.map((c) => ({ day: c.day, reason: c.reason })),
  };
}

/** Opens a hall on an org unit of the actor's subtree. @throws not_found, forbidden, conflict */
export async function createHall(
  ctx: Ctx,
  input: { orgUnitId: string; name: string; address?: string | undefined; sessions?: HallSession[] | undefined },
) {
  const unit = await getOrgUnit(ctx, input.orgUnitId);
  authorize(canAdministerHall(ctx.actor, { tenantId: unit.tenantId, scopePath: unit.path }), "只有管理员可以设立大厅");
  const created = ctx.db.transaction(async (tx) => {
    const hall = await insertHall(tx, {
      id: randomUUID(),
      tenantId: ctx.actor.tenantId,
      orgUnitId: unit.id,
      scopePath: unit.path,
      name: input.name,
      level: levelOf(unit.kind),
      address: input.address ?? null,
      sessions: input.sessions ?? null,
    });
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "hall.create",
        entityType: "hall",
        entityId: hall.id,
        scopePath: hall.scopePath,
        summary: { name: hall.name, level: hall.level, orgUnit: unit.name },
      },
    );
    return hall;
  });
  return created.catch((err: unknown) => {
    throw isUniqueViolation(err)
      ? new AppError("conflict", "大厅名称已存在", [{ path: "name", message: "本区已有同名大厅" }])
      : err;
  });
}

/** A unique-constraint violation, whether the driver error is bare or wrapped by Drizzle. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (e: unknown) => (typeof e === "object" && e !== null && "code" in e ? e.code : undefined);
  const cause = typeof err === "object" && err !== null && "cause" in err ? err.cause : undefined;
  return code(err) === "23505" || code(cause) === "23505";
}

/** Adds a window group with its items and windows. @throws not_found, forbidden, conflict */
export async function addWindowGroup(ctx: Ctx, hallId: string, input: CreateWindowGroupInput) {
  const hall = await loadAdministeredHall(ctx, hallId);
  const codes = new Set(input.items.map((i) => i.itemCode));
  if (codes.size !== input.items.length || new Set(input.windows).size !== input.windows.length) {
    throw new AppError("validation", "事项编码或窗口名称重复", [
      { path: "items", message: "同一窗口组内事项编码、窗口名称不能重复" },
    ]);
  }
  const groupId = randomUUID();
  const written = ctx.db.transaction(async (tx) => {
    await insertGroup(
      tx,
      {
        id: groupId,
        tenantId: hall.tenantId,
        hallId,
        prefix: input.prefix,
        name: input.name,
        slotCapacity: input.slotCapacity,
      },
      input.items.map((i) => ({ tenantId: hall.tenantId, groupId, ...i })),
      input.windows.map((name) => ({ id: randomUUID(), tenantId: hall.tenantId, hallId, groupId, name })),
    );
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "hall.group.create",
        entityType: "hall",
        entityId: hallId,
        scopePath: hall.scopePath,
        summary: { prefix: input.prefix, name: input.name, items: input.items.length, windows: input.windows },
      },
    );
  });
  await written.catch((err: unknown) => {
    throw isUniqueViolation(err)
      ? new AppError("conflict", `号段前缀 ${input.prefix} 或窗口名称已在本大厅使用`, [
          { path: "prefix", message: "号段前缀、窗口名称在大厅内不能重复" },
        ])
      : err;
  });
  return hallDetail(ctx.db, hall);
}

/** Sets a hall's own opening sessions (null: the tenant's); days generated later follow them. @throws not_found, forbidden */
export async function setHallHours(ctx: Ctx, hallId: string, sessions: HallSession[] | null) {
  const hall = await loadAdministeredHall(ctx, hallId);
  await ctx.db.transaction(async (tx) => {
    await updateHall(tx, hallId, { sessions });
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "hall.hours",
        entityType: "hall",
        entityId: hallId,
        scopePath: hall.scopePath,
        summary: { before: sessionsOf(hall), after: sessions },
      },
    );
  });
  return hallDetail(ctx.db, { ...hall, sessions });
}

/** Closes a hall for a day; free slots of that day are removed. @throws not_found, forbidden */
export async function closeHallDay(ctx: Ctx, hallId: string, input: { day: string; reason: string }) {
  const hall = await loadAdministeredHall(ctx, hallId);
  await ctx.db.transaction(async (tx) => {
    await insertClosure(tx, { tenantId: hall.tenantId, hallId, day: input.day, reason: input.reason });
    await deleteFreeSlots(tx, hallId, input.day);
    await recordAudit(
      { ...ctx, db: tx },
      { action: "hall.close_day", entityType: "hall", entityId: hallId, scopePath: hall.scopePath, summary: input },
    );
  });
  return hallDetail(ctx.db, hall);
}

/**
 * The slot times of the next `workdays` working days (statutory calendar with 调休), from the
 * hall's own opening sessions (else the tenant's) and the tenant's slot length.
 */
export async function planSlotTimes(
  ctx: Pick<Ctx, "db" | "clock">,
  tenantId: string,
  workdays: number,
  hallSessions: HallSession[] | null = null,
) {
  const [cal, tenantSettings] = await Promise.all([
    getCachedCalendar(ctx.db, tenantId),
    getAppointmentSettings(ctx.db, tenantId),
  ]);
  const settings = { ...tenantSettings, sessions: hallSessions ?? tenantSettings.sessions };
  const today = businessDay(ctx.clock.now());
  const last = nthWorkdayAfter(cal, today, workdays);
  const days: string[] = [];
  for (let d = today; d <= last; d = addDays(d, 1)) {
    if (cal.isWorkday(d)) {
      days.push(d);
    }
  }
  return { days, times: days.flatMap((day) => slotTimes(day, settings).map((t) => ({ day, ...t }))) };
}

/** Generates a hall's slots ahead. @throws not_found, forbidden */
export async function generateHallSlots(ctx: Ctx, hallId: string, workdays: number) {
  const hall = await loadAdministeredHall(ctx, hallId);
  const { times, days } = await planSlotTimes(ctx, hall.tenantId, workdays, sessionsOf(hall));
  const created = await ctx.db.transaction(async (tx) => {
    const n = await generateSlotRows(tx, hall.tenantId, [hall.id], times);
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "hall.slots.generate",
        entityType: "hall",
        entityId: hallId,
        scopePath: hall.scopePath,
        summary: { workdays, created: n, from: days[0] ?? null, to: days.at(-1) ?? null },
      },
    );
    return n;
  });
  return { created, days };
}
