import { randomUUID } from "node:crypto";
import type {
  InfoSystem,
  Resource,
  ResourceInput,
  ResourceUpdate,
  SystemInput,
} from "../../../../../packages/contracts/src/data-sharing.ts";
import { RESOURCE_CLASSES, ResourceFieldSchema } from "../../../../../packages/contracts/src/data-sharing.ts";
import { scopeFor } from "../../platform/access-can.ts";
import type { Actor, Ctx } from "../../platform/actor.ts";
import { conflict, notFound, validation } from "../../platform/errors.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { canonicalJson } from "../audit/audit-hash.ts";
import { findOrgUnitById, findUnitNames } from "../org/org.repo.ts";
import { queryFieldOf } from "./batch-rows.ts";
import { refacetRows } from "./batches.repo.ts";
import { canManageDataAt, VIEW_DATA } from "./data-sharing.policy.ts";
import {
  aggregatedRowsOf,
  existingCodes,
  findResourceByCode,
  findResourceVersions,
  findSystem,
  findVisibleResource,
  insertResource,
  insertResourceVersion,
  insertSystem,
  listResources,
  listSystems,
  type ResourceFilter,
  type ResourceRow,
  resourceCounts,
  type SystemRow,
  updateResource,
  updateSystem,
} from "./resources.repo.ts";
import { forgetServedGrants } from "./served-grants.ts";

export function nameOf(actor: Actor): string {
  return actor.kind === "user" ? actor.displayName : actor.name;
}

const auditWriter = (ctx: Ctx, db = ctx.db) => ({ db, actor: ctx.actor, clock: ctx.clock, requestId: ctx.requestId });

export function toResourceDto(r: ResourceRow, providerName: string, aggregatedRows: number): Resource {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    providerUnitId: r.providerUnitId,
    providerName,
    classification: r.classification as Resource["classification"],
    subclass: r.subclass,
    format: r.format as Resource["format"],
    shareType: r.shareType as Resource["shareType"],
    openType: r.openType as Resource["openType"],
    updateCycle: r.updateCycle as Resource["updateCycle"],
    publishedOn: r.publishedOn,
    version: r.version,
    aggregatedRows,
    summary: r.summary,
    shareCondition: r.shareCondition,
    shareMethod: r.shareMethod,
    fields: r.fields,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** A unit the actor manages data for, or 404 (an out-of-scope unit is not revealed). */
async function managedUnit(ctx: Ctx, unitId: string) {
  const unit = await findOrgUnitById(ctx.db, ctx.actor.tenantId, unitId);
  if (!unit || !canManageDataAt(ctx.actor, unit.path)) {
    // Out of scope reads as absent (404), like every record the actor may not see.
    throw notFound("org_unit");
  }
  return unit;
}

/** A resource the actor may see (own subtree or shared to it), else 404. */
export async function loadVisibleResource(ctx: Ctx, code: string): Promise<ResourceRow> {
  const r = await findVisibleResource(ctx.db, ctx.actor.tenantId, code, scopeFor(ctx.actor, VIEW_DATA));
  if (!r) {
    throw notFound("data_resource");
  }
  return r;
}

/** A resource the actor provides (manages), else 404 — or 404 when it only sees it as shared. */
export async function loadManagedResource(ctx: Ctx, code: string): Promise<ResourceRow> {
  const r = await findResourceByCode(ctx.db, ctx.actor.tenantId, code);
  if (!r || !canManageDataAt(ctx.actor, r.scopePath)) {
    throw notFound("data_resource");
  }
  return r;
}

export async function getResource(ctx: Ctx, code: string): Promise<Resource> {
  const r = await loadVisibleResource(ctx, code);
  const names = await findUnitNames(ctx.db, ctx.actor.tenantId, [r.providerUnitId]);
  return toResourceDto(r, names.get(r.providerUnitId) ?? "", await aggregatedRowsOf(ctx.db, r.id));
}

export async function listResourcesFor(ctx: Ctx, f: ResourceFilter, page: { page: number; pageSize: number }) {
  const r = await listResources(ctx.db, ctx.actor.tenantId, scopeFor(ctx.actor, VIEW_DATA), f, {
    offset: (page.page - 1) * page.pageSize,
    limit: page.pageSize,
  });
  const names = await findUnitNames(
    ctx.db,
    ctx.actor.tenantId,
    r.items.map((i) => i.resource.providerUnitId),
  );
  return {
    total: r.total,
    items: r.items.map(({ resource, aggregatedRows }) => {
      const {
        summary: _s,
        shareCondition: _c,
        shareMethod: _m,
        fields: _f,
        updatedAt: _u,
        ...rest
      } = toResourceDto(resource, names.get(resource.providerUnitId) ?? "", aggregatedRows);
      return rest;
    }),
  };
}

export async function resourceTree(ctx: Ctx) {
  const { byClass, byProvider } = await resourceCounts(ctx.db, ctx.actor.tenantId, scopeFor(ctx.actor, VIEW_DATA));
  const names = await findUnitNames(
    ctx.db,
    ctx.actor.tenantId,
    byProvider.map((p) => p.unitId),
  );
  return {
    byClassification: RESOURCE_CLASSES.map((c) => {
      const subs = byClass.filter((b) => b.classification === c);
      return {
        classification: c,
        count: subs.reduce((s, b) => s + b.n, 0),
        subclasses: subs.map((b) => ({ subclass: b.subclass, count: b.n })),
      };
    }),
    byProvider: byProvider
      .map((p) => ({ unitId: p.unitId, unitName: names.get(p.unitId) ?? "", count: p.n }))
      .sort((a, b) => a.unitName.localeCompare(b.unitName, "zh")),
  };
}

const EDITABLE = [
  "name",
  "providerUnitId",
  "summary",
  "classification",
  "subclass",
  "format",
  "shareType",
  "shareCondition",
  "shareMethod",
  "openType",
  "updateCycle",
  "publishedOn",
  "fields",
] as const satisfies readonly (keyof ResourceUpdate & keyof ResourceRow)[];

/** What an edit changes, property by property (信息项 as one list). */
export function resourceDiff(
  before: Partial<Record<(typeof EDITABLE)[number], unknown>> | null,
  after: ResourceUpdate,
) {
  const diff: Record<string, { before: unknown; after: unknown }> = {};
  for (const k of EDITABLE) {
    // 信息项 stored before an attribute existed (查询条件) compare with its default, not as a change.
    const b =
      before && k === "fields" && Array.isArray(before[k]) ? ResourceFieldSchema.array().parse(before[k]) : before?.[k];
    if (canonicalJson(b ?? null) !== canonicalJson(after[k])) {
      diff[k] = { before: b ?? null, after: after[k] };
    }
  }
  return diff;
}

/** Catalogues a resource of a unit the actor manages; version 1. @throws validation, conflict */
export async function createResource(ctx: Ctx, input: ResourceInput): Promise<Resource> {
  const unit = await managedUnit(ctx, input.providerUnitId);
  if (await findResourceByCode(ctx.db, ctx.actor.tenantId, input.code)) {
    throw conflict(`资源代码 ${input.code} 已被使用`, { code: "duplicate" });
  }
  const now = ctx.clock.now();
  const id = randomUUID();
  const { code, ...body } = input;
  await ctx.db.transaction(async (tx) => {
    await insertResource(tx, {
      id,
      tenantId: ctx.actor.tenantId,
      code,
      ...body,
      scopePath: unit.path,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    await insertResourceVersion(tx, {
      id: randomUUID(),
      tenantId: ctx.actor.tenantId,
      resourceId: id,
      version: 1,
      at: now,
      actorName: nameOf(ctx.actor),
      diff: resourceDiff(null, body),
    });
    await recordAudit(auditWriter(ctx, tx), {
      action: "data_resource.create",
      entityType: "data_resource",
      entityId: id,
      scopePath: unit.path,
      summary: { code, name: input.name, shareType: input.shareType, fields: input.fields.length },
    });
  });
  return getResource(ctx, code);
}

/** An edit: a new version with its diff, audited. Nothing changed → no new version. @throws not_found, validation */
export async function updateResourceFor(ctx: Ctx, code: string, input: ResourceUpdate): Promise<Resource> {
  const seen = await loadManagedResource(ctx, code);
  const unit =
    input.providerUnitId === seen.providerUnitId
      ? { path: seen.scopePath }
      : await managedUnit(ctx, input.providerUnitId);
  await ctx.db.transaction(async (tx) => {
    const r = await findResourceByCode(tx, ctx.actor.tenantId, code, true);
    if (!r) {
      throw notFound("data_resource");
    }
    const diff = resourceDiff(r, input);
    if (Object.keys(diff).length === 0) {
      return;
    }
    const now = ctx.clock.now();
    const version = r.version + 1;
    await updateResource(tx, r.id, { ...input, scopePath: unit.path, version, updatedAt: now });
    const queryField = queryFieldOf(input.fields);
    if (queryFieldOf(r.fields) !== queryField) {
      await refacetRows(tx, r.id, queryField);
    }
    await insertResourceVersion(tx, {
      id: randomUUID(),
      tenantId: ctx.actor.tenantId,
      resourceId: r.id,
      version,
      at: now,
      actorName: nameOf(ctx.actor),
      diff,
    });
    await recordAudit(auditWriter(ctx, tx), {
      action: "data_resource.update",
      entityType: "data_resource",
      entityId: r.id,
      scopePath: unit.path,
      summary: { code, version, changed: Object.keys(diff) },
    });
  });
  forgetServedGrants(); // after the commit (an import's outer transaction clears again after its own)
  return getResource(ctx, code);
}

export async function resourceVersions(ctx: Ctx, code: string) {
  const r = await loadVisibleResource(ctx, code);
  const rows = await findResourceVersions(ctx.db, r.id);
  return {
    items: rows.map((v) => ({ version: v.version, at: v.at.toISOString(), actorName: v.actorName, diff: v.diff })),
  };
}

function toSystemDto(s: SystemRow, ownerName: string): InfoSystem {
  return {
    id: s.id,
    name: s.name,
    ownerUnitId: s.ownerUnitId,
    ownerName,
    onGovCloud: s.onGovCloud,
    protectionLevel: s.protectionLevel,
    provides: s.provides,
    consumes: s.consumes,
    updatedAt: s.updatedAt.toISOString(),
  };
}

async function checkCodes(ctx: Ctx, input: SystemInput): Promise<void> {
  const known = await existingCodes(ctx.db, ctx.actor.tenantId, [...input.provides, ...input.consumes]);
  const issues = (["provides", "consumes"] as const).flatMap((k) =>
    input[k]
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => !known.has(c))
      .map(({ c, i }) => ({ path: `${k}.${i}`, message: `资源代码 ${c} 不在资源目录中` })),
  );
  if (issues.length > 0) {
    throw validation(issues);
  }
}

export async function listSystemsFor(
  ctx: Ctx,
  page: { page: number; pageSize: number; onGovCloud?: "true" | "false" | undefined },
) {
  const r = await listSystems(
    ctx.db,
    ctx.actor.tenantId,
    scopeFor(ctx.actor, VIEW_DATA),
    { offset: (page.page - 1) * page.pageSize, limit: page.pageSize },
    page.onGovCloud === undefined ? undefined : page.onGovCloud === "true",
  );
  const names = await findUnitNames(
    ctx.db,
    ctx.actor.tenantId,
    r.items.map((s) => s.ownerUnitId),
  );
  return {
    total: r.total,
    onGovCloud: r.onGovCloud,
    items: r.items.map((s) => toSystemDto(s, names.get(s.ownerUnitId) ?? "")),
  };
}

/** Registers a system of a unit the actor manages. @throws validation */
export async function createSystem(ctx: Ctx, input: SystemInput): Promise<InfoSystem> {
  const unit = await managedUnit(ctx, input.ownerUnitId);
  await checkCodes(ctx, input);
  const id = randomUUID();
  const row = { id, tenantId: ctx.actor.tenantId, ...input, scopePath: unit.path, updatedAt: ctx.clock.now() };
  await ctx.db.transaction(async (tx) => {
    await insertSystem(tx, row);
    await recordAudit(auditWriter(ctx, tx), {
      action: "data_system.create",
      entityType: "data_system",
      entityId: id,
      scopePath: unit.path,
      summary: { name: input.name, onGovCloud: input.onGovCloud, protectionLevel: input.protectionLevel },
    });
  });
  return toSystemDto(row, unit.name);
}

/** @throws not_found (outside the actor's subtrees), validation */
export async function updateSystemFor(ctx: Ctx, id: string, input: SystemInput): Promise<InfoSystem> {
  const s = await findSystem(ctx.db, ctx.actor.tenantId, id);
  if (!s || !canManageDataAt(ctx.actor, s.scopePath)) {
    throw notFound("data_system");
  }
  const unit = await managedUnit(ctx, input.ownerUnitId);
  await checkCodes(ctx, input);
  const set = { ...input, scopePath: unit.path, updatedAt: ctx.clock.now() };
  await ctx.db.transaction(async (tx) => {
    await updateSystem(tx, id, set);
    await recordAudit(auditWriter(ctx, tx), {
      action: "data_system.update",
      entityType: "data_system",
      entityId: id,
      scopePath: unit.path,
      summary: { name: input.name, onGovCloud: input.onGovCloud, protectionLevel: input.protectionLevel },
    });
  });
  return toSystemDto({ ...s, ...set }, unit.name);
}
