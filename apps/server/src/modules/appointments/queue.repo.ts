import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { queueCounters, queueTickets, serviceCases } from "./appointments.schema.ts";

export type TicketRow = typeof queueTickets.$inferSelect;
export type NewTicketRow = typeof queueTickets.$inferInsert;
export type CaseRow = typeof serviceCases.$inferSelect;

/** The next number of a group on a day; the upsert makes concurrent check-ins take distinct numbers. */
export async function nextQueueSeq(db: Db, tenantId: string, groupId: string, day: string): Promise<number> {
  const [row] = await db
    .insert(queueCounters)
    .values({ tenantId, groupId, day, last: 1 })
    .onConflictDoUpdate({
      target: [queueCounters.groupId, queueCounters.day],
      set: { last: sql`${queueCounters.last} + 1` },
    })
    .returning({ last: queueCounters.last });
  if (!row) {
    throw new Error("queue counter upsert returned nothing");
  }
  return row.last;
}

export async function insertTicket(db: Db, row: NewTicketRow): Promise<TicketRow> {
  const [inserted] = await db.insert(queueTickets).values(row).returning();
  if (!inserted) {
    throw new Error("ticket insert returned nothing");
  }
  return inserted;
}

export async function updateTicket(db: Db, id: string, patch: Partial<NewTicketRow>): Promise<TicketRow> {
  const [row] = await db.update(queueTickets).set(patch).where(eq(queueTickets.id, id)).returning();
  if (!row) {
    throw new Error("ticket update returned nothing");
  }
  return row;
}

/** The ticket a window is calling or serving, locked for the change about to be made. */
export async function findWindowTicket(db: Db, windowId: string, forUpdate = false): Promise<TicketRow | undefined> {
  const q = db
    .select()
    .from(queueTickets)
    .where(and(eq(queueTickets.windowId, windowId), inArray(queueTickets.status, ["called", "serving"])))
    .limit(1);
  const [row] = forUpdate ? await q.for("update") : await q;
  return row;
}

/**
 * The next visitor of a group (order: see compareQueue in queue-order.ts, which this mirrors).
 * SKIP LOCKED lets two windows of one group call at the same moment without taking the same person.
 */
export async function pickNextWaiting(db: Db, groupId: string, day: string, now: Date): Promise<TicketRow | undefined> {
  const [row] = await db
    .select()
    .from(queueTickets)
    .where(and(eq(queueTickets.groupId, groupId), eq(queueTickets.day, day), eq(queueTickets.status, "waiting")))
    .orderBy(
      sql`case when ${queueTickets.bookingId} is not null and ${queueTickets.priorityAt} <= ${now} then 0 else 1 end`,
      asc(queueTickets.priorityAt),
      asc(queueTickets.seq),
    )
    .limit(1)
    .for("update", { skipLocked: true });
  return row;
}

export async function findHallTickets(db: Db, hallId: string, day: string, statuses: string[]): Promise<TicketRow[]> {
  return db
    .select()
    .from(queueTickets)
    .where(and(eq(queueTickets.hallId, hallId), eq(queueTickets.day, day), inArray(queueTickets.status, statuses)))
    .orderBy(desc(queueTickets.calledAt), asc(queueTickets.seq));
}

export async function insertCase(db: Db, row: typeof serviceCases.$inferInsert): Promise<CaseRow> {
  const [inserted] = await db.insert(serviceCases).values(row).returning();
  if (!inserted) {
    throw new Error("case insert returned nothing");
  }
  return inserted;
}

export async function findCasesByIds(db: Db, ids: string[]): Promise<CaseRow[]> {
  return ids.length ? db.select().from(serviceCases).where(inArray(serviceCases.id, ids)) : [];
}

export async function findTicketsByIds(db: Db, ids: string[]): Promise<TicketRow[]> {
  return ids.length ? db.select().from(queueTickets).where(inArray(queueTickets.id, ids)) : [];
}

/** Visitors waiting to be called on `day` across the given halls (the cockpit's queue now). */
export async function countWaiting(db: Db, hallIds: readonly string[], day: string): Promise<number> {
  if (hallIds.length === 0) {
    return 0;
  }
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(queueTickets)
    .where(
      and(inArray(queueTickets.hallId, [...hallIds]), eq(queueTickets.day, day), eq(queueTickets.status, "waiting")),
    );
  return Number(row?.n ?? 0);
}
