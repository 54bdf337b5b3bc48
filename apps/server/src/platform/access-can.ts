import type { Role } from "../../../../packages/contracts/src/common.ts";
import type { Actor } from "./actor.ts";

/** What a request acts on: the tenant that owns it and its place in that tenant's org tree. */
export type Resource = { tenantId: string; orgPath: string };

/**
 * How far a grant carrying one of the action's roles reaches: its own subtree (the rule), or the
 * whole tenant (the few actions whose work spans departments, e.g. window staff consulting the catalog).
 */
export type Reach = "subtree" | "tenant";

/** An action names the roles that may perform it; `can` decides where. */
export type Action = { name: string; roles: readonly Role[]; reach: Reach };

export const action = (name: string, roles: readonly Role[], reach: Reach = "subtree"): Action => ({
  name,
  roles,
  reach,
});

/** The path every org path starts with: a tenant-wide scope. */
const TENANT_WIDE = "/";

/**
 * Role and scope as one check: a grant counts only when it carries one of the action's roles AND its
 * subtree covers the resource (so a leader of a village who audits the district is no district leader).
 * API keys act inside their unit's subtree; the system actor inside its tenant.
 */
export function can(actor: Actor, act: Action, resource: Resource): boolean {
  if (actor.tenantId !== resource.tenantId) {
    return false;
  }
  return scopeFor(actor, act).some((p) => resource.orgPath.startsWith(p));
}

/**
 * The org subtrees in which the actor may perform `act`: the filter of a list or an aggregate,
 * derived from the same action as the item check, so a list never reaches further than `can`
 * (a role held on a village plus any role on the district is no district-wide reach).
 * Callers scope the query to the actor's tenant as well.
 */
export function scopeFor(actor: Actor, act: Action): string[] {
  if (actor.kind === "system") {
    return [TENANT_WIDE];
  }
  if (actor.kind === "api_key") {
    return [actor.orgPath];
  }
  const paths = actor.grants.filter((g) => act.roles.includes(g.role)).map((g) => g.path);
  if (act.reach === "tenant") {
    return paths.length > 0 ? [TENANT_WIDE] : [];
  }
  return paths;
}

/** The actor may perform `act` somewhere (menus, what the signed-in user is offered); where is `can`'s question. */
export function canAnywhere(actor: Actor, act: Action): boolean {
  return scopeFor(actor, act).length > 0;
}

/** A scoped row as a resource: its tenant and the org path it belongs under. */
export const resourceOf = (row: { tenantId: string; scopePath: string }): Resource => ({
  tenantId: row.tenantId,
  orgPath: row.scopePath,
});

/** A resource named by its org path alone, in the actor's tenant (the row was loaded by that tenant). */
export const inActorTenant = (actor: Actor, orgPath: string): Resource => ({ tenantId: actor.tenantId, orgPath });
