import type { Role } from "../../../../packages/contracts/src/common.ts";
import type { Actor } from "./actor.ts";

/** What a request acts on: the tenant that owns it and its place in that tenant's org tree. */
export type Resource = { tenantId: string; orgPath: string };

/** An action names the roles that may perform it; `can` decides where. */
export type Action = { name: string; roles: readonly Role[] };

export const action = (name: string, roles: readonly Role[]): Action => ({ name, roles });

/**
 * Role and scope as one check: a grant counts only when it carries one of the action's roles AND its
 * subtree covers the resource (so a leader of a village who audits the district is no district leader).
 * API keys act inside their unit's subtree; the system actor inside its tenant.
 */
export function can(actor: Actor, act: Action, resource: Resource): boolean {
  if (actor.tenantId !== resource.tenantId) {
    return false;
  }
  if (actor.kind === "system") {
    return true;
  }
  if (actor.kind === "api_key") {
    return resource.orgPath.startsWith(actor.orgPath);
  }
  return actor.grants.some((g) => act.roles.includes(g.role) && resource.orgPath.startsWith(g.path));
}
