import { action, can, canAnywhere, resourceOf, scopeFor } from "../../platform/access-can.ts";
import type { Actor } from "../../platform/actor.ts";

/** Staff who read the departments' items they cover (supervisors and leaders check them). */
export const VIEW_CATALOG = action("catalog.view", [
  "catalog_manager",
  "admin",
  "supervisor",
  "leader",
  "auditor",
  // Maps items to the data resources and shared materials they use.
  "data_officer",
]);
/**
 * A service hall's windows serve every department's items, so window staff consult the tenant's
 * whole catalog wherever their own grant is.
 */
export const CONSULT_CATALOG_AT_WINDOW = action("catalog.consult_at_window", ["hall_staff"], "tenant");
/** 行政审批制度改革科 keeps the catalog. */
export const EDIT_CATALOG = action("catalog.edit", ["catalog_manager"]);

type Scoped = { tenantId: string; scopePath: string };

/** Org paths whose items the actor reads: the list filter of the same actions as `canViewItem`. */
export function catalogReadPaths(actor: Actor): string[] {
  return [...new Set([...scopeFor(actor, CONSULT_CATALOG_AT_WINDOW), ...scopeFor(actor, VIEW_CATALOG)])];
}

/** An item is visible to staff whose grant covers its competent department (window staff: all). */
export function canViewItem(actor: Actor, item: Scoped): boolean {
  return can(actor, CONSULT_CATALOG_AT_WINDOW, resourceOf(item)) || can(actor, VIEW_CATALOG, resourceOf(item));
}

export function canEditItem(actor: Actor, item: Scoped): boolean {
  return can(actor, EDIT_CATALOG, resourceOf(item));
}

/** Bundles span departments: editing one needs the right to edit every member item. */
export function canEditBundle(actor: Actor, members: readonly Scoped[]): boolean {
  return canAnywhere(actor, EDIT_CATALOG) && members.every((m) => canEditItem(actor, m));
}
