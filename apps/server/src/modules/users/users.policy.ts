import type { Role } from "../../../../../packages/contracts/src/common.ts";
import { covers, scopePaths } from "../../platform/access.ts";
import type { Actor } from "../../platform/actor.ts";

export const USER_READ_ROLES: readonly Role[] = ["admin", "auditor"];
export const USER_MANAGE_ROLES: readonly Role[] = ["admin"];

/** Any grant over the user's unit makes the user visible (so a forbidden action is 403, not 404). */
export function canViewUser(actor: Actor, user: { orgPath: string }): boolean {
  return covers(scopePaths(actor), user.orgPath);
}
export function canReadUser(actor: Actor, user: { orgPath: string }): boolean {
  return covers(scopePaths(actor, USER_READ_ROLES), user.orgPath);
}
export function canManageUser(actor: Actor, user: { orgPath: string }): boolean {
  return covers(scopePaths(actor, USER_MANAGE_ROLES), user.orgPath);
}
/** Roles can only be granted on units inside the granting admin's own subtree. */
export function canGrantOn(actor: Actor, unit: { path: string }): boolean {
  return covers(scopePaths(actor, USER_MANAGE_ROLES), unit.path);
}
