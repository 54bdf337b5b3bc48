import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import { pathInScope } from "../../platform/access.ts";
import type { Db } from "../../platform/db/client.ts";
import { orgUnits } from "../org/org.schema.ts";
import { apiKeys } from "./api-keys.schema.ts";

export type ApiKeyRow = typeof apiKeys.$inferSelect & { orgPath: string };

const columns = { key: apiKeys, orgPath: orgUnits.path };

export async function insertApiKey(db: Db, row: typeof apiKeys.$inferInsert): Promise<void> {
  await db.insert(apiKeys).values(row);
}

export async function findApiKeyByPrefix(db: Db, prefix: string): Promise<ApiKeyRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(apiKeys)
    .innerJoin(orgUnits, eq(orgUnits.id, apiKeys.orgUnitId))
    .where(eq(apiKeys.prefix, prefix));
  return row ? { ...row.key, orgPath: row.orgPath } : undefined;
}

export async function findApiKeyById(db: Db, tenantId: string, id: string): Promise<ApiKeyRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(apiKeys)
    .innerJoin(orgUnits, eq(orgUnits.id, apiKeys.orgUnitId))
    .where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, id)));
  return row ? { ...row.key, orgPath: row.orgPath } : undefined;
}

export async function findApiKeysInScope(db: Db, tenantId: string, paths: readonly string[]): Promise<ApiKeyRow[]> {
  const rows = await db
    .select(columns)
    .from(apiKeys)
    .innerJoin(orgUnits, eq(orgUnits.id, apiKeys.orgUnitId))
    .where(and(eq(apiKeys.tenantId, tenantId), pathInScope(orgUnits.path, paths)))
    .orderBy(desc(apiKeys.createdAt));
  return rows.map((r) => ({ ...r.key, orgPath: r.orgPath }));
}

export async function markRevoked(db: Db, id: string, at: Date): Promise<void> {
  await db
    .update(apiKeys)
    .set({ revokedAt: at })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)));
}

/** Touches last_used_at at most once a minute per key, to keep intake writes cheap. */
export async function touchApiKey(db: Db, id: string, now: Date): Promise<void> {
  const minuteAgo = new Date(now.getTime() - 60_000);
  await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, minuteAgo))));
}
