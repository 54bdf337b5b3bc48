import {
  OPEN311_MAX_RANGE_DAYS,
  OPEN311_MAX_RESULTS,
  type Open311PostInput,
  type Open311PostResult,
  type Open311RequestsQuery,
  type Open311Service,
  type Open311ServiceDefinition,
  type Open311ServiceRequest,
} from "../../../../../packages/contracts/src/open311.ts";
import {
  CityTicketInputSchema,
  WO_CATEGORIES,
  type WoCategory,
  WoCategorySchema,
} from "../../../../../packages/contracts/src/work-orders.ts";
import type { Ctx } from "../../platform/actor.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { findAllTenants, findTenantByCode, findTenantById, type TenantRow } from "../tenants/tenants.repo.ts";
import { createWorkOrder } from "../work-orders/intake.service.ts";
import { findChannelTickets } from "../work-orders/queries.service.ts";
import { toServiceDto, toServiceRequestDto } from "./open311.mapper.ts";

const DAY_MS = 86400_000;
const SERVICE_NOTICE = "已受理，区12345热线将分派承办单位办理，可凭编号查询进度";

function serviceCodeOf(code: string): WoCategory {
  const parsed = WoCategorySchema.safeParse(code);
  if (!parsed.success) {
    throw new AppError("not_found", `service_code ${code} was not found`);
  }
  return parsed.data;
}

/** The services a resident may report: our work-order categories. */
export function listServices(): Open311Service[] {
  return WO_CATEGORIES.map(toServiceDto);
}

/** No service has metadata, so every definition has no attributes. @throws not_found */
export function getServiceDefinition(code: string): Open311ServiceDefinition {
  return { service_code: serviceCodeOf(code), attributes: [] };
}

/**
 * The district a public request is about: the tenant whose code is `jurisdiction_id`, or the
 * only tenant there is. @throws not_found (unknown code), validation (several and none named)
 */
export async function resolveJurisdiction(db: Db, jurisdictionId: string | undefined): Promise<TenantRow> {
  if (jurisdictionId) {
    const tenant = await findTenantByCode(db, jurisdictionId);
    if (!tenant) {
      throw new AppError("not_found", `jurisdiction_id ${jurisdictionId} was not found`);
    }
    return tenant;
  }
  const tenants = await findAllTenants(db);
  const [only] = tenants;
  if (tenants.length !== 1 || !only) {
    throw new AppError("validation", "jurisdiction_id required");
  }
  return only;
}

/** A mainland number as our intake accepts it, or undefined (the phone is optional and never refuses a report). */
function mainlandPhone(phone: string | undefined): string | undefined {
  const compact = phone?.replace(/[\s()]/g, "").replace(/^(\+86|0086)(?=1\d{10}$)/, "");
  return compact && CityTicketInputSchema.shape.callerPhone.safeParse(compact).success ? compact : undefined;
}

const CJK = /\p{Script=Han}/u;

/** Chinese names read family name first (张三); others given name first (John Smith). */
function callerName(first: string | undefined, last: string | undefined): string | undefined {
  const chinese = CJK.test(`${first ?? ""}${last ?? ""}`);
  const name = (chinese ? [last, first] : [first, last]).filter(Boolean).join(chinese ? "" : " ");
  return name ? [...name].slice(0, 30).join("") : undefined;
}

/** Where the problem is: the address as given, else the coordinates or the address id as text. */
function addressOf(input: Open311PostInput): string | undefined {
  if (input.address_string) {
    return input.address_string;
  }
  if (input.lat !== undefined && input.long !== undefined) {
    return `WGS84 ${input.lat},${input.long}`;
  }
  return input.address_id ? `address_id ${input.address_id}` : undefined;
}

/**
 * A resident's report becomes a hotline ticket of the API key's district (channel open311).
 * Email, device, account and media are accepted but not kept: a ticket has no place for them.
 * @throws not_found (unknown service_code, or a jurisdiction_id other than the key's district)
 */
export async function createServiceRequest(ctx: Ctx, input: Open311PostInput): Promise<Open311PostResult[]> {
  const category = serviceCodeOf(input.service_code);
  if (input.jurisdiction_id) {
    const tenant = await findTenantById(ctx.db, ctx.actor.tenantId);
    if (tenant?.code !== input.jurisdiction_id) {
      throw new AppError("not_found", `jurisdiction_id ${input.jurisdiction_id} was not found`);
    }
  }
  const oneLine = input.description.replace(/\s+/g, " ").trim();
  const { workOrder } = await createWorkOrder(ctx, {
    receivedAt: ctx.clock.now().toISOString(),
    kind: "hotline",
    category,
    urgency: "normal",
    channel: "open311",
    title: [...oneLine].slice(0, 30).join(""),
    content: input.description,
    callerName: callerName(input.first_name, input.last_name),
    callerPhone: mainlandPhone(input.phone),
    address: addressOf(input),
    campaignTags: [],
  });
  return [{ service_request_id: String(workOrder.seqNo), service_notice: SERVICE_NOTICE, account_id: null }];
}

/** The window of requested_datetime to search: [from, to], at most 90 days. @throws validation */
function dateRange(q: Open311RequestsQuery, now: Date): { from: Date; to: Date } {
  const span = OPEN311_MAX_RANGE_DAYS * DAY_MS;
  const start = q.start_date ? new Date(q.start_date) : undefined;
  const end = q.end_date ? new Date(q.end_date) : undefined;
  const to = end ?? (start ? new Date(start.getTime() + span) : now);
  const from = start ?? new Date(to.getTime() - span);
  if (from > to) {
    throw new AppError("validation", "start_date must not be after end_date");
  }
  if (to.getTime() - from.getTime() > span) {
    throw new AppError("validation", `start_date and end_date may not span more than ${OPEN311_MAX_RANGE_DAYS} days`);
  }
  return { from, to };
}

// Ticket numbers are positive integers; anything else cannot name one of ours.
const SEQ_NO = /^[1-9]\d{0,14}$/;

/**
 * Open311 tickets of a district, newest first, at most 1000, without personal data. Ids override
 * every other filter (as the spec says); otherwise the last 90 days unless dates are given.
 * @throws validation (a bad date range)
 */
export async function findServiceRequests(
  db: Db,
  tenant: TenantRow,
  q: Open311RequestsQuery,
  now: Date,
): Promise<Open311ServiceRequest[]> {
  const base = { tenantId: tenant.id, channel: "open311", limit: OPEN311_MAX_RESULTS };
  if (q.service_request_id && q.service_request_id.length > 0) {
    const seqNos = q.service_request_id.filter((id) => SEQ_NO.test(id)).map(Number);
    if (seqNos.length === 0) {
      return [];
    }
    // With ids the repository ignores the date window.
    const rows = await findChannelTickets(db, { ...base, seqNos, from: now, to: now });
    return rows.map(toServiceRequestDto);
  }
  const { from, to } = dateRange(q, now);
  const statuses = new Set(q.status ?? []);
  // Both statuses asked for is the same as none.
  const closed = statuses.size === 1 ? statuses.has("closed") : undefined;
  // The end is inclusive ("latest datetime to include"); the repository's bound is exclusive.
  const filter = { ...base, from, to: new Date(to.getTime() + 1), closed };
  const codes = [...new Set(q.service_code ?? [])];
  if (codes.length === 0) {
    return (await findChannelTickets(db, filter)).map(toServiceRequestDto);
  }
  const known = codes.filter((c) => WoCategorySchema.safeParse(c).success);
  const perCode = await Promise.all(known.map((category) => findChannelTickets(db, { ...filter, category })));
  return perCode
    .flat()
    .sort((a, b) => b.row.receivedAt.getTime() - a.row.receivedAt.getTime() || b.row.seqNo - a.row.seqNo)
    .slice(0, OPEN311_MAX_RESULTS)
    .map(toServiceRequestDto);
}

/** One Open311 ticket of the district, as a one-item list (the spec answers lists). @throws not_found */
export async function getServiceRequest(
  db: Db,
  tenant: TenantRow,
  id: string,
  now: Date,
): Promise<Open311ServiceRequest[]> {
  const found = SEQ_NO.test(id) ? await findServiceRequests(db, tenant, { service_request_id: [id] }, now) : [];
  if (found.length === 0) {
    throw new AppError("not_found", `service_request_id ${id} was not found`);
  }
  return found;
}
