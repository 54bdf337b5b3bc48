import { can, inActorTenant } from "../../platform/access-can.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/db/client.ts";
import { findRootUnit } from "../org/org.repo.ts";
import { VIEW_DATA } from "./data-sharing.policy.ts";

/**
 * Who may check the whole district's exchange chain: auditors, and data officers granted on the
 * district root (a town's officer would learn of other units' traffic from where the chain breaks).
 */
export async function mayVerifyExchange(db: Db, actor: Actor): Promise<boolean> {
  if (actor.kind !== "user") {
    return false;
  }
  if (actor.grants.some((g) => g.role === "auditor")) {
    return true;
  }
  if (!actor.grants.some((g) => g.role === "data_officer")) {
    return false;
  }
  const root = await findRootUnit(db, actor.tenantId);
  return root !== undefined && can(actor, VIEW_DATA, inActorTenant(actor, root.path));
}
