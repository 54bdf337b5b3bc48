import type { ResourceField } from "../../../../../packages/contracts/src/data-sharing.ts";
import type { Ctx } from "../../platform/actor.ts";
import { AppError, notFound, validation } from "../../platform/errors.ts";
import { maskIdNumber, maskPhone } from "../../platform/mask.ts";
import { businessDay } from "../calendar/work-calendar.ts";
import { facetOf, queryFieldOf, type StoredValue } from "./batch-rows.ts";
import { pageOfRows } from "./data-rows.repo.ts";
import { logExchange } from "./exchange-log.service.ts";
import type { GrantRow } from "./requests.repo.ts";
import { grantState } from "./requests.service.ts";
import type { ResourceRow } from "./resources.repo.ts";
import { servedGrant } from "./served-grants.ts";

export type RowsQuery = { page: number; pageSize: number; fields?: string | undefined } & Record<string, unknown>;

/** A personal value as the data service shows it without the provider's leave: enough to recognise, not to use. */
export function maskValue(v: StoredValue): StoredValue {
  if (v === null || typeof v !== "string") {
    return v === null ? null : "****";
  }
  if (/^\d{17}[\dXx]$/.test(v)) {
    return maskIdNumber(v);
  }
  if (/^1\d{10}$/.test(v)) {
    return maskPhone(v);
  }
  const chars = [...v];
  return chars.length <= 1 ? "*" : `${chars[0]}${"*".repeat(Math.min(chars.length - 1, 8))}`;
}

/** The query's filter[field]=value pairs; anything else but page, pageSize and fields is a 400. */
function parseFilters(q: RowsQuery): Record<string, string> {
  const filters: Record<string, string> = {};
  const issues: Array<{ path: string; message: string }> = [];
  for (const [k, v] of Object.entries(q)) {
    if (k === "page" || k === "pageSize" || k === "fields") {
      continue;
    }
    const m = /^filter\[(.+)\]$/.exec(k);
    if (!m?.[1] || typeof v !== "string") {
      issues.push({ path: k, message: "不支持的查询参数：筛选请用 filter[信息项]=值" });
      continue;
    }
    filters[m[1]] = v;
  }
  if (issues.length > 0) {
    throw validation(issues);
  }
  return filters;
}

function typed(f: ResourceField, raw: string): StoredValue {
  if (f.type === "N") {
    const n = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(n)) {
      throw validation([{ path: `filter[${f.name}]`, message: "应为数值" }]);
    }
    return n;
  }
  if (f.type === "L") {
    return raw === "true" || raw === "是";
  }
  return raw;
}

/**
 * 数据服务: a page of a resource's rows under the credential's grant. Only granted fields; personal
 * fields masked unless the grant allows them; a revoked, expired or not-yet-valid grant, another
 * resource or a field beyond the grant is refused (403 with the reason) — and every call, served or
 * refused, goes to the hash-chained exchange log.
 */
export async function serveRows(ctx: Ctx, code: string, q: RowsQuery) {
  const actor = ctx.actor;
  if (actor.kind !== "api_key" || !actor.grantId) {
    throw new AppError("forbidden", "该接口密钥不是数据服务凭证（未绑定共享授权）");
  }
  // Read in one round trip and kept a few seconds: under a consumer system's load every statement counts.
  const found = await servedGrant(ctx.db, actor.tenantId, actor.grantId, code);
  if (!found) {
    throw notFound("data_resource");
  }
  const { grant, resource } = found;
  const filters = parseFilters(q);
  const wanted = q.fields
    ? q.fields
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : grant.fields;
  const entry = (fields: string[]) => ({
    tenantId: actor.tenantId,
    at: ctx.clock.now(),
    consumerUnitId: grant.consumerUnitId,
    consumerPath: grant.consumerPath,
    providerPath: resource.scopePath,
    grantId: grant.id,
    resourceId: resource.id,
    resourceCode: resource.code,
    fields,
    filter: filters,
    requestId: ctx.requestId,
  });
  const refusal = refusalOf(grant, resource, [...wanted, ...Object.keys(filters)], businessDay(ctx.clock.now()));
  if (refusal) {
    await logExchange(ctx.db, { ...entry(wanted), rowsReturned: 0, outcome: "refused", reason: refusal });
    throw new AppError("forbidden", refusal, { code: "grant_refused" });
  }
  const byName = new Map(resource.fields.map((f) => [f.name, f]));
  const containment: Record<string, StoredValue> = {};
  for (const [name, raw] of Object.entries(filters)) {
    const f = byName.get(name);
    if (f) {
      containment[name] = typed(f, raw);
    }
  }
  // A filter on the 查询条件 is a range of its index, already in key order (its value compared as the
  // text every write stores beside the row); the other filters are checked row by row.
  const queryField = queryFieldOf(resource.fields);
  const facetValue = queryField && queryField in containment ? facetOf(queryField, containment) : null;
  if (queryField && facetValue !== null) {
    delete containment[queryField];
  }
  const rows = await pageOfRows(
    ctx.db,
    resource.id,
    { ...(facetValue !== null ? { facet: facetValue } : {}), containment },
    { limit: q.pageSize + 1, offset: (q.page - 1) * q.pageSize },
  );
  const page = rows.slice(0, q.pageSize);
  const masked = wanted.filter((n) => byName.get(n)?.personal && !grant.personal);
  const items = page.map(({ data }) =>
    Object.fromEntries(
      wanted.map((n) => [n, masked.includes(n) ? maskValue(data[n] ?? null) : (data[n] ?? null)] as const),
    ),
  );
  await logExchange(ctx.db, { ...entry(wanted), rowsReturned: items.length, outcome: "served", reason: null });
  return {
    resourceCode: resource.code,
    fields: wanted,
    masked,
    page: q.page,
    pageSize: q.pageSize,
    hasMore: rows.length > q.pageSize,
    items,
  };
}

/** Why the grant does not cover this call, or null. */
function refusalOf(g: GrantRow, r: ResourceRow, fields: readonly string[], today: string): string | null {
  if (g.resourceId !== r.id) {
    return `该凭证的共享授权不含资源 ${r.code}`;
  }
  const state = grantState(g, today);
  if (state === "revoked") {
    return `共享授权已于 ${g.revokedAt?.toISOString() ?? ""} 撤销：${g.revokeReason ?? ""}`;
  }
  if (state === "expired") {
    return `共享授权已于 ${g.validTo} 到期`;
  }
  if (state === "not_started") {
    return `共享授权自 ${g.validFrom} 起生效`;
  }
  const beyond = [...new Set(fields.filter((f) => !g.fields.includes(f)))];
  return beyond.length > 0 ? `信息项“${beyond.join("、")}”不在共享授权范围内` : null;
}
