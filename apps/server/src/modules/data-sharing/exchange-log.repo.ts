import { and, count, desc, eq, gte, lte, or, type SQL, sql } from "drizzle-orm";
import { pathInScope } from "../../platform/access.ts";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { dataExchangeChains, dataExchangeLog } from "./data-sharing.schema.ts";

export type ExchangeRow = typeof dataExchangeLog.$inferSelect;

/**
 * Appends rows in their order: statements of 500 rows, each row numbered, linked to the chain's head
 * and hashed by the database's trigger as it is inserted (so the chain is the one single appends
 * would have written).
 */
export async function appendExchangeRows(
  db: Db,
  rows: ReadonlyArray<Omit<typeof dataExchangeLog.$inferInsert, "seq" | "prevHash" | "hash">>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insert(dataExchangeLog)
      .values(rows.slice(i, i + 500).map((row) => ({ ...row, seq: 0, prevHash: "", hash: "" })));
  }
}

export type BrokenLink = { id: string; seq: number; position: number; problem: "gap" | "prev" | "hash"; after: number };

/** The first row whose stored hash is not the hash of its content (the insert trigger's function). */
async function firstMisHashed(db: Db, tenantId: string): Promise<number | null> {
  const [row] = await queryRows<{ seq: string | null }>(
    db,
    sql`select min(seq) as seq from data_exchange_log l where tenant_id = ${tenantId} and exchange_link_hash(l) <> hash`,
  );
  return row?.seq == null ? null : Number(row.seq);
}

/** The first row that does not follow its predecessor: a gap in the numbers or another previous hash. */
async function firstMisLinked(db: Db, tenantId: string) {
  const [row] = await queryRows<{ seq: string; problem: "gap" | "prev"; after: string }>(
    db,
    sql`select seq, case when seq <> coalesce(before_seq, 0) + 1 then 'gap' else 'prev' end as problem,
               coalesce(before_seq, 0) as after
        from (select seq, prev_hash, lag(hash) over w as before_hash, lag(seq) over w as before_seq
              from data_exchange_log where tenant_id = ${tenantId} window w as (order by seq)) links
        where seq <> coalesce(before_seq, 0) + 1 or prev_hash <> coalesce(before_hash, '')
        order by seq
        limit 1`,
  );
  return row ? { seq: Number(row.seq), problem: row.problem, after: Number(row.after) } : null;
}

/**
 * The first link of the tenant's chain that does not hold, recomputed by the database (the hash
 * function its insert trigger applies), and the chain's length and last link. The content check and
 * the linkage check are separate statements so a server runs them side by side.
 */
export async function checkExchangeLinks(db: Db, tenantId: string) {
  const [misHashed, misLinked, last] = await Promise.all([
    firstMisHashed(db, tenantId),
    firstMisLinked(db, tenantId),
    queryRows<{ seq: string | null; hash: string | null; n: string }>(
      db,
      sql`select (select count(*) from data_exchange_log where tenant_id = ${tenantId}) as n, seq, hash
          from (select 1) one
          left join lateral (select seq, hash from data_exchange_log where tenant_id = ${tenantId}
                             order by seq desc limit 1) t on true`,
    ),
  ]);
  // At the same row a broken linkage is reported first, as a reader walking the chain meets it.
  const first =
    misLinked && (misHashed === null || misLinked.seq <= misHashed)
      ? misLinked
      : misHashed !== null
        ? { seq: misHashed, problem: "hash" as const, after: 0 }
        : null;
  let broken: BrokenLink | null = null;
  if (first) {
    const [at] = await queryRows<{ id: string; position: string }>(
      db,
      sql`select id::text as id,
                 (select count(*) from data_exchange_log where tenant_id = ${tenantId} and seq <= ${first.seq}) as position
          from data_exchange_log where tenant_id = ${tenantId} and seq = ${first.seq} limit 1`,
    );
    broken = { ...first, id: at?.id ?? "", position: Number(at?.position ?? 0) };
  }
  const tail = last[0];
  return {
    broken,
    count: Number(tail?.n ?? 0),
    lastSeq: Number(tail?.seq ?? 0),
    lastHash: tail?.hash ?? "",
  };
}

export async function readExchangeHead(db: Db, tenantId: string) {
  const [row] = await db.select().from(dataExchangeChains).where(eq(dataExchangeChains.tenantId, tenantId));
  return row ?? { tenantId, seq: 0, head: "" };
}

export type ExchangeFilter = {
  resourceCode?: string | undefined;
  consumerUnitId?: string | undefined;
  providerUnitId?: string | undefined;
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
    f.providerUnitId
      ? sql`${dataExchangeLog.resourceId} in (select r.id from data_resources r where r.provider_unit_id = ${f.providerUnitId})`
      : undefined,
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
