import { randomUUID } from "node:crypto";
import type {
  CreateDeferralInput,
  Deferral,
  DeferralActionInput,
  DeferralOptions,
  DeferralStatus,
} from "../../../../../packages/contracts/src/deferrals.ts";
import { scopeFor } from "../../platform/access-can.ts";
import type { Actor, Ctx } from "../../platform/actor.ts";
import type { Db } from "../../platform/db/client.ts";
import { authorize, conflict, notFound, validation } from "../../platform/errors.ts";
import { maskIdNumber, maskPhone } from "../../platform/mask.ts";
import { canViewHall } from "../appointments/appointments.policy.ts";
import {
  type CaseLabel,
  findCaseForDeferral,
  findCaseLabels,
  markCaseDeferred,
} from "../appointments/service-cases.service.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { getCachedCalendar } from "../calendar/calendar-cache.ts";
import { findDeferralItem } from "./deferral-catalog.ts";
import { makeUpDeadline, promisedDeadline } from "./deferral-rules.ts";
import { canOperateDeferral, canViewDeferral, VIEW_DEFERRALS } from "./deferrals.policy.ts";
import {
  type DeferralEventRow,
  type DeferralRow,
  findDeferral,
  findDeferralByCase,
  findDeferralEvents,
  findOpenCreditFlag,
  insertDeferral,
  insertDeferralEvent,
  listDeferrals,
  updateDeferral,
} from "./deferrals.repo.ts";

export function actorName(actor: Actor): string {
  return actor.kind === "user" ? actor.displayName : actor.kind === "api_key" ? actor.name : actor.name;
}

export function toDeferralDto(d: DeferralRow, events: DeferralEventRow[], labels: Map<string, CaseLabel>): Deferral {
  const label = labels.get(d.caseId);
  return {
    id: d.id,
    caseId: d.caseId,
    caseNo: label?.caseNo ?? null,
    hallId: d.hallId,
    hallName: label?.hallName ?? "",
    itemCode: d.itemCode,
    itemName: d.itemName,
    personName: d.personName,
    idNumber: maskIdNumber(d.idNumber) ?? "",
    phone: maskPhone(d.phone),
    missingMaterials: d.missingMaterials,
    promiseText: d.promiseText,
    promiseSignedAt: d.promiseSignedAt.toISOString(),
    acceptedAt: d.acceptedAt.toISOString(),
    promisedLimitDays: d.promisedLimitDays,
    promisedDueAt: d.promisedDueAt.toISOString(),
    makeUpDueAt: d.makeUpDueAt.toISOString(),
    status: d.status as DeferralStatus,
    remindersSent: d.remindersSent,
    closedAt: d.closedAt?.toISOString() ?? null,
    closeNote: d.closeNote,
    events: events.map((e) => ({ at: e.at.toISOString(), action: e.action, actorName: e.actorName, note: e.note })),
  };
}

const BAD_CREDIT = "申请人存在失信记录，不适用容缺受理，请告知其补齐材料后再行受理";
const notOnList = (itemName: string) => `事项“${itemName}”不在容缺受理清单内`;

type CaseRow = NonNullable<Awaited<ReturnType<typeof findCaseForDeferral>>>;

/** The case, if the actor's hall served it (else 404) and the actor works its windows (else 403). */
async function loadOperableCase(ctx: Ctx, caseId: string): Promise<CaseRow> {
  const c = await findCaseForDeferral(ctx.db, ctx.actor.tenantId, caseId);
  if (!c || !canViewHall(ctx.actor, c)) {
    throw notFound("service_case");
  }
  authorize(canOperateDeferral(ctx.actor, c), "只有本大厅的窗口人员可以办理容缺受理");
  return c;
}

function caseRefusal(c: CaseRow): string | null {
  if (c.result !== "accepted" && c.result !== "deferred") {
    return "只有办理结果为“已受理”或“容缺受理”的办件可以登记容缺";
  }
  return c.idNumber ? null : "该办件未登记申请人身份证号：容缺受理须实名";
}

/** The item, its deferrable materials and the latest make-up deadline of a case, or why 容缺 is not open to it. */
export async function deferralOptions(ctx: Ctx, caseId: string): Promise<DeferralOptions> {
  const c = await loadOperableCase(ctx, caseId);
  const item = await findDeferralItem(ctx.db, ctx.actor.tenantId, c.itemCode, c.finishedAt);
  const cal = await getCachedCalendar(ctx.db, ctx.actor.tenantId);
  const refusal =
    caseRefusal(c) ??
    ((await findDeferralByCase(ctx.db, c.id)) ? "该办件已登记容缺受理" : null) ??
    (item?.onList ? null : notOnList(c.itemName)) ??
    ((await findOpenCreditFlag(ctx.db, ctx.actor.tenantId, c.idNumber ?? "")) ? BAD_CREDIT : null);
  return {
    caseId: c.id,
    itemCode: c.itemCode,
    itemName: c.itemName,
    personName: c.personName,
    idNumber: maskIdNumber(c.idNumber),
    onList: item?.onList ?? false,
    deferrableMaterials: item?.deferrableMaterials ?? [],
    promisedLimitDays: item?.promisedLimitDays ?? null,
    promisedDueAt: item ? promisedDeadline(cal, c.finishedAt, item.promisedLimitDays).toISOString() : null,
    refusal,
  };
}

/**
 * 容缺受理 of a case accepted at the window (domain-rules §3): only for items on the published
 * list, only for secondary materials the catalog allows to defer, never for an applicant on the
 * bad-credit list, with the signed promise on record and a make-up deadline no later than the
 * item's promised time limit. @throws not_found, forbidden, validation, conflict
 */
export async function createDeferral(ctx: Ctx, input: CreateDeferralInput): Promise<Deferral> {
  const tenantId = ctx.actor.tenantId;
  const c = await loadOperableCase(ctx, input.caseId);
  const caseIssue = caseRefusal(c);
  if (caseIssue) {
    throw validation([{ path: "caseId", message: caseIssue }]);
  }
  if (await findDeferralByCase(ctx.db, c.id)) {
    throw conflict("该办件已登记容缺受理", { code: "duplicate" });
  }
  const item = await findDeferralItem(ctx.db, tenantId, c.itemCode, c.finishedAt);
  if (!item?.onList) {
    throw conflict(notOnList(c.itemName), { code: "not_on_list" });
  }
  const issues = input.missingMaterials
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => !item.deferrableMaterials.includes(m))
    .map(({ m, i }) => ({
      path: `missingMaterials.${i}`,
      message: `“${m}”不是该事项可容缺的次要材料，主要材料须齐全`,
    }));
  if (issues.length > 0) {
    throw validation(issues);
  }
  const now = ctx.clock.now();
  const signedAt = new Date(input.promiseSignedAt);
  if (signedAt.getTime() > now.getTime() + 5 * 60_000) {
    throw validation([{ path: "promiseSignedAt", message: "承诺书签署时间不能晚于当前时间" }]);
  }
  if (await findOpenCreditFlag(ctx.db, tenantId, c.idNumber ?? "")) {
    throw conflict(BAD_CREDIT, { code: "bad_credit" });
  }
  const cal = await getCachedCalendar(ctx.db, ctx.actor.tenantId);
  const due = makeUpDeadline(cal, c.finishedAt, item.promisedLimitDays, input.makeUpDueOn);
  if (!due.ok) {
    throw validation([{ path: "makeUpDueOn", message: due.message }]);
  }
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await insertDeferral(tx, {
      id,
      tenantId,
      caseId: c.id,
      hallId: c.hallId,
      scopePath: c.scopePath,
      itemCode: c.itemCode,
      itemName: c.itemName,
      personName: c.personName,
      idNumber: c.idNumber ?? "",
      phone: c.phone,
      missingMaterials: input.missingMaterials,
      promiseText: input.promiseText,
      promiseSignedAt: signedAt,
      acceptedAt: c.finishedAt,
      promisedLimitDays: item.promisedLimitDays,
      promisedDueAt: promisedDeadline(cal, c.finishedAt, item.promisedLimitDays),
      makeUpDueAt: due.dueAt,
      status: "awaiting",
      createdBy: actorName(ctx.actor),
    });
    await insertDeferralEvent(tx, {
      id: randomUUID(),
      tenantId: ctx.actor.tenantId,
      deferralId: id,
      at: now,
      action: "accept",
      actorName: actorName(ctx.actor),
      note: `容缺材料：${input.missingMaterials.join("、")}；补正期限 ${due.dueAt.toISOString()}`,
    });
    await markCaseDeferred(tx, c.id);
    await recordAudit(
      { db: tx, actor: ctx.actor, clock: ctx.clock, requestId: ctx.requestId },
      {
        action: "deferral.create",
        entityType: "deferral",
        entityId: id,
        scopePath: c.scopePath,
        summary: { caseId: c.id, item: c.itemCode, materials: input.missingMaterials.length },
      },
    );
  });
  return getDeferral(ctx, id);
}

async function loadVisible(ctx: Ctx, id: string): Promise<DeferralRow> {
  const d = await findDeferral(ctx.db, ctx.actor.tenantId, id);
  if (!d || !canViewDeferral(ctx.actor, d)) {
    throw notFound("deferral");
  }
  return d;
}

export async function getDeferral(ctx: Ctx, id: string): Promise<Deferral> {
  const d = await loadVisible(ctx, id);
  const [events, labels] = await Promise.all([
    findDeferralEvents(ctx.db, d.tenantId, d.id),
    findCaseLabels(ctx.db, [d.caseId]),
  ]);
  return toDeferralDto(d, events, labels);
}

export async function listDeferralsFor(
  ctx: Ctx,
  f: { status?: DeferralStatus; hallId?: string },
  page: { page: number; pageSize: number },
) {
  const r = await listDeferrals(ctx.db, ctx.actor.tenantId, scopeFor(ctx.actor, VIEW_DEFERRALS), f, {
    offset: (page.page - 1) * page.pageSize,
    limit: page.pageSize,
  });
  const labels = await findCaseLabels(
    ctx.db,
    r.items.map((d) => d.caseId),
  );
  return {
    total: r.total,
    items: r.items.map((d) => {
      const { events: _e, promiseText: _p, ...rest } = toDeferralDto(d, [], labels);
      return rest;
    }),
  };
}

/** Closes an awaiting deferral: materials made up, or terminated at the window. @throws not_found, forbidden, conflict */
export async function actOnDeferral(ctx: Ctx, id: string, input: DeferralActionInput): Promise<Deferral> {
  const seen = await loadVisible(ctx, id);
  authorize(canOperateDeferral(ctx.actor, seen), "只有本大厅的窗口人员可以办理");
  await ctx.db.transaction(async (tx) => {
    const d = await findDeferral(tx, ctx.actor.tenantId, id, true);
    if (d?.status !== "awaiting") {
      throw conflict("只有待补正的容缺受理可以补齐或终止", { code: "invalid_transition" });
    }
    await closeDeferral(tx, ctx, d, input.action === "make_up" ? "made_up" : "terminated", input.note);
  });
  return getDeferral(ctx, id);
}

/** Writes the closing state, its event and the audit entry (inside the caller's transaction). */
export async function closeDeferral(
  tx: Db,
  ctx: Omit<Ctx, "db" | "log">,
  d: DeferralRow,
  status: "made_up" | "terminated",
  note: string,
): Promise<void> {
  const now = ctx.clock.now();
  await updateDeferral(tx, d.id, { status, closedAt: now, closeNote: note });
  await insertDeferralEvent(tx, {
    id: randomUUID(),
    tenantId: d.tenantId,
    deferralId: d.id,
    at: now,
    action: status === "made_up" ? "make_up" : "terminate",
    actorName: actorName(ctx.actor),
    note,
  });
  await recordAudit(
    { db: tx, actor: ctx.actor, clock: ctx.clock, requestId: ctx.requestId },
    {
      action: status === "made_up" ? "deferral.make_up" : "deferral.terminate",
      entityType: "deferral",
      entityId: d.id,
      scopePath: d.scopePath,
      summary: { caseId: d.caseId, note },
    },
  );
}
