import { action, can, resourceOf, scopeFor } from "../../platform/access-can.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Performer } from "./state-machine.ts";

export const VIEW_WORK_ORDERS = action("work_order.view", ["dispatcher", "handler", "supervisor", "leader", "auditor"]);
/** The 12345 centre registers, dispatches, reviews, follows up and merges. */
export const ACT_AS_CENTRE = action("work_order.act_as_centre", ["dispatcher"]);
/** A unit signs for, answers and returns the tickets dispatched to it. */
export const ACT_AS_UNIT = action("work_order.act_as_unit", ["handler"]);
export const SUPERVISE_WORK_ORDERS = action("work_order.supervise", ["dispatcher", "supervisor"]);
/** Caller phone numbers are shown in full only to those who call back. */
export const READ_CALLER_CONTACTS = action("work_order.contacts.read", ["dispatcher", "handler"]);
/** The figures of a subtree (volume, on-time and satisfaction rates): not for the units that handle tickets. */
export const READ_WORK_ORDER_METRICS = action("work_order.metrics.read", [
  "dispatcher",
  "supervisor",
  "leader",
  "auditor",
]);

type Scoped = { tenantId: string; scopePath: string; unitId: string | null };

export function canViewWorkOrder(actor: Actor, wo: Scoped): boolean {
  return can(actor, VIEW_WORK_ORDERS, resourceOf(wo));
}

/** The centre acts on tickets in its subtree; a unit only on tickets dispatched to it. */
export function canPerform(actor: Actor, wo: Scoped, by: Performer): boolean {
  if (by === "centre") {
    return can(actor, ACT_AS_CENTRE, resourceOf(wo));
  }
  return actor.kind === "system" || (wo.unitId !== null && can(actor, ACT_AS_UNIT, resourceOf(wo)));
}

export function canSupervise(actor: Actor, wo: Scoped): boolean {
  return can(actor, SUPERVISE_WORK_ORDERS, resourceOf(wo));
}

/**
 * The caller of a rectification ticket is the rater, whom the rated unit must never learn (好差评):
 * only the centre, which follows the rater up, and the supervisor see who it is.
 */
export function canSeeCaller(actor: Actor, wo: Scoped & { kind: string }): boolean {
  return wo.kind !== "bad_rating" || can(actor, SUPERVISE_WORK_ORDERS, resourceOf(wo));
}

export function canSeeContact(actor: Actor, wo: Scoped & { kind: string }): boolean {
  // The supervisor meets the rater on the rating itself; the centre calls the rater back (回访).
  return can(actor, wo.kind === "bad_rating" ? ACT_AS_CENTRE : READ_CALLER_CONTACTS, resourceOf(wo));
}

/**
 * Where a new ticket lands: inside its creator's scope, so a town's dispatcher or API key can read
 * what it filed: the widest of a dispatcher's centre grants, an API key's unit. Tickets opened on
 * others' behalf (the system, a rating's rectification) stay at the root.
 */
export function creationScope(actor: Actor, rootPath: string): string {
  if (actor.kind === "system") {
    return rootPath;
  }
  if (actor.kind === "api_key") {
    return actor.orgPath;
  }
  const widest = [...scopeFor(actor, ACT_AS_CENTRE)].sort((a, b) => a.length - b.length)[0];
  return widest ?? rootPath;
}
