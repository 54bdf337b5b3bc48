import type { Open311Post, Open311RequestsQuery } from "../../../../../packages/contracts/src/open311.ts";
import {
  WO_CATEGORIES,
  WO_CATEGORY_LABELS,
  WoCategorySchema,
} from "../../../../../packages/contracts/src/work-orders.ts";
import type { Ctx } from "../../platform/actor.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { findAllTenants, findTenantByCode, type TenantRow } from "../tenants/tenants.repo.ts";
import { createWorkOrder } from "../work-orders/intake.service.ts";
import { findChannelTickets } from "../work-orders/queries.service.ts";
import type { WorkOrderRow } from "../work-orders/work-orders.repo.ts";
import { toZonedIso } from "./open311-format.ts";

/** A GeoReport v2 error: the HTTP status and the spec's {code, description}. */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    description: string,
  ) {
    super(description);
  }
}

const DESCRIPTIONS: Record<string, string> = {
  consult: "政策、办事指南等咨询",
  help: "需要政府部门协助解决的困难",
  complaint: "对违法违规行为或服务问题的投诉",
  report: "对违法行为的举报",
  suggestion: "对政府工作的意见和建议",
};

export function listServices() {
  return WO_CATEGORIES.map((code) => ({
    service_code: code,
    service_name: WO_CATEGORY_LABELS[code],
    description: DESCRIPTIONS[code] ?? "",
    metadata: false,
    type: "realtime",
    keywords: `12345,${WO_CATEGORY_LABELS[code]}`,
    group: "12345热线",
  }));
}

export function serviceDefinition(code: string) {
  if (!WoCategorySchema.safeParse(code).success) {
    throw new Open311Error(404, `service_code ${code} not found`);
  }
  return { service_code: code, attributes: [] };
}

/** The district a public request is about: jurisdiction_id, or the only tenant there is. */
export async function resolveJurisdiction(db: Db, jurisdictionId: string | undefined): Promise<TenantRow> {
  if (jurisdictionId) {
    const tenant = await findTenantByCode(db, jurisdictionId);
    if (!tenant) {
      throw new Open311Error(404, `jurisdiction_id ${jurisdictionId} not found`);
    }
    return tenant;
  }
  const all = await findAllTenants(db);
  if (all.length !== 1 || !all[0]) {
    throw new Open311Error(400, "jurisdiction_id required");
  }
  return all[0];
}

const MOBILE = /^1[3-9]\d{9}$/;

/** A public report becomes a hotline work order of the key's district. */
export async function createServiceRequest(ctx: Ctx, post: Open311Post) {
  const category = WoCategorySchema.safeParse(post.service_code);
  if (!category.success) {
    throw new Open311Error(404, `service_code ${post.service_code} not found`);
  }
  const hasLocation =
    (post.lat !== undefined && post.long !== undefined) || Boolean(post.address_string) || Boolean(post.address_id);
  if (!hasLocation) {
    throw new Open311Error(400, "location required: lat and long, address_string or address_id");
  }
  const name = [post.last_name, post.first_name].filter(Boolean).join("") || undefined;
  const address = post.address_string ?? (post.lat !== undefined ? `${post.lat},${post.long}` : post.address_id);
  const { workOrder } = await createWorkOrder(ctx, {
    receivedAt: ctx.clock.now().toISOString(),
    kind: "hotline",
    category: category.data,
    urgency: "normal",
    channel: "open311",
    title: [...post.description].slice(0, 30).join(""),
    content: post.description,
    callerName: name,
    callerPhone: post.phone && MOBILE.test(post.phone) ? post.phone : undefined,
    address,
    campaignTags: [],
  });
  return [{ service_request_id: String(workOrder.seqNo), service_notice: "已转12345热线受理", account_id: null }];
}

function toServiceRequest(row: WorkOrderRow, unitName: string | null) {
  const closed = row.status === "closed" || row.status === "archived";
  return {
    service_request_id: String(row.seqNo),
    status: closed ? "closed" : "open",
    status_notes: null,
    service_name: WoCategorySchema.safeParse(row.category).success
      ? WO_CATEGORY_LABELS[WoCategorySchema.parse(row.category)]
      : row.category,
    service_code: row.category,
    description: row.content,
    agency_responsible: unitName,
    service_notice: null,
    requested_datetime: toZonedIso(row.receivedAt),
    updated_datetime: toZonedIso(row.closedAt ?? row.repliedAt ?? row.acceptedAt ?? row.receivedAt),
    expected_datetime: toZonedIso(row.closeDueAt),
    address: row.address,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  };
}

/** Public reports of a district (no personal data), the spec's defaults: last 90 days, at most 1000. */
export async function findServiceRequests(db: Db, tenant: TenantRow, q: Open311RequestsQuery, now: Date) {
  const ids = q.service_request_id
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const to = q.end_date ? new Date(q.end_date) : now;
  const from = q.start_date ? new Date(q.start_date) : new Date(to.getTime() - 90 * 86400_000);
  const rows = await findChannelTickets(db, {
    tenantId: tenant.id,
    channel: "open311",
    seqNos: ids?.map((s) => (/^\d{1,15}$/.test(s) ? Number(s) : -1)),
    category: q.service_code,
    from,
    to,
    closed: q.status === undefined ? undefined : q.status === "closed",
    limit: 1000,
  });
  return rows.map((r) => toServiceRequest(r.row, r.unitName));
}

export async function getServiceRequest(db: Db, tenant: TenantRow, id: string, now: Date) {
  const found = /^\d{1,15}$/.test(id) ? await findServiceRequests(db, tenant, { service_request_id: id }, now) : [];
  if (found.length === 0) {
    throw new Open311Error(404, `service_request_id ${id} not found`);
  }
  return found;
}

export function toOpen311Error(err: unknown): Open311Error {
  if (err instanceof Open311Error) {
    return err;
  }
  if (err instanceof AppError) {
    const status =
      err.code === "unauthenticated" || err.code === "forbidden"
        ? 403
        : err.code === "not_found"
          ? 404
          : err.code === "validation"
            ? 400
            : 500;
    return new Open311Error(status, status === 403 ? "api_key was not provided or is invalid" : err.message);
  }
  return new Open311Error(500, "internal error");
}
