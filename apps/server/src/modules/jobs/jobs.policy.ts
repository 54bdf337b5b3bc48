import type { Actor } from "../../platform/actor.ts";

/**
 * The run history covers every tenant's sweeps, so reading it needs an admin grant on the tenant
 * root: the root is the one unit at depth 0, whose path has a single segment ("/<id>/").
 */
export function canReadJobRuns(actor: Actor): boolean {
  return (
    actor.kind === "user" &&
    actor.grants.some((g) => g.role === "admin" && g.path.split("/").filter((s) => s !== "").length === 1)
  );
}
