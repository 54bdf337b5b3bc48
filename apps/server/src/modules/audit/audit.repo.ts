import { and, count, desc, eq, gte, ilike, lte, or, type SQL, sql } from "drizzle-orm";
import { pathInScope } from "../../platform/access.ts";
import type { Db } from "../../platform/db/client.ts";
import { tenants } from "../tenants/tenants.schema.ts";
import { auditLog } from "./audit.schema.ts";

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = typeof auditLog.$inferInsert;

/** Reserves the next sequence number; the row lock on the tenant serializes writers of one chain. */
export async function nextChainLink(db: Db, tenantId: string): Promise<{ seq: number; prevHash: string }> {
  const [row] = await db
    .update(tenants)
    .set({ auditSeq: sql`${tenants.auditSeq} + 1` })
    .where(eq(tenants.id, tenantId))
    .returning({ seq: tenants.auditSeq, prevHash: tenants.auditHead });
  if (!row) {
    throw new Error(`tenant ${tenantId} not found for audit`);
  }
  return row;
}

export async function appendAuditRow(db: Db, row: NewAuditRow): Promise<void> {
  await db.insert(auditLog).values(row);
  await db.update(tenants).set({ auditHead: row.hash }).where(eq(tenants.id, row.tenantId));
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
    .orderBy(desc(auditLog.seq))
    .offset(page.offset)
    .limit(page.limit);
  const [total] = await db.select({ n: count() }).from(auditLog).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

/** Reads the chain in order, a batch at a time. */
export async function readChainBatch(db: Db, tenantId: string, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), sql`${auditLog.seq} > ${afterSeq}`))
    .orderBy(auditLog.seq)
    .limit(limit);
}

export async function readChainHead(db: Db, tenantId: string): Promise<{ seq: number; head: string } | undefined> {
  const [row] = await db
    .select({ seq: tenants.auditSeq, head: tenants.auditHead })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return row;
}
