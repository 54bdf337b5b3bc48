import type { User } from "../../../../../packages/contracts/src/users.ts";
import type { ActorGrant } from "../../platform/actor.ts";
import { maskPhone } from "../../platform/mask.ts";
import type { UserWithOrg } from "./users.repo.ts";

export function toUserDto(row: UserWithOrg, grants: readonly ActorGrant[]): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    phone: maskPhone(row.phone),
    orgUnitId: row.orgUnitId,
    orgUnitName: row.orgUnitName,
    disabled: row.disabled,
    lockedUntil: row.lockedUntil ? row.lockedUntil.toISOString() : null,
    grants: grants.map((g) => ({ id: g.id, role: g.role, orgUnitId: g.orgUnitId, orgUnitName: g.orgUnitName })),
    createdAt: row.createdAt.toISOString(),
  };
}
