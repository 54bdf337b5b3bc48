import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { idCheckChar } from "../../../../packages/contracts/src/id-number.ts";
import { hallWindows } from "../../src/modules/appointments/appointments.schema.ts";
import { addWindowGroup, createHall, generateHallSlots } from "../../src/modules/appointments/halls.service.ts";
import { type Ctx, silentLogger } from "../../src/platform/actor.ts";
import type { Clock } from "../../src/platform/clock.ts";
import type { Db } from "../../src/platform/db/client.ts";

/** A clock tests move by hand. */
export function movableClock(at: string): Clock & { set(at: string): void } {
  let now = new Date(at);
  return {
    now: () => new Date(now),
    set: (next) => {
      now = new Date(next);
    },
  };
}

let serial = 0;
/** A valid 18-digit ID number (Huadu region code, born 1990), distinct on each call. */
export function buildIdNumber(n = ++serial + Math.floor(Math.random() * 1e6)): string {
  const day = String((n % 28) + 1).padStart(2, "0");
  const month = String((Math.floor(n / 28) % 12) + 1).padStart(2, "0");
  const seq = String(Math.floor(n / 336) % 1000).padStart(3, "0");
  const first17 = `44011419${String(60 + (Math.floor(n / 336_000) % 40))}${month}${day}${seq}`;
  return `${first17}${idCheckChar(first17)}`;
}

export type TestHall = { id: string; groups: { id: string; prefix: string; windows: string[] }[] };

/**
 * A hall on `orgUnitId` with groups A (综合受理, items I-A1/I-A2) and B (不动产, item I-B1), two
 * windows each, and slots for the next `workdays` working days of `clock`.
 */
export async function buildHall(
  db: Db,
  tenantId: string,
  orgUnitId: string,
  clock: Clock,
  opts: { capacity?: number; workdays?: number } = {},
): Promise<TestHall> {
  const ctx: Ctx = {
    db,
    actor: { kind: "system", tenantId, name: "测试" },
    clock,
    log: silentLogger,
    requestId: randomUUID(),
  };
  const hall = await createHall(ctx, { orgUnitId, name: `测试大厅${randomUUID().slice(0, 8)}`, address: "测试路1号" });
  await addWindowGroup(ctx, hall.id, {
    prefix: "A",
    name: "综合受理",
    slotCapacity: opts.capacity ?? 10,
    items: [
      { itemCode: "I-A1", itemName: "居民身份证换领", bookable: true },
      { itemCode: "I-A2", itemName: "咨询服务", bookable: false },
    ],
    windows: ["1号窗口", "2号窗口"],
  });
  const detail = await addWindowGroup(ctx, hall.id, {
    prefix: "B",
    name: "不动产登记",
    slotCapacity: opts.capacity ?? 10,
    items: [{ itemCode: "I-B1", itemName: "不动产转移登记", bookable: true }],
    windows: ["3号窗口", "4号窗口"],
  });
  await generateHallSlots(ctx, hall.id, opts.workdays ?? 8);
  return {
    id: hall.id,
    groups: detail.groups.map((g) => ({ id: g.id, prefix: g.prefix, windows: g.windows.map((w) => w.id) })),
  };
}

/** Puts a clerk at a window: a clerk works only the window assigned to them. */
export async function seatClerk(db: Db, windowId: string, userId: string): Promise<void> {
  await db.update(hallWindows).set({ staffUserId: null }).where(eq(hallWindows.staffUserId, userId));
  await db.update(hallWindows).set({ staffUserId: userId }).where(eq(hallWindows.id, windowId));
}
