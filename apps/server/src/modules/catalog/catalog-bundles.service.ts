import { randomUUID } from "node:crypto";
import type { Bundle, BundleInput } from "../../../../../packages/contracts/src/catalog.ts";
import type { Ctx } from "../../platform/actor.ts";
import { AppError, authorize, conflict, notFound, validation } from "../../platform/errors.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { findUnitNames } from "../org/org.repo.ts";
import { canEditBundle, canViewItem } from "./catalog.policy.ts";
import {
  type BundleVersionRow,
  closeBundleVersion,
  findBundleId,
  findBundles,
  findCurrentVersions,
  insertBundles,
  insertBundleVersions,
} from "./catalog.repo.ts";
import { asOfBoundary } from "./catalog-time.ts";
import { changedBy } from "./catalog-write.ts";

async function toBundles(ctx: Ctx, rows: BundleVersionRow[]): Promise<Bundle[]> {
  const codes = [...new Set(rows.flatMap((r) => r.itemCodes))];
  const items = new Map((await findCurrentVersions(ctx.db, ctx.actor.tenantId, codes)).map((v) => [v.code, v]));
  const names = await findUnitNames(
    ctx.db,
    ctx.actor.tenantId,
    [...items.values()].map((v) => v.departmentId),
  );
  return rows.map((r) => ({
    id: r.bundleId,
    code: r.code,
    name: r.name,
    description: r.description,
    version: r.version,
    validFrom: r.validFrom.toISOString(),
    items: r.itemCodes.map((code) => {
      const v = items.get(code);
      return { code, name: v?.name ?? "", departmentName: v ? (names.get(v.departmentId) ?? "") : "" };
    }),
  }));
}

/** 一件事 bundles as of a date (current when omitted). */
export async function listBundles(ctx: Ctx, asOf?: string): Promise<{ items: Bundle[] }> {
  const rows = await findBundles(ctx.db, ctx.actor.tenantId, asOf ? asOfBoundary(asOf) : null);
  return { items: await toBundles(ctx, rows) };
}

/** Member items must exist, be in use and be editable by the actor; unseen ones count as missing (404). */
async function checkMembers(ctx: Ctx, input: BundleInput): Promise<void> {
  if (new Set(input.itemCodes).size !== input.itemCodes.length) {
    throw validation([{ path: "itemCodes", message: "事项重复" }]);
  }
  const found = await findCurrentVersions(ctx.db, ctx.actor.tenantId, input.itemCodes);
  const byCode = new Map(found.filter((v) => !v.withdrawn && canViewItem(ctx.actor, v)).map((v) => [v.code, v]));
  const missing = input.itemCodes.filter((c) => !byCode.has(c));
  if (missing.length > 0) {
    const message = `事项 ${missing.join("、")} 不存在或已撤销`;
    throw new AppError("not_found", message, [{ path: "itemCodes", message }]);
  }
  authorize(canEditBundle(ctx.actor, [...byCode.values()]), "只有事项管理员可以维护一件事套餐");
}

/** Creates a bundle or saves a new version of it (by code). @throws validation, forbidden, conflict */
export async function saveBundle(ctx: Ctx, input: BundleInput, bundleId?: string): Promise<Bundle> {
  await checkMembers(ctx, input);
  const existingId = await findBundleId(ctx.db, ctx.actor.tenantId, input.code);
  if (bundleId && existingId !== bundleId) {
    throw bundleId && !existingId
      ? notFound("catalog_bundle")
      : validation([{ path: "code", message: "编码不能修改" }]);
  }
  if (!bundleId && existingId) {
    throw conflict(`一件事编码 ${input.code} 已存在`, [{ path: "code", message: "编码已存在" }]);
  }
  const [current] = existingId
    ? await findBundles(ctx.db, ctx.actor.tenantId, null, { code: input.code })
    : [undefined];
  const id = existingId ?? randomUUID();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (!existingId) {
      await insertBundles(tx, [{ id, tenantId: ctx.actor.tenantId, code: input.code }]);
    } else {
      await closeBundleVersion(tx, id, now);
    }
    await insertBundleVersions(tx, [
      {
        id: randomUUID(),
        tenantId: ctx.actor.tenantId,
        bundleId: id,
        version: (current?.version ?? 0) + 1,
        validFrom: now,
        validTo: null,
        changedBy: changedBy(ctx),
        code: input.code,
        name: input.name,
        description: input.description,
        itemCodes: input.itemCodes,
      },
    ]);
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: existingId ? "catalog_bundle.update" : "catalog_bundle.create",
        entityType: "catalog_bundle",
        entityId: id,
        scopePath: null,
        summary: { code: input.code, name: input.name, items: input.itemCodes },
      },
    );
  });
  const [saved] = await toBundles(ctx, await findBundles(ctx.db, ctx.actor.tenantId, null, { code: input.code }));
  if (!saved) {
    throw notFound("catalog_bundle");
  }
  return saved;
}
