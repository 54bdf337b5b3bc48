import { and, count, desc, eq, gte, ilike, lte, or, type SQL, sql } from "drizzle-orm";
import { pathInScope } from "../../platform/access.ts";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { auditChains, auditLog } from "./audit.schema.ts";

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = typeof auditLog.$inferInsert;

/**
 * Reserves the next link of one chain; the row lock on its head serializes the writers of that
 * chain until they commit. The head row is created on first use.
 */
export async function nextChainLink(
  db: Db,
  tenantId: string,
  stream: number,
): Promise<{ seq: number; prevHash: string }> {
  const [row] = await db
    .insert(auditChains)
    .values({ tenantId, stream, seq: 1, head: "" })
    .onConflictDoUpdate({
      target: [auditChains.tenantId, auditChains.stream],
      set: { seq: sql`${auditChains.seq} + 1` },
    })
    .returning({ seq: auditChains.seq, prevHash: auditChains.head });
  if (!row) {
    throw new Error(`audit chain ${tenantId}/${stream} not available`);
  }
  return row;
}

/** Writes the entry and moves the chain head in one statement (one round trip under the head's lock). */
export async function appendAuditRow(db: Db, row: NewAuditRow & { stream: number; at: Date }): Promise<void> {
  await db.execute(sql`
    with entry as (
      insert into audit_log (tenant_id, stream, seq, at, actor_type, actor_id, actor_name, action, entity_type,
        entity_id, scope_path, summary, request_id, prev_hash, hash)
      values (${row.tenantId}, ${row.stream}, ${row.seq}, ${row.at.toISOString()}::timestamptz, ${row.actorType},
        ${row.actorId ?? null}, ${row.actorName ?? null}, ${row.action}, ${row.entityType}, ${row.entityId ?? null},
        ${row.scopePath ?? null}, ${JSON.stringify(row.summary)}::jsonb, ${row.requestId ?? null}, ${row.prevHash}, ${row.hash})
    )
    update ${auditChains} set head = ${row.hash}
    where ${auditChains.tenantId} = ${row.tenantId} and ${auditChains.stream} = ${row.stream}`);
}

export type AuditFilter = {
  action?: string | undefined;
  entityType?: string | undefined;
  actor?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
};

function filterWhere(tenantId: string, scope: readonly string[], f: AuditFilter): SQL | undefined {
  return and(
    eq(auditLog.tenantId, tenantId),
    // Rows without an entity path (e.g. sign-ins) are tenant-wide: visible to district-level auditors only.
    or(pathInScope(auditLog.scopePath, scope), and(sql`${auditLog.scopePath} is null`, pathInScope(sql`'/'`, scope))),
    f.action ? ilike(auditLog.action, `%${f.action}%`) : undefined,
    f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
    f.actor ? or(ilike(auditLog.actorName, `%${f.actor}%`), eq(auditLog.actorId, f.actor)) : undefined,
    f.from ? gte(auditLog.at, f.from) : undefined,
    f.to ? lte(auditLog.at, f.to) : undefined,
  );
}

export async function findAuditRows(
  db: Db,
  tenantId: string,
  scope: readonly string[],
  f: AuditFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: AuditRow[]; total: number }> {
  const where = filterWhere(tenantId, scope, f);
  const rows = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .offset(page.offset)
    .limit(page.limit);
  const [total] = await db.select({ n: count() }).from(auditLog).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

/** Reads one chain in order, a batch at a time. */
export async function readChainBatch(
  db: Db,
  tenantId: string,
  stream: number,
  afterSeq: number,
  limit: number,
): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.stream, stream), sql`${auditLog.seq} > ${afterSeq}`))
    .orderBy(auditLog.seq)
    .limit(limit);
}

/** The heads of a tenant's chains, plus any stream that has rows but lost its head. */
export async function readChainHeads(
  db: Db,
  tenantId: string,
): Promise<Array<{ stream: number; seq: number; head: string }>> {
  const heads = await db
    .select({ stream: auditChains.stream, seq: auditChains.seq, head: auditChains.head })
    .from(auditChains)
    .where(eq(auditChains.tenantId, tenantId));
  const streams = await db
    .selectDistinct({ stream: auditLog.stream })
    .from(auditLog)
    .where(eq(auditLog.tenantId, tenantId));
  for (const { stream } of streams) {
    if (!heads.some((h) => h.stream === stream)) {
      heads.push({ stream, seq: 0, head: "" });
    }
  }
  return heads.sort((a, b) => a.stream - b.stream);
}

/** Every non-empty chain head with its tenant's code, for a checkpoint (one tenant when `tenantCode` is given). */
export async function readHeadsForCheckpoint(
  db: Db,
  tenantCode?: string,
): Promise<Array<{ tenantId: string; tenantCode: string; stream: number; seq: number; head: string }>> {
  return queryRows(
    db,
    sql`select c.tenant_id as "tenantId", t.code as "tenantCode", c.stream::int as stream, c.seq::bigint as seq, c.head
        from audit_chains c join tenants t on t.id = c.tenant_id
        where c.seq > 0 ${tenantCode ? sql`and t.code = ${tenantCode}` : sql``}
        order by t.code, c.stream`,
  );
}

/** The hashes stored at the given (stream, seq) links of a tenant's chains; absent links are missing. */
export async function readHashesAt(
  db: Db,
  tenantId: string,
  links: ReadonlyArray<{ stream: number; seq: number }>,
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let i = 0; i < links.length; i += 500) {
    const part = links.slice(i, i + 500);
    const rows = await queryRows<{ stream: number; seq: number; hash: string }>(
      db,
      sql`select stream::int as stream, seq::bigint as seq, hash from audit_log
          where tenant_id = ${tenantId} and (stream, seq) in (${sql.join(
            part.map((l) => sql`(${l.stream}::int, ${l.seq}::bigint)`),
            sql`, `,
          )})`,
    );
    for (const r of rows) {
      found.set(`${Number(r.stream)}:${Number(r.seq)}`, r.hash);
    }
  }
  return found;
}
