import type { ApiKeyScope } from "../../../../../packages/contracts/src/api-keys.ts";
import type { Role } from "../../../../../packages/contracts/src/common.ts";
import type { Action } from "../access-can.ts";
import type { Actor, Ctx } from "../actor.ts";

/**
 * Every route declares who may call it. The auth hook refuses a route without one, and the
 * authorization-matrix test walks every registered route against this declaration.
 */
export type Access =
  | { kind: "public" }
  | {
      kind: "user";
      roles: readonly Role[] | "any";
      beforePasswordChange?: true;
      /** Also admits a machine client whose key has one of these scopes (sent without a session). */
      apiKeyScopes?: readonly ApiKeyScope[];
    }
  | { kind: "api_key"; scopes: readonly ApiKeyScope[] };

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
    ctx: Ctx | null;
  }
}

/**
 * A user route's gate, derived from the actions it performs: a grant somewhere carrying one of their
 * roles. Where the actor may perform them is the service's `can` on the resource, with the same actions.
 */
export function userAccess(...acts: readonly Action[]): Access {
  return { kind: "user", roles: [...new Set(acts.flatMap((a) => a.roles))] };
}
