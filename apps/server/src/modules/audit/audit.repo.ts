import { and, count, desc, eq, gte, ilike, lte, or, type SQL, sql } from "drizzle-orm";
import { pathInScope } from "../../platform/access.ts";
import type { Db } from "../../platform/db/client.ts";
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
