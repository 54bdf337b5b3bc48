import { and, asc, desc, eq, gte, inArray, lt, ne, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { orgUnits } from "../org/org.schema.ts";
import { campaigns, slaPolicies, workOrderContacts, workOrderEvents, workOrders } from "./work-orders.schema.ts";

export type WorkOrderRow = typeof workOrders.$inferSelect;
export type NewWorkOrderRow = typeof workOrders.$inferInsert;
export type EventRow = typeof workOrderEvents.$inferSelect;
export type NewEventRow = typeof workOrderEvents.$inferInsert;
export type PolicyDbRow = typeof slaPolicies.$inferSelect;

/** Inserts unless the tenant already has this external number; the stored row, or undefined. */
export async function insertWorkOrderIfNew(db: Db, row: NewWorkOrderRow): Promise<WorkOrderRow | undefined> {
  const [inserted] = await db
    .insert(workOrders)
    .values(row)
    .onConflictDoNothing({ target: [workOrders.tenantId, workOrders.externalNo] })
    .returning();
  return inserted;
}

export async function findWorkOrderByExternalNo(
  db: Db,
  tenantId: string,
  externalNo: string,
): Promise<WorkOrderRow | undefined> {
  const [row] = await db
    .select()
    .from(workOrders)
    .where(and(eq(workOrders.tenantId, tenantId), eq(workOrders.externalNo, externalNo)));
  return row;
}

export async function findWorkOrderById(
  db: Db,
  tenantId: string,
  id: string,
  forUpdate = false,
): Promise<WorkOrderRow | undefined> {
  const q = db
    .select()
    .from(workOrders)
    .where(and(eq(workOrders.tenantId, tenantId), eq(workOrders.id, id)));
  const [row] = forUpdate ? await q.for("update") : await q;
  return row;
}

export async function findWorkOrderBySeqNo(db: Db, seqNo: number): Promise<WorkOrderRow | undefined> {
  const [row] = await db.select().from(workOrders).where(eq(workOrders.seqNo, seqNo));
  return row;
}

export async function updateWorkOrder(db: Db, id: string, patch: Partial<NewWorkOrderRow>): Promise<void> {
  await db.update(workOrders).set(patch).where(eq(workOrders.id, id));
}

export async function insertEvent(db: Db, row: NewEventRow): Promise<void> {
  await db.insert(workOrderEvents).values(row);
}

export async function findEvents(db: Db, tenantId: string, workOrderId: string): Promise<EventRow[]> {
  return db
    .select()
    .from(workOrderEvents)
    .where(and(eq(workOrderEvents.tenantId, tenantId), eq(workOrderEvents.workOrderId, workOrderId)))
    .orderBy(asc(workOrderEvents.seq));
}

export async function insertContact(db: Db, row: typeof workOrderContacts.$inferInsert): Promise<void> {
  await db.insert(workOrderContacts).values(row);
}

export async function findContacts(db: Db, tenantId: string, workOrderId: string) {
  return db
    .select()
    .from(workOrderContacts)
    .where(and(eq(workOrderContacts.tenantId, tenantId), eq(workOrderContacts.workOrderId, workOrderId)))
    .orderBy(asc(workOrderContacts.createdAt));
}

export async function findPolicies(db: Db, tenantId: string, year: number): Promise<PolicyDbRow[]> {
  return db
    .select()
    .from(slaPolicies)
    .where(and(eq(slaPolicies.tenantId, tenantId), eq(slaPolicies.year, year)));
}

export async function insertPolicies(db: Db, rows: Array<typeof slaPolicies.$inferInsert>): Promise<void> {
  await db.insert(slaPolicies).values(rows).onConflictDoNothing();
}

export async function findCampaigns(db: Db, tenantId: string) {
  return db.select().from(campaigns).where(eq(campaigns.tenantId, tenantId));
}

export async function insertCampaign(db: Db, row: typeof campaigns.$inferInsert): Promise<void> {
  await db.insert(campaigns).values(row).onConflictDoNothing();
}

/** Open tickets in one community (or with the same address), recent first: duplicate candidates. */
export async function findOpenNeighbours(
  db: Db,
  tenantId: string,
  wo: Pick<WorkOrderRow, "id" | "communityId" | "address" | "receivedAt">,
  openStatuses: readonly string[],
): Promise<WorkOrderRow[]> {
  const place: SQL[] = [];
  if (wo.communityId) {
    place.push(eq(workOrders.communityId, wo.communityId));
  }
  if (wo.address) {
    place.push(eq(workOrders.address, wo.address));
  }
  if (place.length === 0) {
    return [];
  }
  const since = new Date(wo.receivedAt.getTime() - 30 * 86400_000);
  return db
    .select()
    .from(workOrders)
    .where(
      and(
        eq(workOrders.tenantId, tenantId),
        ne(workOrders.id, wo.id),
        inArray(workOrders.status, [...openStatuses]),
        sql`(${sql.join(place, sql` or `)})`,
        sql`${workOrders.receivedAt} >= ${since.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(desc(workOrders.receivedAt))
    .limit(50);
}

/** Units that closed tickets like this one, ranked: same category and town, and shared topic words. */
export async function rankUnitsByHistory(
  db: Db,
  tenantId: string,
  category: string,
  townId: string | null,
  keywords: readonly string[],
) {
  const kw =
    keywords.length > 0
      ? sql`${workOrders.keywords} && ${sql`array[${sql.join(
          keywords.map((k) => sql`${k}`),
          sql`,`,
        )}]::text[]`}`
      : sql`false`;
  const town = townId ? sql`${workOrders.townId} = ${townId}` : sql`false`;
  const rows = await db
    .select({
      unitId: workOrders.unitId,
      unitName: orgUnits.name,
      sameCategory: sql<number>`count(*) filter (where ${workOrders.category} = ${category})::int`,
      sameCategoryTown: sql<number>`count(*) filter (where ${workOrders.category} = ${category} and ${town})::int`,
      sameKeywords: sql<number>`count(*) filter (where ${kw})::int`,
    })
    .from(workOrders)
    .innerJoin(orgUnits, eq(orgUnits.id, workOrders.unitId))
    .where(
      and(
        eq(workOrders.tenantId, tenantId),
        inArray(workOrders.status, ["closed", "archived"]),
        eq(workOrders.returnCount, 0),
        sql`(${workOrders.category} = ${category} or ${kw})`,
      ),
    )
    .groupBy(workOrders.unitId, orgUnits.name);
  return rows;
}

export async function findWorkOrderPage(db: Db, where: SQL | undefined, page: { offset: number; limit: number }) {
  const rows = await db
    .select()
    .from(workOrders)
    .where(where)
    .orderBy(desc(workOrders.receivedAt))
    .offset(page.offset)
    .limit(page.limit);
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(workOrders).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

/** Streams all rows of a filter in pages (for the Excel export). */
export async function findWorkOrdersBatch(db: Db, where: SQL | undefined, afterSeq: number, limit: number) {
  return db
    .select()
    .from(workOrders)
    .where(and(where, sql`${workOrders.seqNo} > ${afterSeq}`))
    .orderBy(asc(workOrders.seqNo))
    .limit(limit);
}

/** How many tickets match `where` (an export's total). */
export async function countWorkOrders(db: Db, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(workOrders).where(where);
  return Number(row?.n ?? 0);
}

/** The public progress page has no tenant: a number may exist in several districts. */
export async function findWorkOrdersByExternalNo(db: Db, externalNo: string): Promise<WorkOrderRow[]> {
  return db.select().from(workOrders).where(eq(workOrders.externalNo, externalNo)).limit(10);
}

/** Open tickets past a deadline whose supervision could still rise, a batch at a time. */
export async function findOverdueOpen(
  db: Db,
  now: Date,
  openStatuses: readonly string[],
  afterSeq: number,
  limit: number,
  tenantId?: string,
) {
  const at = sql`${now.toISOString()}::timestamptz`;
  return db
    .select()
    .from(workOrders)
    .where(
      and(
        tenantId === undefined ? undefined : eq(workOrders.tenantId, tenantId),
        inArray(workOrders.status, [...openStatuses]),
        sql`${workOrders.supervisionLevel} < 3`,
        sql`(${workOrders.closeDueAt} < ${at} or (${workOrders.acceptedAt} is null and ${workOrders.acceptDueAt} < ${at}))`,
        sql`${workOrders.seqNo} > ${afterSeq}`,
      ),
    )
    .orderBy(asc(workOrders.seqNo))
    .limit(limit);
}

export async function findPolicyById(db: Db, tenantId: string, id: string): Promise<PolicyDbRow | undefined> {
  const [row] = await db
    .select()
    .from(slaPolicies)
    .where(and(eq(slaPolicies.tenantId, tenantId), eq(slaPolicies.id, id)));
  return row;
}

export async function updatePolicy(db: Db, id: string, patch: Partial<typeof slaPolicies.$inferInsert>): Promise<void> {
  await db.update(slaPolicies).set(patch).where(eq(slaPolicies.id, id));
}

export type ChannelFilter = {
  tenantId: string;
  channel: string;
  seqNos?: number[] | undefined;
  category?: string | undefined;
  from: Date;
  to: Date;
  closed?: boolean | undefined;
  limit: number;
};

/** Tickets that arrived through one channel (e.g. Open311), newest first. */
export async function findTicketsOfChannel(db: Db, f: ChannelFilter): Promise<WorkOrderRow[]> {
  const done = ["closed", "archived"];
  return db
    .select()
    .from(workOrders)
    .where(
      and(
        eq(workOrders.tenantId, f.tenantId),
        eq(workOrders.channel, f.channel),
        f.seqNos ? inArray(workOrders.seqNo, f.seqNos.length > 0 ? f.seqNos : [-1]) : undefined,
        f.category ? eq(workOrders.category, f.category) : undefined,
        f.seqNos
          ? undefined
          : sql`${workOrders.receivedAt} >= ${f.from.toISOString()}::timestamptz and ${workOrders.receivedAt} < ${f.to.toISOString()}::timestamptz`,
        f.closed === undefined
          ? undefined
          : f.closed
            ? inArray(workOrders.status, done)
            : sql`${workOrders.status} not in ('closed', 'archived')`,
      ),
    )
    .orderBy(desc(workOrders.receivedAt))
    .limit(f.limit);
}

/** Hotline tickets closed in [from, to) across tenants (for the default-rating job). */
export async function findTicketsClosedBetween(db: Db, from: Date, to: Date): Promise<WorkOrderRow[]> {
  return db
    .select()
    .from(workOrders)
    .where(and(eq(workOrders.kind, "hotline"), gte(workOrders.closedAt, from), lt(workOrders.closedAt, to)))
    .limit(50_000);
}
