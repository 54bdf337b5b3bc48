import { action, can } from "../../platform/access-can.ts";
import type { Actor } from "../../platform/actor.ts";

export const READ_USERS = action("user.read", ["admin", "auditor"]);
export const MANAGE_USERS = action("user.manage", ["admin"]);

type Target = { tenantId: string; orgPath: string };

/**
 * A user exists for the actor where it may read users: over the home unit, a forbidden change is
 * 403; elsewhere 404, whatever other roles the actor holds there (a district handler who administers
 * one office does not learn who works in the other departments).
 */
export function canReadUser(actor: Actor, user: Target): boolean {
  return can(actor, READ_USERS, user);
}
/**
 * Managing an account (edit, reset, grants, disable) hands over everything the account can do, so
 * the actor must cover the home unit AND every grant the user holds: an admin of 办公室 must not
 * take over the district admin who merely sits in 办公室.
 */
export function canManageUser(actor: Actor, user: Target, grants: readonly { path: string }[]): boolean {
  return (
    can(actor, MANAGE_USERS, user) &&
    grants.every((g) => can(actor, MANAGE_USERS, { tenantId: user.tenantId, orgPath: g.path }))
  );
}
/** Roles can only be granted on units inside the granting admin's own subtree. */
export function canGrantOn(actor: Actor, unit: { path: string }): boolean {
  return can(actor, MANAGE_USERS, { tenantId: actor.tenantId, orgPath: unit.path });
}
