import type { ExemptSourceList } from "../../../../../packages/contracts/src/data-sharing-exempt.ts";
import { can, inActorTenant } from "../../platform/access-can.ts";
import type { Ctx } from "../../platform/actor.ts";
import { forbidden } from "../../platform/errors.ts";
import { findRootUnit, findUnitNames } from "../org/org.repo.ts";
import { VIEW_DATA } from "./data-sharing.policy.ts";
import { exemptItemsOf, exemptSources } from "./exempt-links.repo.ts";
import { loadVisibleResource } from "./resources.service.ts";

/** The catalog items whose 免提交 materials name the resource: as far as the resource is visible, else 404. */
export async function exemptMaterialsOf(ctx: Ctx, code: string, page: { page: number; pageSize: number }) {
  const resource = await loadVisibleResource(ctx, code);
  const found = await exemptItemsOf(ctx.db, ctx.actor.tenantId, resource.name, {
    offset: (page.page - 1) * page.pageSize,
    limit: page.pageSize,
  });
  const names = await findUnitNames(
    ctx.db,
    ctx.actor.tenantId,
    found.items.map((i) => i.departmentId),
  );
  return {
    source: resource.name,
    total: found.total,
    materials: found.materials,
    items: found.items.map(({ departmentId, ...i }) => ({ ...i, departmentName: names.get(departmentId) ?? "" })),
  };
}

/**
 * Every source the catalog's 免提交 materials name, with its resource or flagged. The list spans the
 * whole catalog and every provider, so it is for the district's data officers only.
 */
export async function listExemptSources(ctx: Ctx): Promise<ExemptSourceList> {
  const root = await findRootUnit(ctx.db, ctx.actor.tenantId);
  if (!root || !can(ctx.actor, VIEW_DATA, inActorTenant(ctx.actor, root.path))) {
    throw forbidden("免提交数据来源核对涉及全区事项与资源，仅区级数据管理员可查看");
  }
  const rows = await exemptSources(ctx.db, ctx.actor.tenantId);
  const items = rows.map((r) => ({ ...r, flagged: r.resourceCode === null }));
  return { total: items.length, flagged: items.filter((i) => i.flagged).length, items };
}
