import type { ApiKeyScope } from "../../../../packages/contracts/src/api-keys.ts";
import type { Role } from "../../../../packages/contracts/src/common.ts";
import type { Clock } from "./clock.ts";
import type { Db } from "./db/client.ts";

export type ActorGrant = { id: string; role: Role; orgUnitId: string; orgUnitName: string; path: string };

export type UserActor = {
  kind: "user";
  tenantId: string;
  userId: string;
  username: string;
  displayName: string;
  grants: ActorGrant[];
  csrfToken: string;
  /** Set by an admin's reset or a new account: until changed, only the change itself is allowed. */
  mustChangePassword?: boolean;
};
export type ApiKeyActor = {
  kind: "api_key";
  tenantId: string;
  keyId: string;
  name: string;
  scopes: ApiKeyScope[];
  orgPath: string;
  /** A data-service credential's grant (data_grants); null for other keys. */
  grantId: string | null;
};
/** The CLI, jobs and the demo loader act as the system. */
export type SystemActor = { kind: "system"; tenantId: string; name: string };
export type Actor = UserActor | ApiKeyActor | SystemActor;

export type Logger = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

/** Built once per request (or CLI run) and passed to every use case. */
export type Ctx = { db: Db; actor: Actor; clock: Clock; log: Logger; requestId: string };

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
