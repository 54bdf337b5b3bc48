import type { Role } from "../../../../../packages/contracts/src/common.ts";
import { covers, hasRole, scopePaths } from "../../platform/access.ts";
import type { Actor } from "../../platform/actor.ts";

/** Staff who read the catalog (windows consult it, supervisors and leaders check it). */
export const CATALOG_VIEW_ROLES = [
  "catalog_manager",
  "hall_staff",
  "admin",
  "supervisor",
  "leader",
  "auditor",
  // Maps items to the data resources and shared materials they use.
  "data_officer",
] as const satisfies Role[];
/** 行政审批制度改革科 keeps the catalog. */
export const CATALOG_EDIT_ROLES = ["catalog_manager"] as const satisfies Role[];

type Scoped = { scopePath: string };

/**
 * Org paths whose items the actor reads. A service hall's windows serve every department's items,
 * so window staff read the tenant's whole catalog; others read the departments their grants cover.
 */
export function catalogReadPaths(actor: Actor): string[] {
  if (hasRole(actor, ["hall_staff"])) {
    return ["/"];
  }
  return scopePaths(actor, CATALOG_VIEW_ROLES);
}

/** An item is visible to staff whose grant covers its competent department (window staff: all). */
export function canViewItem(actor: Actor, item: Scoped): boolean {
  return covers(catalogReadPaths(actor), item.scopePath);
}

export function canEditItem(actor: Actor, item: Scoped): boolean {
  return covers(scopePaths(actor, CATALOG_EDIT_ROLES), item.scopePath);
}

/** Bundles span departments: editing one needs the right to edit every member item. */
export function canEditBundle(actor: Actor, members: readonly Scoped[]): boolean {
  const paths = scopePaths(actor, CATALOG_EDIT_ROLES);
  return paths.length > 0 && members.every((m) => covers(paths, m.scopePath));
}
