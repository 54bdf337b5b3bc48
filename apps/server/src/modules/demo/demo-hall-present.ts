import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { numberUnnumberedCases } from "../../platform/numbering.ts";
import {
  bookingPersonDays,
  bookings,
  queueCounters,
  queueTickets,
  serviceCases,
} from "../appointments/appointments.schema.ts";
import { slotTimes } from "../appointments/booking-rules.ts";
import { generateSlotRows } from "../appointments/halls.repo.ts";
import { getAppointmentSettings } from "../appointments/settings.service.ts";
import { addDays, businessDay } from "../calendar/work-calendar.ts";
import { getCalendar } from "../work-orders/work-orders-context.ts";
import { hashOf, person, todaysQueue, uuidOf } from "./demo-hall-queue.ts";
import type { HallLayout } from "./hall-batch.ts";

/**
 * The centre's present, relative to the day the demo is loaded: today's queue (visitors checked in
 * since opening, the earlier ones served with their cases, one at most at each window now, the
 * latest waiting) when the hall is open now, and bookings in the slots of this and next week's
 * working days, fewer the further ahead. Nothing of it lies in 2022.
 */
export type PresentHall = { visitors: number; waiting: number; bookings: number };

/** Booking codes' alphabet (no 0/O, 1/I), as the booking module's. */
const CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/** Monday of the week after `day`'s, then the Sunday ending it. */
function endOfNextWeek(day: string): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
  return addDays(day, 14 - dow);
}

export async function loadDemoHallPresent(
  db: Db,
  clock: Clock,
  tenantId: string,
  seed: string,
  layout: HallLayout,
): Promise<PresentHall> {
  const { hall } = layout;
  const now = clock.now();
  const today = businessDay(now);
  const cal = await getCalendar(db);
  const settings = await getAppointmentSettings(db, tenantId);
  const days: string[] = [];
  for (let d = today; d <= endOfNextWeek(today); d = addDays(d, 1)) {
    if (cal.isWorkday(d)) {
      days.push(d);
    }
  }
  // The slots the hourly job would generate (kept when they exist), so the bookings have theirs.
  await generateSlotRows(
    db,
    tenantId,
    [hall.id],
    days.flatMap((day) => slotTimes(day, settings).map((t) => ({ day, ...t }))),
  );
  const slots = await queryRows<{
    id: string;
    group_id: string;
    day: string;
    starts_at: Date;
    ends_at: Date;
    capacity: number;
    booked: number;
  }>(
    db,
    sql`select id, group_id, day::text as day, starts_at, ends_at, capacity, booked from appointment_slots
        where hall_id = ${hall.id} and day >= ${today}::date and day <= ${days.at(-1) ?? today}::date
        order by starts_at, group_id`,
  );
  const P = `${seed}:present:${today}`;
  const itemsOf = (groupId: string, bookable: boolean) =>
    layout.items.filter((i) => i.groupId === groupId && (!bookable || i.bookable));
  // Bookings already made (by real users of a running demo) count against the capacity.
  const booked = new Map(slots.map((x) => [x.id, Number(x.booked)]));
  const bookingRows: Array<typeof bookings.$inferInsert> = [];
  const book = (
    slot: (typeof slots)[number],
    k: string,
    who: ReturnType<typeof person>,
    itemCode: string,
    itemName: string,
  ) => {
    const id = uuidOf(`${P}:booking:${k}`);
    const c = createHash("sha256").update(`${P}:code:${k}`).digest();
    bookingRows.push({
      id,
      tenantId,
      hallId: hall.id,
      scopePath: hall.scopePath,
      groupId: slot.group_id,
      slotId: slot.id,
      day: slot.day,
      startsAt: new Date(slot.starts_at),
      endsAt: new Date(slot.ends_at),
      code: Array.from(c.subarray(0, 10), (b) => CODE_ALPHABET[b % 32]).join(""),
      itemCode,
      itemName,
      ...who,
      status: "booked",
      createdAt: new Date(
        Math.min(now.getTime(), new Date(slot.starts_at).getTime()) - (1 + ((c[11] ?? 0) % 96)) * 3_600_000,
      ),
    });
    booked.set(slot.id, (booked.get(slot.id) ?? 0) + 1);
    return id;
  };
  const queue = todaysQueue(layout, P, now, today, cal.isWorkday(today), settings.sessions);
  const tickets: Array<typeof queueTickets.$inferInsert> = [];
  const cases: Array<typeof serviceCases.$inferInsert> = [];
  for (const v of queue) {
    const slot = v.wantsBooking
      ? slots.find(
          (s) =>
            s.group_id === v.groupId && new Date(s.starts_at) <= v.checkedInAt && new Date(s.ends_at) > v.checkedInAt,
        )
      : undefined;
    let bookingId: string | null = null;
    if (slot && (booked.get(slot.id) ?? 0) < slot.capacity) {
      bookingId = book(slot, `q${v.k}`, v.who, v.itemCode, v.itemName);
      const b = bookingRows.at(-1);
      if (b) {
        b.status = v.status === "done" ? "served" : "checked_in";
        b.checkedInAt = v.checkedInAt;
      }
    }
    tickets.push({
      id: v.id,
      tenantId,
      hallId: hall.id,
      scopePath: hall.scopePath,
      groupId: v.groupId,
      day: today,
      number: `${v.prefix}${String(v.seq).padStart(3, "0")}`,
      seq: v.seq,
      bookingId,
      itemCode: v.itemCode,
      itemName: v.itemName,
      ...v.who,
      status: v.status,
      priorityAt: bookingId && slot ? new Date(slot.starts_at) : v.checkedInAt,
      checkedInAt: v.checkedInAt,
      windowId: v.window?.id ?? null,
      callCount: v.status === "skipped" ? 3 : v.calledAt ? 1 : 0,
      calledAt: v.calledAt,
      startedAt: v.startedAt,
      finishedAt: v.finishedAt,
    });
    const { window, calledAt, startedAt, finishedAt } = v;
    if (v.status === "done" && window && calledAt && startedAt && finishedAt) {
      const items = [v, ...v.more];
      const span = finishedAt.getTime() - startedAt.getTime();
      const cut = (j: number) =>
        j === items.length
          ? finishedAt
          : new Date(startedAt.getTime() + Math.floor((span * j) / items.length / 1000) * 1000);
      items.forEach((it, j) => {
        const from = cut(j);
        const to = cut(j + 1);
        const r = hashOf(`${P}:result:${v.k}:${j}`) % 100;
        cases.push({
          id: uuidOf(`${P}:case:${v.k}:${j}`),
          tenantId,
          hallId: hall.id,
          scopePath: hall.scopePath,
          hallLevel: hall.level,
          groupId: v.groupId,
          windowId: window.id,
          windowName: window.name,
          ticketId: v.id,
          bookingId,
          itemCode: it.itemCode,
          itemName: it.itemName,
          staffUserId: window.staffId,
          staffName: window.staffName,
          ...v.who,
          result: /咨询|查询/.test(it.itemName) ? "consulted" : r < 3 ? "rejected" : r < 38 ? "accepted" : "completed",
          checkedInAt: v.checkedInAt,
          calledAt,
          startedAt: from,
          finishedAt: to,
          waitSeconds: Math.round((calledAt.getTime() - v.checkedInAt.getTime()) / 1000),
          serviceSeconds: Math.round((to.getTime() - from.getTime()) / 1000),
        });
      });
    }
  }
  // Bookings still to come: most of tomorrow's bookable capacity taken, less and less further on.
  const ahead = new Map(days.map((d, i) => [d, i]));
  const prefixOf = new Map(layout.groups.map((g) => [g.id, g.prefix]));
  for (const s of slots) {
    const bookable = itemsOf(s.group_id, true);
    if (bookable.length === 0 || new Date(s.starts_at) <= now) {
      continue;
    }
    const fill = Math.max(0.1, 0.75 - 0.07 * (ahead.get(s.day) ?? 0));
    // Keyed by group prefix and time, not the slot's id (random): the same seed books the same.
    const key = `${prefixOf.get(s.group_id) ?? ""}:${new Date(s.starts_at).toISOString()}`;
    const want = Math.min(s.capacity, Math.round(s.capacity * fill * (0.6 + (hashOf(`${P}:fill:${key}`) % 80) / 100)));
    for (let j = booked.get(s.id) ?? 0; j < want; j++) {
      const k = `${key}:${j}`;
      const h = (salt: string) => hashOf(`${P}:b:${k}:${salt}`);
      const item = bookable[h("i") % bookable.length];
      if (item) {
        book(s, k, person(h), item.code, item.name);
      }
    }
  }
  const active = bookingRows.filter((b) => b.status === "booked" || b.status === "checked_in");
  await db.transaction(async (tx) => {
    const chunks = <T>(xs: T[]) =>
      Array.from({ length: Math.ceil(xs.length / 500) }, (_, i) => xs.slice(i * 500, i * 500 + 500));
    for (const part of chunks(bookingRows)) {
      await tx.insert(bookings).values(part).onConflictDoNothing();
    }
    for (const part of chunks(tickets)) {
      await tx.insert(queueTickets).values(part).onConflictDoNothing();
    }
    for (const part of chunks(cases)) {
      await tx.insert(serviceCases).values(part).onConflictDoNothing();
    }
    const perDay = new Map<string, { hallId: string; day: string; idNumber: string; active: number }>();
    for (const b of active) {
      const key = `${b.day}:${b.idNumber}`;
      perDay.set(key, {
        hallId: hall.id,
        day: b.day,
        idNumber: b.idNumber,
        active: (perDay.get(key)?.active ?? 0) + 1,
      });
    }
    for (const part of chunks([...perDay.values()])) {
      await tx
        .insert(bookingPersonDays)
        .values(part.map((p) => ({ tenantId, ...p })))
        .onConflictDoNothing();
    }
    const counters = new Map<string, number>();
    for (const t of tickets) {
      counters.set(t.groupId, Math.max(counters.get(t.groupId) ?? 0, t.seq));
    }
    for (const [groupId, last] of counters) {
      await tx
        .insert(queueCounters)
        .values({ tenantId, groupId, day: today, last })
        .onConflictDoUpdate({ target: [queueCounters.groupId, queueCounters.day], set: { last } });
    }
    // Counted from the bookings themselves, so a repeated load keeps them right (by the hall-day
    // index: bookings have none on the slot).
    await tx.execute(sql`update appointment_slots set booked = 0 where hall_id = ${hall.id} and day >= ${today}::date`);
    await tx.execute(sql`update appointment_slots s set booked = c.n
      from (select slot_id, count(*)::int as n from bookings where tenant_id = ${tenantId} and hall_id = ${hall.id}
              and day >= ${today}::date and status <> 'cancelled' group by 1) c
      where s.id = c.slot_id`);
  });
  await numberUnnumberedCases(db, tenantId);
  return {
    visitors: tickets.length,
    waiting: tickets.filter((t) => t.status === "waiting").length,
    bookings: bookingRows.length,
  };
}
