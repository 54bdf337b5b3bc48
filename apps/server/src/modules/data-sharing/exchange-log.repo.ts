import { and, count, desc, eq, gte, lte, or, type SQL, sql } from "drizzle-orm";
import { pathInScope } from "../../platform/access.ts";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { dataExchangeChains, dataExchangeLog } from "./data-sharing.schema.ts";

export type ExchangeRow = typeof dataExchangeLog.$inferSelect;

/** Reserves the next link of the tenant's exchange chain; the head row's lock orders the writers. */
export async function nextExchangeLink(db: Db, tenantId: string): Promise<{ seq: number; prevHash: string }> {
  const [row] = await db
    .insert(dataExchangeChains)
    .values({ tenantId, seq: 1, head: "" })
    .onConflictDoUpdate({ target: dataExchangeChains.tenantId, set: { seq: sql`${dataExchangeChains.seq} + 1` } })
    .returning({ seq: dataExchangeChains.seq, prevHash: dataExchangeChains.head });
  if (!row) {
    throw new Error(`exchange chain of ${tenantId} not available`);
  }
  return row;
}

/** Reserves `n` links at once: the first one's seq and the hash it follows. */
export async function reserveExchangeLinks(
  db: Db,
  tenantId: string,
  n: number,
): Promise<{ firstSeq: number; prevHash: string }> {
  const [row] = await db
    .insert(dataExchangeChains)
    .values({ tenantId, seq: n, head: "" })
    .onConflictDoUpdate({ target: dataExchangeChains.tenantId, set: { seq: sql`${dataExchangeChains.seq} + ${n}` } })
    .returning({ seq: dataExchangeChains.seq, prevHash: dataExchangeChains.head });
  if (!row) {
    throw new Error(`exchange chain of ${tenantId} not available`);
  }
  return { firstSeq: row.seq - n + 1, prevHash: row.prevHash };
}

/** Rows already linked in seq order; the chain's head moves to the last. */
export async function appendExchangeRows(
  db: Db,
  tenantId: string,
  rows: ReadonlyArray<typeof dataExchangeLog.$inferInsert>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db.insert(dataExchangeLog).values(rows.slice(i, i + 500));
  }
  const last = rows.at(-1);
  if (last) {
    await db.update(dataExchangeChains).set({ head: last.hash }).where(eq(dataExchangeChains.tenantId, tenantId));
  }
}

export async function appendExchangeRow(db: Db, row: typeof dataExchangeLog.$inferInsert): Promise<void> {
  await db.insert(dataExchangeLog).values(row);
  await db.update(dataExchangeChains).set({ head: row.hash }).where(eq(dataExchangeChains.tenantId, row.tenantId));
}

export async function readExchangeBatch(db: Db, tenantId: string, afterSeq: number, limit: number) {
  return db
    .select()
    .from(dataExchangeLog)
    .where(and(eq(dataExchangeLog.tenantId, tenantId), sql`${dataExchangeLog.seq} > ${afterSeq}`))
    .orderBy(dataExchangeLog.seq)
    .limit(limit);
}

export async function readExchangeHead(db: Db, tenantId: string) {
  const [row] = await db.select().from(dataExchangeChains).where(eq(dataExchangeChains.tenantId, tenantId));
  return row ?? { tenantId, seq: 0, head: "" };
}

export type ExchangeFilter = {
  resourceCode?: string | undefined;
  consumerUnitId?: string | undefined;
  outcome?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
};

/** Entries where the scope is the consumer or the provider. */
function scopedWhere(tenantId: string, paths: readonly string[], f: ExchangeFilter): SQL | undefined {
  return and(
    eq(dataExchangeLog.tenantId, tenantId),
    or(pathInScope(dataExchangeLog.consumerPath, paths), pathInScope(dataExchangeLog.providerPath, paths)),
    f.resourceCode ? eq(dataExchangeLog.resourceCode, f.resourceCode) : undefined,
    f.consumerUnitId ? eq(dataExchangeLog.consumerUnitId, f.consumerUnitId) : undefined,
    f.outcome ? eq(dataExchangeLog.outcome, f.outcome) : undefined,
    f.from ? gte(dataExchangeLog.at, f.from) : undefined,
    f.to ? lte(dataExchangeLog.at, f.to) : undefined,
  );
}

export async function listExchange(
  db: Db,
  tenantId: string,
  paths: readonly string[],
  f: ExchangeFilter,
  page: { offset: number; limit: number },
) {
  const where = scopedWhere(tenantId, paths, f);
  const [total] = await db.select({ n: count() }).from(dataExchangeLog).where(where);
  const items = await db
    .select()
    .from(dataExchangeLog)
    .where(where)
    .orderBy(desc(dataExchangeLog.seq))
    .limit(page.limit)
    .offset(page.offset);
  return { total: total?.n ?? 0, items };
}

const GROUPS = {
  consumer: sql`consumer_unit_id::text`,
  provider: sql`(select r.provider_unit_id::text from data_resources r where r.id = resource_id)`,
  resource: sql`resource_code`,
  month: sql`to_char(at at time zone 'Asia/Shanghai', 'YYYY-MM')`,
} as const;
export type CounterGroup = keyof typeof GROUPS;

/** Rows served and calls, per consumer, provider, resource or month (served calls only). */
export async function exchangeCounters(
  db: Db,
  tenantId: string,
  paths: readonly string[],
  by: CounterGroup,
  f: ExchangeFilter,
) {
  const where = scopedWhere(tenantId, paths, { ...f, outcome: "served" });
  return queryRows<{ key: string; rows: number; calls: number }>(
    db,
    sql`select ${GROUPS[by]} as key, coalesce(sum(rows_returned), 0)::bigint::float8 as rows, count(*)::int as calls
        from ${dataExchangeLog} where ${where} group by 1 order by 1`,
  );
}
