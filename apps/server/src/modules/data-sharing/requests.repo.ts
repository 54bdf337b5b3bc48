import { and, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import { pathInScope } from "../../platform/access.ts";
import type { Db } from "../../platform/db/client.ts";
import { dataGrants, dataRequests, dataResources } from "./data-sharing.schema.ts";
import { type ReminderStage, remindedAt } from "./request-reminders.repo.ts";

export type RequestRow = typeof dataRequests.$inferSelect;
export type GrantRow = typeof dataGrants.$inferSelect;
export type RequestWithResource = { request: RequestRow; code: string; name: string; providerUnitId: string };

const withResource = {
  request: dataRequests,
  code: dataResources.code,
  name: dataResources.name,
  providerUnitId: dataResources.providerUnitId,
};

export async function insertRequest(db: Db, row: typeof dataRequests.$inferInsert): Promise<void> {
  await db.insert(dataRequests).values(row);
}

export async function insertGrant(db: Db, row: typeof dataGrants.$inferInsert): Promise<void> {
  await db.insert(dataGrants).values(row);
}

export async function updateRequest(db: Db, id: string, set: Partial<RequestRow>): Promise<void> {
  await db.update(dataRequests).set(set).where(eq(dataRequests.id, id));
}

export async function updateGrant(db: Db, id: string, set: Partial<GrantRow>): Promise<void> {
  await db.update(dataGrants).set(set).where(eq(dataGrants.id, id));
}

export async function findRequest(db: Db, tenantId: string, id: string, forUpdate = false) {
  const q = db
    .select(withResource)
    .from(dataRequests)
    .innerJoin(dataResources, eq(dataResources.id, dataRequests.resourceId))
    .where(and(eq(dataRequests.tenantId, tenantId), eq(dataRequests.id, id)));
  const [row] = forUpdate ? await q.for("update", { of: dataRequests }) : await q;
  return row;
}

export async function findGrant(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(dataGrants)
    .where(and(eq(dataGrants.tenantId, tenantId), eq(dataGrants.id, id)));
  return row;
}

/** A grant and the resource of `code` (which may be another than the grant's), or undefined when either is missing. */
export async function findGrantWithResource(db: Db, tenantId: string, grantId: string, code: string) {
  const [row] = await db
    .select({ grant: dataGrants, resource: dataResources })
    .from(dataGrants)
    .innerJoin(dataResources, and(eq(dataResources.tenantId, dataGrants.tenantId), eq(dataResources.code, code)))
    .where(and(eq(dataGrants.tenantId, tenantId), eq(dataGrants.id, grantId)));
  return row;
}

/** Grants by id with their resource's code and name (for the credentials list). */
export async function grantsWithResources(db: Db, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) {
    return new Map<string, { grant: GrantRow; resourceCode: string; resourceName: string }>();
  }
  const rows = await db
    .select({ grant: dataGrants, resourceCode: dataResources.code, resourceName: dataResources.name })
    .from(dataGrants)
    .innerJoin(dataResources, eq(dataResources.id, dataGrants.resourceId))
    .where(and(eq(dataGrants.tenantId, tenantId), inArray(dataGrants.id, [...ids])));
  return new Map(rows.map((r) => [r.grant.id, r]));
}

export async function grantsOfRequests(db: Db, ids: readonly string[]): Promise<Map<string, GrantRow>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db
    .select()
    .from(dataGrants)
    .where(inArray(dataGrants.requestId, [...ids]));
  return new Map(rows.map((g) => [g.requestId, g]));
}

export async function listRequests(
  db: Db,
  tenantId: string,
  f: {
    side: "consumer" | "provider";
    paths: readonly string[];
    status?: string | undefined;
    resourceCode?: string | undefined;
    deadline?: ReminderStage | undefined;
  },
  page: { offset: number; limit: number },
) {
  const where: SQL | undefined = and(
    eq(dataRequests.tenantId, tenantId),
    pathInScope(f.side === "consumer" ? dataRequests.consumerPath : dataRequests.providerPath, f.paths),
    f.status ? eq(dataRequests.status, f.status) : undefined,
    f.resourceCode ? eq(dataResources.code, f.resourceCode) : undefined,
    f.deadline ? remindedAt(f.deadline) : undefined,
  );
  const [total] = await db
    .select({ n: count() })
    .from(dataRequests)
    .innerJoin(dataResources, eq(dataResources.id, dataRequests.resourceId))
    .where(where);
  const items = await db
    .select(withResource)
    .from(dataRequests)
    .innerJoin(dataResources, eq(dataResources.id, dataRequests.resourceId))
    .where(where)
    .orderBy(desc(dataRequests.createdAt), desc(dataRequests.id))
    .limit(page.limit)
    .offset(page.offset);
  return { total: total?.n ?? 0, items };
}
