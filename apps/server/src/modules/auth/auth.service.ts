import { createHash, randomBytes } from "node:crypto";
import type { ChangePasswordInput, LoginInput, Me } from "../../../../../packages/contracts/src/auth.ts";
import { canAnywhere } from "../../platform/access-can.ts";
import type { Ctx, SystemActor, UserActor } from "../../platform/actor.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Config } from "../../platform/config.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { dummyPasswordHash, hashPassword, verifyPassword } from "../../platform/passwords.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { mayVerifyExchange } from "../data-sharing/exchange-verify-access.ts";
import { MANAGE_ORG } from "../org/org.policy.ts";
import { findTenantById } from "../tenants/tenants.repo.ts";
import { MANAGE_USERS } from "../users/users.policy.ts";
import { findGrantsOfUsers, findUserById, findUserByUsername, updateUser } from "../users/users.repo.ts";
import { menuFor } from "./auth.policy.ts";
import {
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findLiveSession,
  insertSession,
} from "./auth.repo.ts";
import { clearFailures, countFailure, findBlock, purgeStaleFailures } from "./login-throttle.repo.ts";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

type LoginDeps = { db: Db; clock: Clock; auth: Config["auth"]; requestId: string };

function formatLocal(d: Date): string {
  return d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
}

/** One source may fail this many times more across accounts than against one account. */
const ADDRESS_FACTOR = 5;

/**
 * Verifies a password and opens a session. Failures are counted per (name as typed, address) and
 * per address, in the database; a block binds to the failing source only, so a stranger cannot
 * lock the owner out from elsewhere, and known and unknown names get the same answers.
 * @throws rate_limited (this source blocked), invalid_credentials, forbidden (disabled)
 */
export async function login(
  deps: LoginDeps,
  input: LoginInput,
  ip: string,
): Promise<{ token: string; actor: UserActor }> {
  const now = deps.clock.now();
  const { maxFailures, lockMs } = deps.auth;
  const accountKey = `a:${input.username.toLowerCase()}|${ip}`;
  const addressKey = `i:${ip}`;
  // Sign-in is when sessions are opened, so it is also when the expired ones are swept.
  await deleteExpiredSessions(deps.db, now);
  const blocked = await findBlock(deps.db, [accountKey, addressKey], now);
  if (blocked) {
    // retryAfterSeconds becomes the Retry-After header (the error handler), which the login page shows.
    throw new AppError("rate_limited", `登录失败次数过多，请于 ${formatLocal(blocked)} 后再试`, {
      retryAfter: blocked.toISOString(),
      retryAfterSeconds: Math.max(1, Math.ceil((blocked.getTime() - now.getTime()) / 1000)),
    });
  }
  const user = await findUserByUsername(deps.db, input.username);
  // Unknown names are checked against a dummy hash so that both take the same time.
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok) {
    await deps.db.transaction(async (tx) => {
      await countFailure(tx, accountKey, maxFailures, lockMs, now);
      await countFailure(tx, addressKey, maxFailures * ADDRESS_FACTOR, lockMs, now);
      if (user) {
        const system: SystemActor = { kind: "system", tenantId: user.tenantId, name: "登录服务" };
        await recordAudit(
          { db: tx, actor: system, clock: deps.clock, requestId: deps.requestId },
          {
            action: "auth.login.failed",
            entityType: "user",
            entityId: user.id,
            scopePath: user.orgPath,
            summary: { username: user.username, ip },
          },
        );
      }
    });
    throw new AppError("invalid_credentials", "用户名或密码错误");
  }
  const system: SystemActor = { kind: "system", tenantId: user.tenantId, name: "登录服务" };
  const audit = { db: deps.db, actor: system, clock: deps.clock, requestId: deps.requestId };
  if (user.disabled) {
    throw new AppError("forbidden", "账号已停用，请联系管理员");
  }
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  await deps.db.transaction(async (tx) => {
    await insertSession(tx, {
      tokenHash: hashToken(token),
      tenantId: user.tenantId,
      userId: user.id,
      csrfToken,
      createdAt: now,
      expiresAt: new Date(now.getTime() + deps.auth.sessionTtlMs),
    });
    await clearFailures(tx, accountKey);
    await recordAudit(
      { ...audit, db: tx },
      {
        action: "auth.login",
        entityType: "user",
        entityId: user.id,
        scopePath: user.orgPath,
        summary: { username: user.username, ip },
      },
    );
  });
  const actor = await resolveSession(deps.db, token, now);
  if (!actor) {
    throw new AppError("internal", "会话创建失败");
  }
  return { token, actor };
}

/** The signed-in user behind a session cookie, with grants; null when expired, unknown or disabled. */
export async function resolveSession(db: Db, token: string, now: Date): Promise<UserActor | null> {
  const session = await findLiveSession(db, hashToken(token), now);
  if (!session) {
    return null;
  }
  const user = await findUserById(db, session.tenantId, session.userId);
  if (!user || user.disabled) {
    return null;
  }
  const grants = (await findGrantsOfUsers(db, [user.id])).get(user.id) ?? [];
  return {
    kind: "user",
    tenantId: user.tenantId,
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    grants,
    csrfToken: session.csrfToken,
    mustChangePassword: user.mustChangePassword,
  };
}

export async function logout(ctx: Ctx, token: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await deleteSession(tx, hashToken(token));
    await recordAudit({ ...ctx, db: tx }, { action: "auth.logout", entityType: "session", summary: {} });
  });
}

/** @throws invalid_credentials (wrong current password), validation (same password) */
export async function changePassword(ctx: Ctx, input: ChangePasswordInput, currentToken: string): Promise<void> {
  if (ctx.actor.kind !== "user") {
    throw new AppError("forbidden", "只有用户账号可以修改密码");
  }
  const user = await findUserById(ctx.db, ctx.actor.tenantId, ctx.actor.userId);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("validation", "当前密码不正确", [{ path: "currentPassword", message: "当前密码不正确" }]);
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError("validation", "新密码不能与当前密码相同", [
      { path: "newPassword", message: "新密码不能与当前密码相同" },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, user.tenantId, user.id, { passwordHash, mustChangePassword: false });
    // Every other session of the account ends; this one stays signed in.
    await deleteUserSessions(tx, user.id, hashToken(currentToken));
    await recordAudit(
      { ...ctx, db: tx },
      { action: "auth.password.change", entityType: "user", entityId: user.id, scopePath: user.orgPath, summary: {} },
    );
  });
}

export async function getMe(ctx: Ctx): Promise<Me> {
  const actor = ctx.actor;
  if (actor.kind !== "user") {
    throw new AppError("forbidden", "仅限用户账号");
  }
  const [user, tenant] = await Promise.all([
    findUserById(ctx.db, actor.tenantId, actor.userId),
    findTenantById(ctx.db, actor.tenantId),
  ]);
  if (!user || !tenant) {
    throw new AppError("unauthenticated", "请先登录");
  }
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      mustChangePassword: user.mustChangePassword,
    },
    tenant: { code: tenant.code, name: tenant.fullName },
    grants: actor.grants.map((g) => ({ id: g.id, role: g.role, orgUnitId: g.orgUnitId, orgUnitName: g.orgUnitName })),
    menu: menuFor(actor),
    can: {
      manageOrg: canAnywhere(actor, MANAGE_ORG),
      manageUsers: canAnywhere(actor, MANAGE_USERS),
      verifyExchange: await mayVerifyExchange(ctx.db, actor),
    },
    csrfToken: actor.csrfToken,
  };
}

/**
 * Expired sessions and sign-in failure counters whose window and block are over (a counter is kept
 * two lock periods, so a block is never cut short). For the periodic prune job.
 */
export async function pruneSignInState(
  db: Db,
  now: Date,
  lockMs: number,
): Promise<{ sessions: number; loginFailures: number }> {
  const sessions = await deleteExpiredSessions(db, now);
  const loginFailures = await purgeStaleFailures(db, new Date(now.getTime() - 2 * lockMs), now);
  return { sessions, loginFailures };
}
