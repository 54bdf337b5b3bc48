import { ROLES } from "../../../../../packages/contracts/src/common.ts";
import { action, can } from "../../platform/access-can.ts";
import type { Actor } from "../../platform/actor.ts";

/** Every role reads the org tree below its grants (names, kinds, who sits where is the users module's). */
export const VIEW_ORG = action("org.view", ROLES);
export const MANAGE_ORG = action("org.manage", ["admin"]);

type Unit = { tenantId: string; path: string };

/** Any grant on an ancestor makes a unit visible. */
export function canViewOrgUnit(actor: Actor, unit: Unit): boolean {
  return can(actor, VIEW_ORG, { tenantId: unit.tenantId, orgPath: unit.path });
}

export function canManageOrgUnit(actor: Actor, unit: Unit): boolean {
  return can(actor, MANAGE_ORG, { tenantId: unit.tenantId, orgPath: unit.path });
}
