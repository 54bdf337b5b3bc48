import { randomUUID } from "node:crypto";
import type { CreateOrgUnitInput, UpdateOrgUnitInput } from "../../../../../packages/contracts/src/org.ts";
import { scopeFor } from "../../platform/access-can.ts";
import type { Ctx } from "../../platform/actor.ts";
import { authorize, notFound } from "../../platform/errors.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { canManageOrgUnit, canViewOrgUnit, VIEW_ORG } from "./org.policy.ts";
import {
  findOrgUnitById,
  findOrgUnitsInScope,
  insertOrgUnits,
  maxChildSort,
  type OrgUnitWithCount,
  updateOrgUnitName,
} from "./org.repo.ts";
import { filterTreeByQuery } from "./org-tree.ts";

/** The units the actor may see, optionally narrowed to matches of `q` and their ancestors. */
export async function findOrgTree(ctx: Ctx, q?: string): Promise<OrgUnitWithCount[]> {
  const units = await findOrgUnitsInScope(ctx.db, ctx.actor.tenantId, scopeFor(ctx.actor, VIEW_ORG));
  return q ? filterTreeByQuery(units, q) : units;
}

/** @throws not_found when the unit is outside the actor's subtrees */
export async function getOrgUnit(ctx: Ctx, id: string): Promise<OrgUnitWithCount> {
  const unit = await findOrgUnitById(ctx.db, ctx.actor.tenantId, id);
  if (!unit || !canViewOrgUnit(ctx.actor, unit)) {
    throw notFound("org_unit");
  }
  return unit;
}

/** Adds a child unit. @throws not_found (parent not visible), forbidden (not an admin of the parent) */
export async function createOrgUnit(ctx: Ctx, input: CreateOrgUnitInput): Promise<OrgUnitWithCount> {
  const parent = await getOrgUnit(ctx, input.parentId);
  authorize(canManageOrgUnit(ctx.actor, parent), "只有该机构的管理员可以新增下级机构");
  const id = randomUUID();
  const path = `${parent.path}${id}/`;
  await ctx.db.transaction(async (tx) => {
    const sort = (await maxChildSort(tx, parent.id)) + 1;
    await insertOrgUnits(tx, [
      {
        id,
        tenantId: ctx.actor.tenantId,
        parentId: parent.id,
        path,
        depth: parent.depth + 1,
        code: input.code ?? null,
        name: input.name,
        kind: input.kind,
        sort,
      },
    ]);
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "org.unit.create",
        entityType: "org_unit",
        entityId: id,
        scopePath: path,
        summary: { name: input.name, kind: input.kind, code: input.code ?? null, parent: parent.name },
      },
    );
  });
  return getOrgUnit(ctx, id);
}

/** Renames a unit. @throws not_found, forbidden */
export async function renameOrgUnit(ctx: Ctx, id: string, input: UpdateOrgUnitInput): Promise<OrgUnitWithCount> {
  const unit = await getOrgUnit(ctx, id);
  authorize(canManageOrgUnit(ctx.actor, unit), "只有该机构的管理员可以修改机构");
  await ctx.db.transaction(async (tx) => {
    await updateOrgUnitName(tx, ctx.actor.tenantId, id, input.name);
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "org.unit.rename",
        entityType: "org_unit",
        entityId: id,
        scopePath: unit.path,
        summary: { name: { from: unit.name, to: input.name } },
      },
    );
  });
  return getOrgUnit(ctx, id);
}
