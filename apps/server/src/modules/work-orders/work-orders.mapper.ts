import {
  WO_ACTION_LABELS,
  WO_ACTIONS,
  type WoAction,
  WoCategorySchema,
  WoChannelSchema,
  WoKindSchema,
  type WorkOrder,
  WoStatusSchema,
  WoUrgencySchema,
} from "../../../../../packages/contracts/src/work-orders.ts";
import type { Actor } from "../../platform/actor.ts";
import { maskPhone } from "../../platform/mask.ts";
import { dueState } from "./sla.ts";
import { TRANSITIONS } from "./state-machine.ts";
import { canPerform, canSeeCaller, canSupervise } from "./work-orders.policy.ts";
import type { EventRow, WorkOrderRow } from "./work-orders.repo.ts";

export const EXTRA_EVENT_LABELS: Record<string, string> = {
  receive: "受理登记",
  redo: "回访不满意，重办",
  supervise: "督办升级",
  merge: "作为重复件合并",
  absorb: "合并重复件",
};

export function maskName(name: string | null): string | null {
  return name ? `${[...name][0] ?? ""}${"*".repeat(Math.max(1, [...name].length - 1))}` : name;
}

/** Actions the actor could take on the ticket in its current status. */
export function allowedActions(actor: Actor, wo: WorkOrderRow): WoAction[] {
  const status = WoStatusSchema.parse(wo.status);
  return WO_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status) && canPerform(actor, wo, TRANSITIONS[a].by));
}

export function toWorkOrderDto(actor: Actor, wo: WorkOrderRow, names: Map<string, string>, now: Date): WorkOrder {
  const status = WoStatusSchema.parse(wo.status);
  const done = status === "closed" || status === "archived" || status === "merged";
  const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return {
    id: wo.id,
    number: wo.externalNo ?? String(wo.seqNo),
    externalNo: wo.externalNo,
    kind: WoKindSchema.parse(wo.kind),
    category: WoCategorySchema.parse(wo.category),
    urgency: WoUrgencySchema.parse(wo.urgency),
    channel: WoChannelSchema.parse(wo.channel),
    title: wo.title,
    content: wo.content,
    callerName: canSeeCaller(actor, wo) ? maskName(wo.callerName) : null,
    callerPhone: canSeeCaller(actor, wo) ? maskPhone(wo.callerPhone) : null,
    townId: wo.townId,
    townName: name(wo.townId),
    communityId: wo.communityId,
    communityName: name(wo.communityId),
    address: wo.address,
    keywords: wo.keywords,
    campaignTags: wo.campaignTags,
    status,
    unitId: wo.unitId,
    unitName: name(wo.unitId),
    receivedAt: wo.receivedAt.toISOString(),
    acceptDueAt: wo.acceptDueAt.toISOString(),
    closeDueAt: wo.closeDueAt.toISOString(),
    dueState: done ? "done" : dueState(wo.closeDueAt, now, 24),
    acceptedAt: wo.acceptedAt?.toISOString() ?? null,
    repliedAt: wo.repliedAt?.toISOString() ?? null,
    closedAt: wo.closedAt?.toISOString() ?? null,
    extensionCount: wo.extensionCount,
    redoCount: wo.redoCount,
    returnCount: wo.returnCount,
    improperReturnCount: wo.improperReturnCount,
    supervisionLevel: wo.supervisionLevel,
    satisfaction: wo.satisfaction,
    resolved: wo.resolved,
    praise: wo.praise,
    masterId: wo.masterId,
    duplicateOf: wo.duplicateOf,
    actions: allowedActions(actor, wo),
    canSupervise: !done && canSupervise(actor, wo) && wo.supervisionLevel < 3,
    canMerge: !done && canPerform(actor, wo, "centre"),
  };
}

export function toEventDto(e: EventRow, names: Map<string, string>) {
  const label = (WO_ACTION_LABELS as Record<string, string>)[e.action] ?? EXTRA_EVENT_LABELS[e.action] ?? e.action;
  const data = e.data !== null && typeof e.data === "object" && !Array.isArray(e.data) ? { ...e.data } : {};
  return {
    seq: e.seq,
    action: e.action,
    actionLabel: label,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actorName: e.actorName,
    unitName: e.unitId ? (names.get(e.unitId) ?? null) : null,
    at: e.at.toISOString(),
    reason: e.reason,
    data,
  };
}

export function namedIds(rows: readonly WorkOrderRow[]): string[] {
  return rows.flatMap((r) => [r.unitId, r.townId, r.communityId].filter((x): x is string => x !== null));
}
