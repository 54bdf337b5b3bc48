import type { Role } from "../../../../../packages/contracts/src/common.ts";
import { covers, scopePaths } from "../../platform/access.ts";
import type { Actor } from "../../platform/actor.ts";

export const ORG_MANAGE_ROLES: readonly Role[] = ["admin"];

/** Any grant on an ancestor makes a unit visible. */
export function canViewOrgUnit(actor: Actor, unit: { path: string }): boolean {
  return covers(scopePaths(actor), unit.path);
}

export function canManageOrgUnit(actor: Actor, unit: { path: string }): boolean {
  return covers(scopePaths(actor, ORG_MANAGE_ROLES), unit.path);
}
