import type { Role } from "../../../../../packages/contracts/src/common.ts";
import { covers, scopePaths } from "../../platform/access.ts";
import { action, can } from "../../platform/access-can.ts";
import type { Actor } from "../../platform/actor.ts";

export const USER_READ_ROLES: readonly Role[] = ["admin", "auditor"];
export const USER_MANAGE_ROLES: readonly Role[] = ["admin"];
const READ_USER = action("user.read", USER_READ_ROLES);
const MANAGE_USER = action("user.manage", USER_MANAGE_ROLES);

type Target = { tenantId: string; orgPath: string };

/** Any grant over the user's unit makes the user visible (so a forbidden action is 403, not 404). */
export function canViewUser(actor: Actor, user: Target): boolean {
  return actor.tenantId === user.tenantId && covers(scopePaths(actor), user.orgPath);
}
export function canReadUser(actor: Actor, user: Target): boolean {
  return can(actor, READ_USER, user);
}
/**
 * Managing an account (edit, reset, grants, disable) hands over everything the account can do, so
 * the actor must cover the home unit AND every grant the user holds: an admin of 办公室 must not
 * take over the district admin who merely sits in 办公室.
 */
export function canManageUser(actor: Actor, user: Target, grants: readonly { path: string }[]): boolean {
  return (
    can(actor, MANAGE_USER, user) &&
    grants.every((g) => can(actor, MANAGE_USER, { tenantId: user.tenantId, orgPath: g.path }))
  );
}
/** Roles can only be granted on units inside the granting admin's own subtree. */
export function canGrantOn(actor: Actor, unit: { path: string }): boolean {
  return can(actor, MANAGE_USER, { tenantId: actor.tenantId, orgPath: unit.path });
}
