import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type {
  Item,
  ItemInput,
  ItemListQuery,
  ItemVersionSchema,
  PolicyCaseInput,
} from "../../../../../packages/contracts/src/catalog.ts";
import { FieldChangeSchema } from "../../../../../packages/contracts/src/catalog.ts";
import type { Ctx } from "../../platform/actor.ts";
import { AppError, authorize, conflict, notFound, validation } from "../../platform/errors.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { findOrgUnitById, findUnitNames } from "../org/org.repo.ts";
import { toItemDto, toItemSummary, versionToInput } from "./catalog.mapper.ts";
import { canEditItem, canViewItem, catalogReadPaths } from "./catalog.policy.ts";
import {
  countPolicyCases,
  findItemIdsByCodes,
  findMaterials,
  findVersion,
  findVersionHistory,
  type ItemVersionRow,
  insertPolicyCases,
} from "./catalog.repo.ts";
import { diffItem } from "./catalog-diff.ts";
import { queryItems } from "./catalog-list.repo.ts";
import { asOfBoundary } from "./catalog-time.ts";
import { hierarchyIssue, writeVersions } from "./catalog-write.ts";

type ItemVersion = z.infer<typeof ItemVersionSchema>;

/** The item's version at `asOf` (current when omitted) if the actor may see it. @throws not_found */
async function visibleVersion(ctx: Ctx, itemId: string, asOf?: string): Promise<ItemVersionRow> {
  const v = await findVersion(ctx.db, ctx.actor.tenantId, { itemId }, asOf ? asOfBoundary(asOf) : null);
  if (!v || !canViewItem(ctx.actor, v)) {
    throw notFound("catalog_item");
  }
  return v;
}

/** The item (with its materials) as it is now, or as it was at the end of `asOf`. @throws not_found */
export async function getItem(ctx: Ctx, itemId: string, asOf?: string): Promise<Item> {
  const v = await visibleVersion(ctx, itemId, asOf);
  const materials = (await findMaterials(ctx.db, [v.id])).get(v.id) ?? [];
  const names = await findUnitNames(ctx.db, ctx.actor.tenantId, [v.departmentId]);
  return toItemDto(v, materials, {
    departmentName: names.get(v.departmentId) ?? "",
    policyCases: await countPolicyCases(ctx.db, ctx.actor.tenantId, v.itemId, asOf ?? null),
    canEdit: !asOf && !v.withdrawn && canEditItem(ctx.actor, v),
  });
}

/** Every version of an item, newest first: who changed what and when. @throws not_found */
export async function listItemVersions(ctx: Ctx, itemId: string): Promise<{ items: ItemVersion[] }> {
  await visibleVersion(ctx, itemId);
  const rows = await findVersionHistory(ctx.db, ctx.actor.tenantId, itemId);
  return {
    items: rows.map((r) => ({
      version: r.version,
      validFrom: r.validFrom.toISOString(),
      validTo: r.validTo ? r.validTo.toISOString() : null,
      changedBy: r.changedBy,
      action: r.action as ItemVersion["action"],
      changes: FieldChangeSchema.array().parse(r.changes),
    })),
  };
}

/** Staff catalog list with filters, as of a date when given. */
export async function findItems(ctx: Ctx, q: ItemListQuery) {
  const { total, rows } = await queryItems(ctx.db, ctx.actor.tenantId, catalogReadPaths(ctx.actor), q);
  const names = await findUnitNames(
    ctx.db,
    ctx.actor.tenantId,
    rows.map((r) => r.version.departmentId),
  );
  return {
    total,
    items: rows.map((r) =>
      toItemSummary(r.version, {
        departmentName: names.get(r.version.departmentId) ?? "",
        materialCount: r.materialCount,
        exemptCount: r.exemptCount,
      }),
    ),
  };
}

/** The department an item is filed under, visible to the actor. @throws not_found with the field */
async function departmentFor(ctx: Ctx, departmentId: string) {
  const unit = await findOrgUnitById(ctx.db, ctx.actor.tenantId, departmentId);
  if (!unit || !canViewItem(ctx.actor, { tenantId: unit.tenantId, scopePath: unit.path })) {
    throw new AppError("not_found", "主管部门不存在或不在您的管辖范围内", [
      { path: "departmentId", message: "主管部门不存在或不在您的管辖范围内" },
    ]);
  }
  return unit;
}

async function checkParent(ctx: Ctx, input: ItemInput): Promise<void> {
  if (!input.parentCode) {
    return;
  }
  const parent = await findVersion(ctx.db, ctx.actor.tenantId, { code: input.parentCode }, null);
  const issue = hierarchyIssue(input, parent);
  if (issue) {
    throw validation([issue]);
  }
}

/** Adds an item to the catalog (version 1). @throws not_found (department), forbidden, validation, conflict */
export async function createItem(ctx: Ctx, input: ItemInput): Promise<Item> {
  const unit = await departmentFor(ctx, input.departmentId);
  authorize(
    canEditItem(ctx.actor, { tenantId: unit.tenantId, scopePath: unit.path }),
    "只有事项管理员可以维护本辖区的事项",
  );
  if ((await findItemIdsByCodes(ctx.db, ctx.actor.tenantId, [input.code])).size > 0) {
    throw conflict(`事项编码 ${input.code} 已存在`, [{ path: "code", message: "事项编码已存在" }]);
  }
  await checkParent(ctx, input);
  const names = await findUnitNames(ctx.db, ctx.actor.tenantId, [unit.id]);
  const changes = diffItem(null, input, names);
  const [id = ""] = await ctx.db.transaction(async (tx) => {
    const ids = await writeVersions(ctx, tx, [
      { input, previous: undefined, scopePath: unit.path, changes, action: "create" },
    ]);
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "catalog_item.create",
        entityType: "catalog_item",
        entityId: ids[0] ?? null,
        scopePath: unit.path,
        summary: { code: input.code, name: input.name, materials: input.materials.length },
      },
    );
    return ids;
  });
  return getItem(ctx, id);
}

/**
 * Saves an edit as a new version; an edit that changes nothing writes nothing.
 * @throws not_found, forbidden, validation, conflict
 */
export async function updateItem(ctx: Ctx, itemId: string, input: ItemInput): Promise<Item> {
  const current = await visibleVersion(ctx, itemId);
  authorize(canEditItem(ctx.actor, current) && !current.withdrawn, "只有事项管理员可以维护本辖区的事项");
  if (input.code !== current.code) {
    throw validation([{ path: "code", message: "事项编码不能修改" }]);
  }
  const unit = await departmentFor(ctx, input.departmentId);
  authorize(
    canEditItem(ctx.actor, { tenantId: unit.tenantId, scopePath: unit.path }),
    "只有事项管理员可以维护本辖区的事项",
  );
  await checkParent(ctx, input);
  const before = versionToInput(current, (await findMaterials(ctx.db, [current.id])).get(current.id) ?? []);
  const names = await findUnitNames(ctx.db, ctx.actor.tenantId, [before.departmentId, input.departmentId]);
  const changes = diffItem(before, input, names);
  if (changes.length === 0) {
    return getItem(ctx, itemId);
  }
  await ctx.db.transaction(async (tx) => {
    await writeVersions(ctx, tx, [{ input, previous: current, scopePath: unit.path, changes, action: "update" }]);
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "catalog_item.update",
        entityType: "catalog_item",
        entityId: itemId,
        scopePath: unit.path,
        summary: { code: input.code, version: current.version + 1, changes },
      },
    );
  });
  return getItem(ctx, itemId);
}

/** Takes an item out of the catalog from now on; its history stays readable. @throws not_found, forbidden */
export async function withdrawItem(ctx: Ctx, itemId: string): Promise<Item> {
  const current = await visibleVersion(ctx, itemId);
  authorize(canEditItem(ctx.actor, current), "只有事项管理员可以维护本辖区的事项");
  if (current.withdrawn) {
    throw conflict("事项已撤销");
  }
  const input = versionToInput(current, (await findMaterials(ctx.db, [current.id])).get(current.id) ?? []);
  const changes = [{ field: "withdrawn", label: "状态", before: "在用", after: "已撤销" }];
  await ctx.db.transaction(async (tx) => {
    await writeVersions(ctx, tx, [
      { input, previous: current, scopePath: current.scopePath, changes, action: "withdraw", withdrawn: true },
    ]);
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "catalog_item.withdraw",
        entityType: "catalog_item",
        entityId: itemId,
        scopePath: current.scopePath,
        summary: { code: current.code },
      },
    );
  });
  return getItem(ctx, itemId);
}

/** Records a 政策兑现 case under a policy-benefit item. @throws not_found, forbidden, validation, conflict */
export async function addPolicyCase(ctx: Ctx, itemId: string, input: PolicyCaseInput) {
  const current = await visibleVersion(ctx, itemId);
  authorize(canEditItem(ctx.actor, current), "只有事项管理员可以登记政策兑现");
  if (!current.policyBenefit || current.withdrawn) {
    throw validation([{ path: "itemId", message: "该事项不是在用的政策兑现事项" }]);
  }
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await insertPolicyCases(tx, [
      {
        id,
        tenantId: ctx.actor.tenantId,
        itemId,
        caseNo: input.caseNo,
        grantedOn: input.grantedOn,
        beneficiaryKind: input.beneficiaryKind,
        amountFen: input.amountFen,
      },
    ]);
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "catalog_policy_case.create",
        entityType: "catalog_item",
        entityId: itemId,
        scopePath: current.scopePath,
        summary: { code: current.code, caseNo: input.caseNo, grantedOn: input.grantedOn },
      },
    );
  });
  return { id, itemCode: current.code, ...input };
}
