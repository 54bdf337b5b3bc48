import { randomUUID } from "node:crypto";
import type {
  DataRequest,
  DecisionInput,
  Grant,
  RequestInput,
} from "../../../../../packages/contracts/src/data-sharing-requests.ts";
import { scopeFor } from "../../platform/access-can.ts";
import type { Ctx } from "../../platform/actor.ts";
import { authorize, conflict, notFound, validation } from "../../platform/errors.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { getCachedCalendar } from "../calendar/calendar-cache.ts";
import { businessDay, businessInstant, nthWorkdayAfter } from "../calendar/work-calendar.ts";
import { findOrgUnitById, findUnitNames } from "../org/org.repo.ts";
import { canManageDataAt, canViewDataAt, MANAGE_DATA, VIEW_DATA } from "./data-sharing.policy.ts";
import { remindedStages } from "./request-reminders.repo.ts";
import {
  findGrant,
  findRequest,
  type GrantRow,
  grantsOfRequests,
  insertGrant,
  insertRequest,
  listRequests,
  type RequestWithResource,
  updateGrant,
  updateRequest,
} from "./requests.repo.ts";
import { findResourceByCode } from "./resources.repo.ts";
import { nameOf } from "./resources.service.ts";
import { forgetServedGrants } from "./served-grants.ts";

/** The provider decides a 有条件共享 request within this many working days (statutory calendar). */
export const DECISION_WORKDAYS = 5;

const writer = (ctx: Ctx, db = ctx.db) => ({ db, actor: ctx.actor, clock: ctx.clock, requestId: ctx.requestId });

/** A grant in force today, or why not: revoked, not yet begun, or past its period. */
export function grantState(g: GrantRow, today: string): Grant["status"] {
  if (g.status === "revoked") {
    return "revoked";
  }
  return today < g.validFrom ? "not_started" : today > g.validTo ? "expired" : "active";
}

export function toGrantDto(g: GrantRow, code: string, today: string): Grant {
  return {
    id: g.id,
    requestId: g.requestId,
    resourceCode: code,
    consumerUnitId: g.consumerUnitId,
    fields: g.fields,
    personal: g.personal,
    conditions: g.conditions,
    validFrom: g.validFrom,
    validTo: g.validTo,
    status: grantState(g, today),
    revokedAt: g.revokedAt?.toISOString() ?? null,
    revokeReason: g.revokeReason,
  };
}

async function toDtos(ctx: Ctx, rows: RequestWithResource[]): Promise<DataRequest[]> {
  const grants = await grantsOfRequests(
    ctx.db,
    rows.map((r) => r.request.id),
  );
  const names = await findUnitNames(ctx.db, ctx.actor.tenantId, [
    ...rows.map((r) => r.request.consumerUnitId),
    ...rows.map((r) => r.providerUnitId),
  ]);
  const reminded = await remindedStages(
    ctx.db,
    rows.map((r) => r.request.id),
  );
  const today = businessDay(ctx.clock.now());
  return rows.map(({ request: r, code, name, providerUnitId }) => {
    const g = grants.get(r.id);
    return {
      id: r.id,
      resourceCode: code,
      resourceName: name,
      providerName: names.get(providerUnitId) ?? "",
      consumerUnitId: r.consumerUnitId,
      consumerName: names.get(r.consumerUnitId) ?? "",
      purpose: r.purpose,
      legalBasis: r.legalBasis,
      fields: r.fields,
      periodFrom: r.periodFrom,
      periodTo: r.periodTo,
      status: r.status as DataRequest["status"],
      dueAt: r.dueAt?.toISOString() ?? null,
      deadline: r.status === "pending" ? (reminded.get(r.id) ?? null) : null,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      decidedBy: r.decidedBy,
      decisionNote: r.decisionNote,
      createdBy: r.createdBy,
      createdAt: r.createdAt.toISOString(),
      grant: g ? toGrantDto(g, code, today) : null,
    };
  });
}

/** Seen by the requesting unit's officers and the provider's; anyone else gets 404. */
async function loadVisibleRequest(ctx: Ctx, id: string, forUpdate = false, db = ctx.db) {
  const r = await findRequest(db, ctx.actor.tenantId, id, forUpdate);
  if (!r || !(canViewDataAt(ctx.actor, r.request.consumerPath) || canViewDataAt(ctx.actor, r.request.providerPath))) {
    throw notFound("data_request");
  }
  return r;
}

export async function getRequest(ctx: Ctx, id: string): Promise<DataRequest> {
  const [dto] = await toDtos(ctx, [await loadVisibleRequest(ctx, id)]);
  if (!dto) {
    throw notFound("data_request");
  }
  return dto;
}

/**
 * A unit's request for a resource of the catalog. 不予共享 cannot be requested (409 with its basis);
 * 无条件共享 is granted at once; 有条件共享 waits for the provider, due in DECISION_WORKDAYS working days.
 * @throws not_found (unit out of scope, unknown resource), validation, conflict
 */
export async function createRequest(ctx: Ctx, input: RequestInput): Promise<DataRequest> {
  const unit = await findOrgUnitById(ctx.db, ctx.actor.tenantId, input.consumerUnitId);
  if (!unit || !canManageDataAt(ctx.actor, unit.path)) {
    throw notFound("org_unit");
  }
  // The catalog is the list units request from: every resource of the tenant may be asked for by its code.
  const resource = await findResourceByCode(ctx.db, ctx.actor.tenantId, input.resourceCode);
  if (!resource) {
    throw notFound("data_resource");
  }
  if (resource.shareType === "none") {
    throw conflict(`资源“${resource.name}”为不予共享，不能申请。依据：${resource.shareCondition}`, {
      code: "not_shareable",
    });
  }
  const known = new Set(resource.fields.map((f) => f.name));
  const unknown = input.fields
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => !known.has(f))
    .map(({ f, i }) => ({ path: `fields.${i}`, message: `信息项“${f}”不属于资源“${resource.name}”` }));
  if (unknown.length > 0) {
    throw validation(unknown);
  }
  const now = ctx.clock.now();
  const fields = [...new Set(input.fields)];
  const unconditional = resource.shareType === "unconditional";
  const cal = await getCachedCalendar(ctx.db, ctx.actor.tenantId);
  const dueAt = unconditional ? null : businessInstant(nthWorkdayAfter(cal, businessDay(now), DECISION_WORKDAYS), 18);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await insertRequest(tx, {
      id,
      tenantId: ctx.actor.tenantId,
      resourceId: resource.id,
      consumerUnitId: unit.id,
      consumerPath: unit.path,
      providerPath: resource.scopePath,
      purpose: input.purpose,
      legalBasis: input.legalBasis,
      fields,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      status: unconditional ? "granted" : "pending",
      dueAt,
      decidedAt: unconditional ? now : null,
      decidedBy: unconditional ? "系统（无条件共享）" : null,
      createdBy: nameOf(ctx.actor),
      createdAt: now,
    });
    await recordAudit(writer(ctx, tx), {
      action: "data_request.create",
      entityType: "data_request",
      entityId: id,
      scopePath: unit.path,
      summary: { resource: resource.code, fields, shareType: resource.shareType, dueAt: dueAt?.toISOString() ?? null },
    });
    if (unconditional) {
      await grant(ctx, tx, id, {
        fields,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        conditions: "",
        personal: false,
      });
    }
  });
  return getRequest(ctx, id);
}

type GrantTerms = { fields: string[]; periodFrom: string; periodTo: string; conditions: string; personal: boolean };

async function grant(ctx: Ctx, tx: Ctx["db"], requestId: string, terms: GrantTerms): Promise<void> {
  const r = await findRequest(tx, ctx.actor.tenantId, requestId);
  if (!r) {
    throw notFound("data_request");
  }
  const id = randomUUID();
  await insertGrant(tx, {
    id,
    tenantId: ctx.actor.tenantId,
    requestId,
    resourceId: r.request.resourceId,
    consumerUnitId: r.request.consumerUnitId,
    consumerPath: r.request.consumerPath,
    providerPath: r.request.providerPath,
    fields: terms.fields,
    personal: terms.personal,
    conditions: terms.conditions,
    validFrom: terms.periodFrom,
    validTo: terms.periodTo,
    status: "active",
    createdAt: ctx.clock.now(),
  });
  await recordAudit(writer(ctx, tx), {
    action: "data_grant.create",
    entityType: "data_grant",
    entityId: id,
    scopePath: r.request.providerPath,
    summary: { requestId, resource: r.code, consumer: r.request.consumerUnitId, ...terms },
  });
}

/** The provider approves (possibly fewer fields, a shorter period, conditions) or refuses with a reason. */
export async function decideRequest(ctx: Ctx, id: string, input: DecisionInput): Promise<DataRequest> {
  const seen = await loadVisibleRequest(ctx, id);
  authorize(canManageDataAt(ctx.actor, seen.request.providerPath), "只有资源提供方可以审批共享申请");
  await ctx.db.transaction(async (tx) => {
    const locked = await findRequest(tx, ctx.actor.tenantId, id, true);
    const r = locked?.request;
    if (r?.status !== "pending") {
      throw conflict("该申请已审批，不能重复审批", { code: "invalid_transition" });
    }
    const now = ctx.clock.now();
    if (input.decision === "refuse") {
      await updateRequest(tx, id, {
        status: "refused",
        decidedAt: now,
        decidedBy: nameOf(ctx.actor),
        decisionNote: input.reason,
      });
      await recordAudit(writer(ctx, tx), {
        action: "data_request.refuse",
        entityType: "data_request",
        entityId: id,
        scopePath: r.providerPath,
        summary: { reason: input.reason },
      });
      return;
    }
    const terms: GrantTerms = {
      fields: input.fields ? [...new Set(input.fields)] : r.fields,
      periodFrom: input.periodFrom ?? r.periodFrom,
      periodTo: input.periodTo ?? r.periodTo,
      conditions: input.conditions,
      personal: input.personal,
    };
    const issues = [
      ...terms.fields
        .map((f, i) => ({ f, i }))
        .filter(({ f }) => !r.fields.includes(f))
        .map(({ f, i }) => ({
          path: `fields.${i}`,
          message: `信息项“${f}”不在申请范围内，只能授权申请的信息项或其中一部分`,
        })),
      ...(terms.periodFrom < r.periodFrom ? [{ path: "periodFrom", message: "授权期限不能早于申请的开始日期" }] : []),
      ...(terms.periodTo > r.periodTo ? [{ path: "periodTo", message: "授权期限不能晚于申请的结束日期" }] : []),
      ...(terms.periodFrom > terms.periodTo ? [{ path: "periodTo", message: "授权结束日期不能早于开始日期" }] : []),
    ];
    if (issues.length > 0) {
      throw validation(issues);
    }
    await updateRequest(tx, id, {
      status: "granted",
      decidedAt: now,
      decidedBy: nameOf(ctx.actor),
      decisionNote: input.conditions || null,
    });
    await recordAudit(writer(ctx, tx), {
      action: "data_request.approve",
      entityType: "data_request",
      entityId: id,
      scopePath: r.providerPath,
      summary: { fields: terms.fields, periodFrom: terms.periodFrom, periodTo: terms.periodTo },
    });
    await grant(ctx, tx, id, terms);
  });
  return getRequest(ctx, id);
}

/** The provider withdraws a grant; the data service refuses it from the next call. */
export async function revokeGrant(ctx: Ctx, id: string, reason: string): Promise<Grant> {
  const g = await findGrant(ctx.db, ctx.actor.tenantId, id);
  if (!g || !(canViewDataAt(ctx.actor, g.providerPath) || canViewDataAt(ctx.actor, g.consumerPath))) {
    throw notFound("data_grant");
  }
  authorize(canManageDataAt(ctx.actor, g.providerPath), "只有资源提供方可以撤销授权");
  if (g.status === "revoked") {
    throw conflict("该授权已撤销", { code: "invalid_transition" });
  }
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await updateGrant(tx, id, { status: "revoked", revokedAt: now, revokeReason: reason });
    await recordAudit(writer(ctx, tx), {
      action: "data_grant.revoke",
      entityType: "data_grant",
      entityId: id,
      scopePath: g.providerPath,
      summary: { reason },
    });
  });
  forgetServedGrants(); // after the commit, so no call keeps the grant as it was
  const request = await findRequest(ctx.db, ctx.actor.tenantId, g.requestId);
  return toGrantDto(
    { ...g, status: "revoked", revokedAt: now, revokeReason: reason },
    request?.code ?? "",
    businessDay(now),
  );
}

export async function listRequestsFor(
  ctx: Ctx,
  q: {
    box: "mine" | "to_approve";
    status?: DataRequest["status"] | undefined;
    resourceCode?: string | undefined;
    deadline?: "due_soon" | "overdue" | undefined;
    page: number;
    pageSize: number;
  },
) {
  const side = q.box === "mine" ? "consumer" : "provider";
  const paths = scopeFor(ctx.actor, side === "consumer" ? VIEW_DATA : MANAGE_DATA);
  const r = await listRequests(
    ctx.db,
    ctx.actor.tenantId,
    { side, paths, status: q.status, resourceCode: q.resourceCode, deadline: q.deadline },
    {
      offset: (q.page - 1) * q.pageSize,
      limit: q.pageSize,
    },
  );
  return { total: r.total, items: await toDtos(ctx, r.items) };
}
