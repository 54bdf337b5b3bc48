import { and, asc, count, eq, ilike, ne, or } from "drizzle-orm";
import type { Resource } from "../../../../../packages/contracts/src/data-sharing.ts";
import { canAnywhere } from "../../platform/access-can.ts";
import type { Ctx } from "../../platform/actor.ts";
import { notFound } from "../../platform/errors.ts";
import { findUnitNames } from "../org/org.repo.ts";
import { VIEW_DATA } from "./data-sharing.policy.ts";
import { dataResources } from "./data-sharing.schema.ts";
import { aggregatedRowsOf, type ResourceFilter } from "./resources.repo.ts";
import { toResourceDto } from "./resources.service.ts";

/**
 * 共享目录: what every unit's data officer may ask for. A resource's metadata and 信息项 are published to
 * the whole district's officers unless it is 不予共享 — that is how a town learns what a department holds
 * and asks for it; the rows, batches and grants stay with the provider and the granted consumers.
 */
const shareable = (tenantId: string) => and(eq(dataResources.tenantId, tenantId), ne(dataResources.shareType, "none"));

function assertOfficer(ctx: Ctx) {
  if (!canAnywhere(ctx.actor, VIEW_DATA)) {
    throw notFound("data_resource");
  }
}

export async function sharedCatalogEntry(ctx: Ctx, code: string): Promise<Resource> {
  assertOfficer(ctx);
  const [r] = await ctx.db
    .select()
    .from(dataResources)
    .where(and(shareable(ctx.actor.tenantId), eq(dataResources.code, code)));
  if (!r) {
    throw notFound("data_resource");
  }
  const names = await findUnitNames(ctx.db, ctx.actor.tenantId, [r.providerUnitId]);
  return toResourceDto(r, names.get(r.providerUnitId) ?? "", await aggregatedRowsOf(ctx.db, r.id));
}

export async function listSharedCatalog(ctx: Ctx, f: ResourceFilter, page: { page: number; pageSize: number }) {
  assertOfficer(ctx);
  const where = and(
    shareable(ctx.actor.tenantId),
    f.q ? or(ilike(dataResources.name, `%${f.q}%`), ilike(dataResources.code, `%${f.q}%`)) : undefined,
    f.classification ? eq(dataResources.classification, f.classification) : undefined,
    f.providerUnitId ? eq(dataResources.providerUnitId, f.providerUnitId) : undefined,
  );
  const [total] = await ctx.db.select({ n: count() }).from(dataResources).where(where);
  const rows = await ctx.db
    .select()
    .from(dataResources)
    .where(where)
    .orderBy(asc(dataResources.code))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const names = await findUnitNames(
    ctx.db,
    ctx.actor.tenantId,
    rows.map((r) => r.providerUnitId),
  );
  return {
    total: total?.n ?? 0,
    items: rows.map((r) => {
      const {
        summary: _s,
        shareCondition: _c,
        shareMethod: _m,
        fields: _f,
        updatedAt: _u,
        ...rest
      } = toResourceDto(r, names.get(r.providerUnitId) ?? "", 0);
      return rest;
    }),
  };
}
