import type { WorkOrderFilter } from "../../../../../packages/contracts/src/work-orders.ts";
import { WO_STATUS_LABELS, WoStatusSchema } from "../../../../../packages/contracts/src/work-orders.ts";
import { scopeFor } from "../../platform/access-can.ts";
import type { Ctx } from "../../platform/actor.ts";
import type { Db } from "../../platform/db/client.ts";
import { authorize, notFound } from "../../platform/errors.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { ratingCodeFor } from "../evaluations/rating-codes.service.ts";
import { findUnitNames } from "../org/org.repo.ts";
import { findTenantByCode } from "../tenants/tenants.repo.ts";
import { OPEN_STATUSES } from "./state-machine.ts";
import { similarity } from "./text-similarity.ts";
import { loadVisibleWorkOrder } from "./transitions.service.ts";
import { EXTRA_EVENT_LABELS, namedIds, toEventDto, toWorkOrderDto } from "./work-orders.mapper.ts";
import { canPerform, canSeeContact, canViewWorkOrder, VIEW_WORK_ORDERS } from "./work-orders.policy.ts";
import {
  type ChannelFilter,
  countWorkOrders,
  findContacts,
  findEvents,
  findOpenNeighbours,
  findTicketsClosedBetween,
  findTicketsOfChannel,
  findWorkOrderById,
  findWorkOrderBySeqNo,
  findWorkOrderPage,
  findWorkOrdersByExternalNo,
  rankUnitsByHistory,
  type WorkOrderRow,
} from "./work-orders.repo.ts";
import { filterWhere } from "./work-orders-filter.ts";

export function filterContext(ctx: Ctx) {
  return {
    tenantId: ctx.actor.tenantId,
    scope: scopeFor(ctx.actor, VIEW_WORK_ORDERS),
    now: ctx.clock.now(),
    warnHours: 24,
  };
}

export async function toDtos(ctx: Ctx, rows: WorkOrderRow[]) {
  const names = await findUnitNames(ctx.db, ctx.actor.tenantId, namedIds(rows));
  const now = ctx.clock.now();
  return rows.map((r) => toWorkOrderDto(ctx.actor, r, names, now));
}

/** Tickets matching a filter (queues, drill-downs) within the actor's scope. */
export async function findWorkOrders(ctx: Ctx, filter: WorkOrderFilter, page: { page: number; pageSize: number }) {
  const where = filterWhere(filter, filterContext(ctx));
  const { rows, total } = await findWorkOrderPage(ctx.db, where, {
    offset: (page.page - 1) * page.pageSize,
    limit: page.pageSize,
  });
  return { items: await toDtos(ctx, rows), total };
}

/** How many tickets a filter (a queue, a drill-down) holds within the actor's scope: the count its list shows. */
export async function countVisibleWorkOrders(ctx: Ctx, filter: WorkOrderFilter): Promise<number> {
  return countWorkOrders(ctx.db, filterWhere(filter, filterContext(ctx)));
}

/** @throws not_found */
export async function getWorkOrderDetail(ctx: Ctx, id: string) {
  const wo = await loadVisibleWorkOrder(ctx, id);
  const events = await findEvents(ctx.db, ctx.actor.tenantId, id);
  const names = await findUnitNames(ctx.db, ctx.actor.tenantId, [
    ...namedIds([wo]),
    ...events.flatMap((e) => (e.unitId ? [e.unitId] : [])),
  ]);
  return { ...toWorkOrderDto(ctx.actor, wo, names, ctx.clock.now()), events: events.map((e) => toEventDto(e, names)) };
}

/** The 回访 message: where and how the caller rates the service once it is closed. */
function followUpText(number: string, ratingCode: string): string {
  return `【12345】您反映的诉求（工单号 ${number}）办结后，可在7日内通过“好差评”页面（/public/rate）评价，评价码 ${ratingCode}，请勿告知他人。`;
}

/** Full caller contacts for those who call back; every read is audited. @throws not_found, forbidden */
export async function readWorkOrderContacts(ctx: Ctx, id: string) {
  const wo = await loadVisibleWorkOrder(ctx, id);
  authorize(
    canSeeContact(ctx.actor, wo),
    wo.kind === "bad_rating" ? "评价人信息不向被评价单位公开" : "只有派单员和承办人可以查看完整联系方式",
  );
  const contacts = await findContacts(ctx.db, ctx.actor.tenantId, id);
  // Rectification tickets are not rated: they follow a rating up.
  const followUpMessage =
    wo.kind === "bad_rating"
      ? null
      : followUpText(
          wo.externalNo ?? String(wo.seqNo),
          await ratingCodeFor(ctx.db, wo.tenantId, "work_order", wo.id, ctx.clock.now()),
        );
  await recordAudit(ctx, {
    action: "work_order.contacts.read",
    entityType: "work_order",
    entityId: id,
    scopePath: wo.scopePath,
    summary: { contacts: contacts.length },
  });
  return {
    items: contacts.map((c) => ({ name: c.name, phone: c.phone, merged: c.fromWorkOrderId !== null })),
    followUpMessage,
  };
}

/**
 * Ranked units to dispatch to, learned from closed tickets that were not returned: same category
 * and town weigh most, shared topic words next, same category anywhere least; each with its reason.
 * @throws not_found, forbidden (the actor is no dispatcher over the ticket)
 */
export async function suggestUnits(ctx: Ctx, id: string) {
  const wo = await loadVisibleWorkOrder(ctx, id);
  // Suggestions serve dispatching: a dispatcher elsewhere who merely reads this ticket gets none.
  authorize(canPerform(ctx.actor, wo, "centre"), "只有该工单所在辖区的派单员可以获取派单建议");
  const rows = await rankUnitsByHistory(ctx.db, ctx.actor.tenantId, wo.category, wo.townId, wo.keywords);
  const town = wo.townId ? (await findUnitNames(ctx.db, ctx.actor.tenantId, [wo.townId])).get(wo.townId) : undefined;
  return rows
    .map((r) => {
      const score = 3 * Number(r.sameCategoryTown) + 2 * Number(r.sameKeywords) + Number(r.sameCategory);
      const parts: string[] = [];
      if (Number(r.sameCategoryTown) > 0 && town) {
        parts.push(`同类同镇街（${town}）已办结 ${r.sameCategoryTown} 件`);
      }
      if (Number(r.sameKeywords) > 0) {
        parts.push(`含相同关键词（${wo.keywords.join("、")}）的工单已办结 ${r.sameKeywords} 件`);
      }
      if (Number(r.sameCategory) > 0) {
        parts.push(`同类工单共办结 ${r.sameCategory} 件`);
      }
      return { unitId: r.unitId ?? "", unitName: r.unitName, score, reason: parts.join("；") };
    })
    .filter((s) => s.unitId && s.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, 5);
}

/** Open tickets at the same place with similar text, most similar first. */
export async function findDuplicateCandidates(ctx: Ctx, id: string) {
  const wo = await loadVisibleWorkOrder(ctx, id);
  const neighbours = (await findOpenNeighbours(ctx.db, ctx.actor.tenantId, wo, OPEN_STATUSES)).filter((n) =>
    canViewWorkOrder(ctx.actor, n),
  );
  const scored = neighbours
    .map((n) => ({
      row: n,
      similarity: Math.round(similarity(`${wo.title}${wo.content}`, `${n.title}${n.content}`) * 100) / 100,
    }))
    .filter((x) => x.similarity >= 0.3)
    .sort((a, b) => b.similarity - a.similarity);
  const dtos = await toDtos(
    ctx,
    scored.map((s) => s.row),
  );
  return { items: dtos.map((d, i) => ({ workOrder: d, similarity: scored[i]?.similarity ?? 0 })) };
}

/**
 * A citizen's view of a ticket by its number and the last four digits of the caller's phone; a
 * merged duplicate shows its master's progress. No personal data leaves.
 * @throws not_found (unknown number or the tail does not match)
 */
export async function publicStatus(db: Db, number: string, phoneTail: string, now: Date, tenantCode?: string) {
  const tenant = tenantCode ? await findTenantByCode(db, tenantCode) : undefined;
  if (tenantCode && !tenant) {
    throw notFound("tenant");
  }
  const candidates = [
    ...(/^\d{1,15}$/.test(number) ? [await findWorkOrderBySeqNo(db, Number(number))] : []),
    ...(await findWorkOrdersByExternalNo(db, number)),
  ];
  // Numbers may repeat across districts: a named district answers only for its own tickets.
  const found = candidates.find((c) => c?.callerPhone?.endsWith(phoneTail) && (!tenant || c.tenantId === tenant.id));
  if (!found) {
    throw notFound("work_order");
  }
  const shown = found.masterId ? ((await findWorkOrderById(db, found.tenantId, found.masterId)) ?? found) : found;
  const events = await findEvents(db, shown.tenantId, shown.id);
  const status = WoStatusSchema.parse(shown.status);
  const closed = found.closedAt !== null && found.kind !== "bad_rating";
  return {
    ratingCode: closed ? await ratingCodeFor(db, found.tenantId, "work_order", found.id, now) : null,
    number,
    title: found.title,
    status,
    statusLabel: WO_STATUS_LABELS[status],
    receivedAt: found.receivedAt.toISOString(),
    closeDueAt: shown.closeDueAt.toISOString(),
    closedAt: shown.closedAt?.toISOString() ?? null,
    timeline: events
      .filter((e) => e.action !== "supervise")
      .map((e) => ({
        at: e.at.toISOString(),
        label: EXTRA_EVENT_LABELS[e.action] ?? WO_STATUS_LABELS[WoStatusSchema.parse(e.toStatus)],
      })),
  };
}

/** Tickets of one intake channel with the names of their handling units, for public feeds. */
export async function findChannelTickets(db: Db, filter: ChannelFilter) {
  const rows = await findTicketsOfChannel(db, filter);
  const names = await findUnitNames(
    db,
    filter.tenantId,
    rows.flatMap((r) => (r.unitId ? [r.unitId] : [])),
  );
  return rows.map((r) => ({ row: r, unitName: r.unitId ? (names.get(r.unitId) ?? null) : null }));
}

export type RatableWorkOrder = {
  id: string;
  tenantId: string;
  title: string;
  status: string;
  unitId: string | null;
  scopePath: string;
  callerName: string | null;
  callerPhone: string | null;
  closedAt: Date | null;
};
const ratable = (w: WorkOrderRow): RatableWorkOrder => ({
  id: w.id,
  tenantId: w.tenantId,
  title: w.title,
  status: w.status,
  unitId: w.unitId,
  scopePath: w.scopePath,
  callerName: w.callerName,
  callerPhone: w.callerPhone,
  closedAt: w.closedAt,
});

/** The ticket a citizen may rate: by its number and the caller's phone tail (real-name check). */
export async function findRatableWorkOrder(
  db: Db,
  number: string,
  phoneTail: string,
): Promise<RatableWorkOrder | undefined> {
  const candidates = [
    ...(/^\d{1,15}$/.test(number) ? [await findWorkOrderBySeqNo(db, Number(number))] : []),
    ...(await findWorkOrdersByExternalNo(db, number)),
  ];
  const found = candidates.find((c) => c?.callerPhone?.endsWith(phoneTail));
  return found ? ratable(found) : undefined;
}

/** Hotline tickets closed in [from, to): the ones whose rating window may have lapsed. */
export async function findClosedHotlineTickets(db: Db, from: Date, to: Date): Promise<RatableWorkOrder[]> {
  return (await findTicketsClosedBetween(db, from, to)).map(ratable);
}
