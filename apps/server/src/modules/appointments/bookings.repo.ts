import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { bookingPersonDays, bookings } from "./appointments.schema.ts";

export type BookingRow = typeof bookings.$inferSelect;
export type NewBookingRow = typeof bookings.$inferInsert;

export async function insertBooking(db: Db, row: NewBookingRow): Promise<BookingRow> {
  const [inserted] = await db.insert(bookings).values(row).returning();
  if (!inserted) {
    throw new Error("booking insert returned nothing");
  }
  return inserted;
}

export async function findBookingByCode(db: Db, code: string, forUpdate = false): Promise<BookingRow | undefined> {
  const q = db.select().from(bookings).where(eq(bookings.code, code));
  const [row] = forUpdate ? await q.for("update") : await q;
  return row;
}

export async function findBookingById(db: Db, id: string): Promise<BookingRow | undefined> {
  const [row] = await db.select().from(bookings).where(eq(bookings.id, id));
  return row;
}

export async function updateBooking(db: Db, id: string, patch: Partial<NewBookingRow>): Promise<void> {
  await db.update(bookings).set(patch).where(eq(bookings.id, id));
}

/**
 * Counts one more active booking for a person at a hall on a day, unless `max` are active already.
 * The upsert locks the person's row, so concurrent requests of one person are decided one after
 * the other. False when the limit was reached.
 */
export async function takePersonDay(
  db: Db,
  key: { tenantId: string; hallId: string; day: string; idNumber: string },
  max: number,
): Promise<boolean> {
  const rows = await db
    .insert(bookingPersonDays)
    .values({ ...key, active: 1 })
    .onConflictDoUpdate({
      target: [bookingPersonDays.hallId, bookingPersonDays.day, bookingPersonDays.idNumber],
      set: { active: sql`${bookingPersonDays.active} + 1` },
      setWhere: sql`${bookingPersonDays.active} < ${max}`,
    })
    .returning({ active: bookingPersonDays.active });
  return rows.length === 1;
}

export async function releasePersonDay(db: Db, b: Pick<BookingRow, "hallId" | "day" | "idNumber">): Promise<void> {
  await db
    .update(bookingPersonDays)
    .set({ active: sql`greatest(${bookingPersonDays.active} - 1, 0)` })
    .where(
      and(
        eq(bookingPersonDays.hallId, b.hallId),
        eq(bookingPersonDays.day, b.day),
        eq(bookingPersonDays.idNumber, b.idNumber),
      ),
    );
}

/** Slot starts of a person's no-shows since `since`. */
export async function findNoShowTimes(db: Db, tenantId: string, idNumber: string, since: Date): Promise<Date[]> {
  const rows = await db
    .select({ at: bookings.startsAt })
    .from(bookings)
    .where(
      and(
        eq(bookings.tenantId, tenantId),
        eq(bookings.idNumber, idNumber),
        eq(bookings.status, "no_show"),
        gte(bookings.startsAt, since),
      ),
    );
  return rows.map((r) => r.at);
}

/** Bookings still `booked` whose slot has ended: the holder did not come. */
export async function findOverdueBookings(db: Db, tenantId: string, now: Date, idNumber?: string) {
  const conds = [eq(bookings.tenantId, tenantId), eq(bookings.status, "booked"), lt(bookings.endsAt, now)];
  if (idNumber) {
    conds.push(eq(bookings.idNumber, idNumber));
  }
  return db
    .select()
    .from(bookings)
    .where(and(...conds))
    .limit(5000);
}

export async function markNoShows(db: Db, ids: string[]): Promise<void> {
  if (ids.length) {
    await db.update(bookings).set({ status: "no_show" }).where(inArray(bookings.id, ids));
  }
}

export async function findBookingsByIds(db: Db, ids: string[]): Promise<BookingRow[]> {
  return ids.length ? db.select().from(bookings).where(inArray(bookings.id, ids)) : [];
}

export async function findTenantsWithOverdue(db: Db, now: Date): Promise<string[]> {
  const rows = await db
    .selectDistinct({ tenantId: bookings.tenantId })
    .from(bookings)
    .where(and(eq(bookings.status, "booked"), lt(bookings.endsAt, now)));
  return rows.map((r) => r.tenantId);
}
