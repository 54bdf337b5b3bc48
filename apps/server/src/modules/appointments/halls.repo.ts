import { and, asc, eq, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import { pathInScope } from "../../platform/access.ts";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import {
  appointmentPolicies,
  appointmentSlots,
  hallClosures,
  hallGroupItems,
  halls,
  hallWindows,
  windowGroups,
} from "./appointments.schema.ts";

export type HallRow = typeof halls.$inferSelect;

const WINDOW_ORDER = new Intl.Collator("zh-CN", { numeric: true });

/** Window names in numeric order: "2号窗口" before "10号窗口". */
export function compareWindowNames(a: string, b: string): number {
  return WINDOW_ORDER.compare(a, b);
}
export type GroupRow = typeof windowGroups.$inferSelect;
export type WindowRow = typeof hallWindows.$inferSelect;
export type ItemRow = typeof hallGroupItems.$inferSelect;
export type SlotRow = typeof appointmentSlots.$inferSelect;

export async function readSettingsRow(db: Db, tenantId: string): Promise<unknown> {
  const [row] = await db.select().from(appointmentPolicies).where(eq(appointmentPolicies.tenantId, tenantId));
  return row?.settings;
}

export async function upsertSettingsRow(db: Db, tenantId: string, settings: object): Promise<void> {
  await db
    .insert(appointmentPolicies)
    .values({ tenantId, settings })
    .onConflictDoUpdate({ target: appointmentPolicies.tenantId, set: { settings, updatedAt: sql`now()` } });
}

export async function insertHall(db: Db, row: typeof halls.$inferInsert): Promise<HallRow> {
  const [inserted] = await db.insert(halls).values(row).returning();
  if (!inserted) {
    throw new Error("hall insert returned nothing");
  }
  return inserted;
}

export async function updateHall(db: Db, id: string, patch: Partial<typeof halls.$inferInsert>): Promise<void> {
  await db.update(halls).set(patch).where(eq(halls.id, id));
}

export async function findHallById(db: Db, tenantId: string | null, id: string): Promise<HallRow | undefined> {
  const where = tenantId ? and(eq(halls.tenantId, tenantId), eq(halls.id, id)) : eq(halls.id, id);
  const [row] = await db.select().from(halls).where(where);
  return row;
}

/** Halls under one of `paths` (staff), or every hall of a tenant / all tenants (public pages). */
export async function findHalls(db: Db, opts: { tenantId?: string; paths?: readonly string[] }): Promise<HallRow[]> {
  const conds: SQL[] = [];
  if (opts.tenantId) {
    conds.push(eq(halls.tenantId, opts.tenantId));
  }
  if (opts.paths) {
    conds.push(pathInScope(halls.scopePath, opts.paths));
  }
  return db
    .select()
    .from(halls)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(sql`case ${halls.level} when 'district' then 0 when 'town' then 1 else 2 end`, asc(halls.name));
}

export async function insertGroup(
  db: Db,
  group: typeof windowGroups.$inferInsert,
  items: (typeof hallGroupItems.$inferInsert)[],
  windows: (typeof hallWindows.$inferInsert)[],
): Promise<void> {
  await db.insert(windowGroups).values(group);
  await db.insert(hallGroupItems).values(items);
  await db.insert(hallWindows).values(windows);
}

/** Many halls with their window groups, items and windows at once (the demo's 272), in chunks under the bind limit. */
export async function insertHalls(
  db: Db,
  rows: (typeof halls.$inferInsert)[],
  groups: (typeof windowGroups.$inferInsert)[],
  items: (typeof hallGroupItems.$inferInsert)[],
  windows: (typeof hallWindows.$inferInsert)[],
): Promise<void> {
  const each = async <T>(list: T[], write: (part: T[]) => Promise<unknown>) => {
    for (let i = 0; i < list.length; i += 1000) {
      await write(list.slice(i, i + 1000));
    }
  };
  await each(rows, (part) => db.insert(halls).values(part));
  await each(groups, (part) => db.insert(windowGroups).values(part));
  await each(items, (part) => db.insert(hallGroupItems).values(part));
  await each(windows, (part) => db.insert(hallWindows).values(part));
}

export async function findHallParts(db: Db, hallIds: readonly string[]) {
  if (hallIds.length === 0) {
    return { groups: [], items: [], windows: [], closures: [] };
  }
  const groups = await db
    .select()
    .from(windowGroups)
    .where(inArray(windowGroups.hallId, [...hallIds]))
    .orderBy(asc(windowGroups.prefix));
  const groupIds = groups.map((g) => g.id);
  const items = groupIds.length
    ? await db
        .select()
        .from(hallGroupItems)
        .where(inArray(hallGroupItems.groupId, groupIds))
        .orderBy(asc(hallGroupItems.itemCode))
    : [];
  // 1号…10号 by their number, not as text (which puts 10号 before 2号).
  const windows = (
    await db
      .select()
      .from(hallWindows)
      .where(inArray(hallWindows.hallId, [...hallIds]))
  ).sort((a, b) => compareWindowNames(a.name, b.name));
  const closures = await db
    .select()
    .from(hallClosures)
    .where(inArray(hallClosures.hallId, [...hallIds]))
    .orderBy(asc(hallClosures.day));
  return { groups, items, windows, closures };
}

export async function findGroup(db: Db, hallId: string, groupId: string): Promise<GroupRow | undefined> {
  const [row] = await db
    .select()
    .from(windowGroups)
    .where(and(eq(windowGroups.hallId, hallId), eq(windowGroups.id, groupId)));
  return row;
}

export async function findItem(db: Db, groupId: string, itemCode: string): Promise<ItemRow | undefined> {
  const [row] = await db
    .select()
    .from(hallGroupItems)
    .where(and(eq(hallGroupItems.groupId, groupId), eq(hallGroupItems.itemCode, itemCode)));
  return row;
}

export async function findWindow(db: Db, tenantId: string, id: string): Promise<WindowRow | undefined> {
  const [row] = await db
    .select()
    .from(hallWindows)
    .where(and(eq(hallWindows.tenantId, tenantId), eq(hallWindows.id, id)));
  return row;
}

export async function insertClosure(db: Db, row: typeof hallClosures.$inferInsert): Promise<void> {
  await db
    .insert(hallClosures)
    .values(row)
    .onConflictDoUpdate({ target: [hallClosures.hallId, hallClosures.day], set: { reason: row.reason } });
}

export async function closedDays(db: Db, hallId: string): Promise<Set<string>> {
  const rows = await db.select({ day: hallClosures.day }).from(hallClosures).where(eq(hallClosures.hallId, hallId));
  return new Set(rows.map((r) => r.day));
}

/**
 * Creates the slots of `halls` at the given times, one per window group, in one set-based
 * statement (the server expands groups × times; 120k rows take about a second). Days the hall is
 * closed are skipped and existing slots kept, so it can run again at any time.
 */
export async function generateSlotRows(
  db: Db,
  tenantId: string,
  hallIds: readonly string[],
  times: readonly { day: string; startsAt: Date; endsAt: Date }[],
): Promise<number> {
  if (hallIds.length === 0 || times.length === 0) {
    return 0;
  }
  const t = JSON.stringify(
    times.map((x) => ({ day: x.day, starts_at: x.startsAt.toISOString(), ends_at: x.endsAt.toISOString() })),
  );
  const rows = await queryRows<{ n: number }>(
    db,
    sql`with ins as (
          insert into appointment_slots (id, tenant_id, hall_id, group_id, day, starts_at, ends_at, capacity)
          select gen_random_uuid(), g.tenant_id, g.hall_id, g.id, t.day, t.starts_at, t.ends_at, g.slot_capacity
          from window_groups g
          cross join jsonb_to_recordset(${t}::jsonb) as t(day date, starts_at timestamptz, ends_at timestamptz)
          where g.tenant_id = ${tenantId}
            and g.hall_id in (select jsonb_array_elements_text(${JSON.stringify(hallIds)}::jsonb)::uuid)
            and not exists (select 1 from hall_closures c where c.hall_id = g.hall_id and c.day = t.day)
          on conflict do nothing
          returning 1)
        select count(*)::int as n from ins`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** Removes the unbooked slots of a closed day; booked ones stay so their holders can be told. */
export async function deleteFreeSlots(db: Db, hallId: string, day: string): Promise<void> {
  await db
    .delete(appointmentSlots)
    .where(and(eq(appointmentSlots.hallId, hallId), eq(appointmentSlots.day, day), eq(appointmentSlots.booked, 0)));
}

export async function findSlots(
  db: Db,
  hallId: string,
  opts: { groupId?: string; fromDay: string; toDay: string },
): Promise<SlotRow[]> {
  const conds = [
    eq(appointmentSlots.hallId, hallId),
    gte(appointmentSlots.day, opts.fromDay),
    lte(appointmentSlots.day, opts.toDay),
  ];
  if (opts.groupId) {
    conds.push(eq(appointmentSlots.groupId, opts.groupId));
  }
  return db
    .select()
    .from(appointmentSlots)
    .where(and(...conds))
    .orderBy(asc(appointmentSlots.startsAt), asc(appointmentSlots.groupId));
}

export async function findSlot(db: Db, id: string): Promise<SlotRow | undefined> {
  const [row] = await db.select().from(appointmentSlots).where(eq(appointmentSlots.id, id));
  return row;
}

/**
 * Takes one place in a slot if one is left. The condition and the increment are one statement,
 * so concurrent requests queue on the row lock and re-check `booked < capacity` after waiting:
 * the slot can never be overbooked. False when it was full.
 */
export async function takeSlotPlace(db: Db, slotId: string): Promise<boolean> {
  const rows = await db
    .update(appointmentSlots)
    .set({ booked: sql`${appointmentSlots.booked} + 1` })
    .where(and(eq(appointmentSlots.id, slotId), sql`${appointmentSlots.booked} < ${appointmentSlots.capacity}`))
    .returning({ id: appointmentSlots.id });
  return rows.length === 1;
}

export async function releaseSlotPlace(db: Db, slotId: string): Promise<void> {
  await db
    .update(appointmentSlots)
    .set({ booked: sql`greatest(${appointmentSlots.booked} - 1, 0)` })
    .where(eq(appointmentSlots.id, slotId));
}
