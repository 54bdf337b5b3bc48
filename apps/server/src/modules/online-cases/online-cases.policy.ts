import { action, can, resourceOf } from "../../platform/access-can.ts";
import type { Actor } from "../../platform/actor.ts";
import { VIEW_RATINGS } from "../evaluations/evaluations.policy.ts";

/** An online case is read by those who read the ratings of its department. */
export const VIEW_ONLINE_CASES = VIEW_RATINGS;
/**
 * The provincial portal's API key files cases of the departments under its unit; no user role does
 * (`can` admits an API key within its unit's subtree whatever the roles).
 */
export const RECEIVE_ONLINE_CASES = action("online_case.receive", []);

type Scoped = { tenantId: string; scopePath: string };

export const canViewOnlineCase = (actor: Actor, c: Scoped) => can(actor, VIEW_ONLINE_CASES, resourceOf(c));
export const canReceiveOnlineCase = (actor: Actor, department: { tenantId: string; path: string }) =>
  can(actor, RECEIVE_ONLINE_CASES, { tenantId: department.tenantId, orgPath: department.path });
