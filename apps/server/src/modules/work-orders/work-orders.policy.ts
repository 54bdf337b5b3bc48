import type { Role } from "../../../../../packages/contracts/src/common.ts";
import { covers, scopePaths } from "../../platform/access.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Performer } from "./state-machine.ts";

export const WO_VIEW_ROLES: readonly Role[] = ["dispatcher", "handler", "supervisor", "leader", "auditor"];
export const WO_CENTRE_ROLES: readonly Role[] = ["dispatcher"];
export const WO_UNIT_ROLES: readonly Role[] = ["handler"];
export const WO_SUPERVISE_ROLES: readonly Role[] = ["dispatcher", "supervisor"];
/** Caller phone numbers are shown in full only to those who call back. */
export const WO_CONTACT_ROLES: readonly Role[] = ["dispatcher", "handler"];

type Scoped = { scopePath: string; unitId: string | null };

export function canViewWorkOrder(actor: Actor, wo: Scoped): boolean {
  return actor.kind === "system" || covers(scopePaths(actor, WO_VIEW_ROLES), wo.scopePath);
}

/** The centre acts on tickets in its subtree; a unit only on tickets dispatched to it. */
export function canPerform(actor: Actor, wo: Scoped, by: Performer): boolean {
  if (actor.kind === "system") {
    return true;
  }
  if (by === "centre") {
    return covers(scopePaths(actor, WO_CENTRE_ROLES), wo.scopePath);
  }
  return wo.unitId !== null && covers(scopePaths(actor, WO_UNIT_ROLES), wo.scopePath);
}

export function canSupervise(actor: Actor, wo: Scoped): boolean {
  return actor.kind === "system" || covers(scopePaths(actor, WO_SUPERVISE_ROLES), wo.scopePath);
}

/**
 * The caller of a rectification ticket is the rater, whom the rated unit must never learn (好差评):
 * only the centre, which follows the rater up, and the supervisor see who it is.
 */
export function canSeeCaller(actor: Actor, wo: Scoped & { kind: string }): boolean {
  return (
    wo.kind !== "bad_rating" || actor.kind === "system" || covers(scopePaths(actor, WO_SUPERVISE_ROLES), wo.scopePath)
  );
}

export function canSeeContact(actor: Actor, wo: Scoped & { kind: string }): boolean {
  // The supervisor meets the rater on the rating itself; the centre calls the rater back (回访).
  const roles = wo.kind === "bad_rating" ? WO_CENTRE_ROLES : WO_CONTACT_ROLES;
  return covers(scopePaths(actor, roles), wo.scopePath);
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
  const widest = [...scopePaths(actor, WO_CENTRE_ROLES)].sort((a, b) => a.length - b.length)[0];
  return widest ?? rootPath;
}
