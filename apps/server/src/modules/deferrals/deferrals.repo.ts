import { and, asc, count, desc, eq, isNull, lte, type SQL } from "drizzle-orm";
import { pathInScope } from "../../platform/access.ts";
import type { Db } from "../../platform/db/client.ts";
import { creditFlags, deferralEvents, deferrals } from "./deferrals.schema.ts";

export type DeferralRow = typeof deferrals.$inferSelect;
export type DeferralEventRow = typeof deferralEvents.$inferSelect;
export type CreditFlagRow = typeof creditFlags.$inferSelect;

export async function insertDeferral(db: Db, row: typeof deferrals.$inferInsert): Promise<void> {
  await db.insert(deferrals).values(row);
}

export async function insertDeferralEvent(db: Db, row: typeof deferralEvents.$inferInsert): Promise<void> {
  await db.insert(deferralEvents).values(row);
}

export async function findDeferral(db: Db, tenantId: string, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(deferrals)
    .where(and(eq(deferrals.tenantId, tenantId), eq(deferrals.id, id)));
  const [row] = forUpdate ? await q.for("update") : await q;
  return row;
}

export async function findDeferralByCase(db: Db, caseId: string) {
  const [row] = await db.select().from(deferrals).where(eq(deferrals.caseId, caseId));
  return row;
}

export async function findDeferralEvents(db: Db, tenantId: string, id: string): Promise<DeferralEventRow[]> {
  return db
    .select()
    .from(deferralEvents)
    .where(and(eq(deferralEvents.tenantId, tenantId), eq(deferralEvents.deferralId, id)))
    .orderBy(asc(deferralEvents.at));
}

export async function updateDeferral(db: Db, id: string, set: Partial<DeferralRow>): Promise<void> {
  await db.update(deferrals).set(set).where(eq(deferrals.id, id));
}

export async function listDeferrals(
  db: Db,
  tenantId: string,
  paths: readonly string[],
  f: { status?: string; hallId?: string },
  page: { offset: number; limit: number },
) {
  const where: SQL | undefined = and(
    eq(deferrals.tenantId, tenantId),
    pathInScope(deferrals.scopePath, paths),
    f.status ? eq(deferrals.status, f.status) : undefined,
    f.hallId ? eq(deferrals.hallId, f.hallId) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(deferrals).where(where);
  const items = await db
    .select()
    .from(deferrals)
    .where(where)
    .orderBy(desc(deferrals.acceptedAt))
    .limit(page.limit)
    .offset(page.offset);
  return { items, total: total?.n ?? 0 };
}

/** Awaiting deferrals whose next reminder or deadline may have come (all tenants, for the job). */
export async function findAwaitingDue(db: Db, horizon: Date): Promise<DeferralRow[]> {
  return db
    .select()
    .from(deferrals)
    .where(and(eq(deferrals.status, "awaiting"), lte(deferrals.acceptedAt, horizon)))
    .orderBy(asc(deferrals.makeUpDueAt))
    .limit(5_000);
}

export async function findOpenCreditFlag(db: Db, tenantId: string, idNumber: string) {
  const [row] = await db
    .select()
    .from(creditFlags)
    .where(and(eq(creditFlags.tenantId, tenantId), eq(creditFlags.idNumber, idNumber), isNull(creditFlags.liftedAt)));
  return row;
}

export async function findCreditFlag(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(creditFlags)
    .where(and(eq(creditFlags.tenantId, tenantId), eq(creditFlags.id, id)));
  return row;
}

export async function insertCreditFlag(db: Db, row: typeof creditFlags.$inferInsert): Promise<void> {
  await db.insert(creditFlags).values(row);
}

export async function updateCreditFlag(db: Db, id: string, set: Partial<CreditFlagRow>): Promise<void> {
  await db.update(creditFlags).set(set).where(eq(creditFlags.id, id));
}

export async function listCreditFlags(
  db: Db,
  tenantId: string,
  paths: readonly string[],
  page: { offset: number; limit: number },
) {
  const where = and(eq(creditFlags.tenantId, tenantId), pathInScope(creditFlags.scopePath, paths));
  const [total] = await db.select({ n: count() }).from(creditFlags).where(where);
  const items = await db
    .select()
    .from(creditFlags)
    .where(where)
    .orderBy(desc(creditFlags.createdAt))
    .limit(page.limit)
    .offset(page.offset);
  return { items, total: total?.n ?? 0 };
}
