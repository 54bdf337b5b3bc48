import { and, eq, gte, ilike, inArray, isNotNull, lt, or, type SQL, sql } from "drizzle-orm";
import {
  OPEN_STATUSES,
  type WoMetricKey,
  type WorkOrderFilter,
} from "../../../../../packages/contracts/src/work-orders.ts";
import { pathInScope } from "../../platform/access.ts";
import { workOrders as w } from "./work-orders.schema.ts";

/**
 * The condition each counted figure applies, shared by the metrics and the ticket list, so every
 * figure opens to exactly the tickets it counts. `asOf` is when "past due" is judged.
 */
export function metricCondition(key: WoMetricKey, asOf: Date): SQL {
  const at = sql`${asOf.toISOString()}::timestamptz`;
  switch (key) {
    case "volume":
      return sql`true`;
    case "acceptDue":
      return sql`(${w.status} <> 'merged' and (${w.acceptedAt} is not null or ${w.acceptDueAt} < ${at}))`;
    case "acceptOnTime":
      return sql`(${w.acceptedAt} is not null and ${w.acceptedAt} <= ${w.acceptDueAt})`;
    case "closeDue":
      return sql`(${w.status} <> 'merged' and (${w.closedAt} is not null or ${w.closeDueAt} < ${at}))`;
    case "closeOnTime":
      return sql`(${w.closedAt} is not null and ${w.closedAt} <= ${w.closeDueAt})`;
    case "closed":
      return sql`(${w.closedAt} is not null)`;
    case "followedUp":
      return sql`(${w.satisfaction} is not null)`;
    case "satisfied":
      return sql`(${w.satisfaction} >= 3)`;
    case "resolvedKnown":
      return sql`(${w.resolved} is not null)`;
    case "resolved":
      return sql`(${w.resolved} = true)`;
    case "redo":
      return sql`(${w.redoCount} > 0)`;
    case "returns":
      return sql`(${w.returnCount} > 0)`;
    case "improperReturns":
      return sql`(${w.improperReturnCount} > 0)`;
    case "praises":
      return sql`(${w.praise} = true)`;
  }
}

export const METRIC_FORMULAS: Record<string, string> = {
  yoyGrowth: "同比增长率 = (本期受理量 − 上年同期受理量) ÷ 上年同期受理量",
  onTimeAcceptRate: "按时签收率 = 在签收期限内签收的工单 ÷ 已签收或已过签收期限的工单",
  onTimeCloseRate:
    "按时办结率 = 在办理期限（含批准的延期）内办结的工单 ÷ 已办结或已过办理期限的工单（不含被合并的重复件）",
  satisfactionRate: "满意率 = (非常满意 + 满意 + 基本满意) ÷ 成功回访的工单",
  resolutionRate: "解决率 = 回访认定已解决的工单 ÷ 回访记录了是否解决的工单",
  redoRate: "重办率 = 发生过重办的工单 ÷ 已办结的工单",
};

/** Preset workbench queues. */
function queueCondition(queue: NonNullable<WorkOrderFilter["queue"]>, now: Date, warnHours: number): SQL | undefined {
  const at = sql`${now.toISOString()}::timestamptz`;
  const soon = sql`${new Date(now.getTime() + warnHours * 3600_000).toISOString()}::timestamptz`;
  switch (queue) {
    case "new":
      return eq(w.status, "received");
    case "due_soon":
      return and(inArray(w.status, [...OPEN_STATUSES]), sql`${w.closeDueAt} >= ${at}`, sql`${w.closeDueAt} < ${soon}`);
    case "overdue":
      return and(inArray(w.status, [...OPEN_STATUSES]), sql`${w.closeDueAt} < ${at}`);
    case "awaiting_review":
      return inArray(w.status, ["replied", "return_requested", "extension_requested"]);
    case "awaiting_follow_up":
      return eq(w.status, "follow_up");
    case "inbox":
      return and(
        isNotNull(w.unitId),
        inArray(w.status, ["dispatched", "accepted", "in_progress", "extension_requested"]),
      );
    case "supervised":
      return and(inArray(w.status, [...OPEN_STATUSES]), sql`${w.supervisionLevel} > 0`);
    case "duplicates":
      return and(inArray(w.status, [...OPEN_STATUSES]), isNotNull(w.duplicateOf));
  }
}

export type FilterContext = { tenantId: string; scope: readonly string[]; now: Date; warnHours: number };

/** WHERE for a filter within the actor's scope. */
export function filterWhere(f: WorkOrderFilter, c: FilterContext, extra?: SQL): SQL | undefined {
  const to = f.to ? new Date(f.to) : undefined;
  const asOf = to && to < c.now ? to : c.now;
  return and(
    eq(w.tenantId, c.tenantId),
    pathInScope(w.scopePath, c.scope),
    f.queue ? queueCondition(f.queue, c.now, c.warnHours) : undefined,
    f.status && f.status.length > 0 ? inArray(w.status, f.status) : undefined,
    f.kind ? eq(w.kind, f.kind) : undefined,
    f.category ? eq(w.category, f.category) : undefined,
    f.urgency ? eq(w.urgency, f.urgency) : undefined,
    f.channel ? eq(w.channel, f.channel) : undefined,
    f.unitId ? eq(w.unitId, f.unitId) : undefined,
    f.townId ? eq(w.townId, f.townId) : undefined,
    f.campaign ? campaignCondition(f.campaign) : undefined,
    f.q ? searchCondition(f.q) : undefined,
    f.from ? gte(w.receivedAt, new Date(f.from)) : undefined,
    to ? lt(w.receivedAt, to) : undefined,
    f.metric ? metricCondition(f.metric, asOf) : undefined,
    extra,
  );
}

/** Tagged with the campaign and, when the campaign is defined with a period, received within it. */
function campaignCondition(tag: string): SQL {
  return sql`(${w.campaignTags} @> array[${tag}]::text[] and ${campaignPeriodCovers(sql`${tag}`)})`;
}

/** The ticket falls in the period of campaign `tag` (an SQL text expression), or no such campaign is defined. */
export function campaignPeriodCovers(tag: SQL): SQL {
  const inPeriod = sql`exists (select 1 from campaigns c where c.tenant_id = ${w.tenantId} and c.tag = ${tag}
    and ${w.receivedAt} >= (c.starts_on || ' 00:00:00+08')::timestamptz
    and ${w.receivedAt} < ((c.ends_on::date + 1)::text || ' 00:00:00+08')::timestamptz)`;
  const undefinedCampaign = sql`not exists (select 1 from campaigns c where c.tenant_id = ${w.tenantId} and c.tag = ${tag})`;
  return sql`(${inPeriod} or ${undefinedCampaign})`;
}

/** Keyword search: the title, the city's ticket number, or our own number as shown in lists. */
function searchCondition(q: string): SQL | undefined {
  const byNumber = /^\d{1,15}$/.test(q) ? eq(w.seqNo, Number(q)) : undefined;
  return or(ilike(w.title, `%${q}%`), eq(w.externalNo, q), byNumber);
}
