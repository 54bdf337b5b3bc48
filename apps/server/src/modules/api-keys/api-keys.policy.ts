import { action, can } from "../../platform/access-can.ts";
import type { Actor, ActorGrant, UserActor } from "../../platform/actor.ts";

/** Administrators issue, list and revoke the keys of the units they administer. */
export const MANAGE_API_KEYS = action("api_key.manage", ["admin"]);

type Keyed = { tenantId: string; orgPath: string };

/** A key is seen and revoked only under a grant that may manage keys (else it does not exist). */
export const canManageApiKey = (actor: Actor, key: Keyed) => can(actor, MANAGE_API_KEYS, key);

/** The unit a new key acts for: the widest the actor manages keys on (one fixed answer for several). */
export function keyHomeGrant(actor: UserActor): ActorGrant | undefined {
  return actor.grants
    .filter((g) => MANAGE_API_KEYS.roles.includes(g.role))
    .sort((a, b) => a.path.length - b.path.length || a.path.localeCompare(b.path))[0];
}
