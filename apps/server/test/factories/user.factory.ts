import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Role } from "../../../../packages/contracts/src/common.ts";
import { insertSession } from "../../src/modules/auth/auth.repo.ts";
import { insertGrant, insertUser } from "../../src/modules/users/users.repo.ts";
import type { Db } from "../../src/platform/db/client.ts";
import { hashPassword } from "../../src/platform/passwords.ts";

export const TEST_PASSWORD = "Test-pass-123";
let cachedHash: Promise<string> | undefined;

export type TestUser = { id: string; username: string; cookie: string; csrf: string };

/** A user in `orgUnitId` with `roles` granted there, signed in (session row written directly). */
export async function buildUser(
  db: Db,
  tenantId: string,
  orgUnitId: string,
  roles: readonly Role[],
  overrides: { phone?: string; username?: string } = {},
): Promise<TestUser> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const id = randomUUID();
  const username = overrides.username ?? `u${randomBytes(6).toString("hex")}`;
  await insertUser(db, {
    id,
    tenantId,
    orgUnitId,
    username,
    displayName: `测试${username.slice(-4)}`,
    phone: overrides.phone ?? null,
    passwordHash: await cachedHash,
  });
  for (const role of roles) {
    await insertGrant(db, { id: randomUUID(), tenantId, userId: id, role, orgUnitId });
  }
  const token = randomBytes(32).toString("base64url");
  const csrf = randomBytes(24).toString("base64url");
  await insertSession(db, {
    tokenHash: createHash("sha256").update(token).digest("hex"),
    tenantId,
    userId: id,
    csrfToken: csrf,
    expiresAt: new Date(Date.now() + 3600_000),
  });
  return { id, username, cookie: `zw_session=${token}`, csrf };
}

/**
 * A signed-in member of `homeUnitId` holding each [role, unit] grant: a role here, another there
 * (the mixed grants whose roles must not lend each other scope).
 */
export async function buildMixedUser(
  db: Db,
  tenantId: string,
  homeUnitId: string,
  grants: readonly (readonly [Role, string])[],
): Promise<TestUser> {
  const user = await buildUser(db, tenantId, homeUnitId, []);
  for (const [role, orgUnitId] of grants) {
    await insertGrant(db, { id: randomUUID(), tenantId, userId: user.id, role, orgUnitId });
  }
  return user;
}
