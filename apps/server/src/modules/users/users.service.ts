import { randomUUID } from "node:crypto";
import type {
  AddGrantInput,
  CreateUserInput,
  UpdateUserInput,
  User,
} from "../../../../../packages/contracts/src/users.ts";
import { scopeFor } from "../../platform/access-can.ts";
import type { Ctx } from "../../platform/actor.ts";
import { authorize, conflict, notFound } from "../../platform/errors.ts";
import { maskPhone } from "../../platform/mask.ts";
import { hashPassword } from "../../platform/passwords.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { deleteUserSessions } from "../auth/auth.repo.ts";
import { getOrgUnit } from "../org/org.service.ts";
import { toUserDto } from "./users.mapper.ts";
import { canGrantOn, canManageUser, canReadUser, READ_USERS } from "./users.policy.ts";
import {
  deleteGrant,
  findGrantsOfUsers,
  findUserById,
  findUserByUsername,
  findUsersInScope,
  insertGrant,
  insertUser,
  type UserWithOrg,
  updateUser,
} from "./users.repo.ts";

async function loadVisibleUser(ctx: Ctx, id: string): Promise<UserWithOrg> {
  const user = await findUserById(ctx.db, ctx.actor.tenantId, id);
  if (!user || !canReadUser(ctx.actor, user)) {
    throw notFound("user");
  }
  return user;
}

/** A visible user the actor may manage: covering the home unit and every grant. @throws not_found, forbidden */
async function loadManagedUser(ctx: Ctx, id: string, message?: string): Promise<UserWithOrg> {
  const user = await loadVisibleUser(ctx, id);
  const grants = (await findGrantsOfUsers(ctx.db, [id])).get(id) ?? [];
  authorize(canManageUser(ctx.actor, user, grants), message ?? "该用户拥有超出您管理范围的授权，不能由您管理");
  return user;
}

async function toDto(ctx: Ctx, user: UserWithOrg): Promise<User> {
  const grants = await findGrantsOfUsers(ctx.db, [user.id]);
  return toUserDto(user, grants.get(user.id) ?? []);
}

/** Users of the actor's subtrees (admins and auditors). */
export async function findUsers(ctx: Ctx, q: string | undefined, page: { page: number; pageSize: number }) {
  const { rows, total } = await findUsersInScope(ctx.db, ctx.actor.tenantId, scopeFor(ctx.actor, READ_USERS), q, {
    offset: (page.page - 1) * page.pageSize,
    limit: page.pageSize,
  });
  const grants = await findGrantsOfUsers(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toUserDto(r, grants.get(r.id) ?? [])), total };
}

/** @throws not_found (outside the subtrees where the actor reads users) */
export async function getUser(ctx: Ctx, id: string): Promise<User> {
  return toDto(ctx, await loadVisibleUser(ctx, id));
}

/** Creates an account in a unit and grants it roles there. @throws not_found, forbidden, conflict */
export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<User> {
  const unit = await getOrgUnit(ctx, input.orgUnitId);
  authorize(canGrantOn(ctx.actor, unit), "只能在本人管理的机构下创建用户");
  if (await findUserByUsername(ctx.db, input.username)) {
    throw conflict(`用户名 ${input.username} 已被使用`, [{ path: "username", message: "用户名已被使用" }]);
  }
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  const roles = [...new Set(input.roles)];
  await ctx.db.transaction(async (tx) => {
    await insertUser(tx, {
      id,
      tenantId: ctx.actor.tenantId,
      orgUnitId: unit.id,
      username: input.username,
      displayName: input.displayName,
      phone: input.phone ?? null,
      passwordHash,
      mustChangePassword: true,
    });
    for (const role of roles) {
      await insertGrant(tx, { id: randomUUID(), tenantId: ctx.actor.tenantId, userId: id, role, orgUnitId: unit.id });
    }
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "user.create",
        entityType: "user",
        entityId: id,
        scopePath: unit.path,
        summary: {
          username: input.username,
          displayName: input.displayName,
          orgUnit: unit.name,
          roles,
          phone: maskPhone(input.phone ?? null),
        },
      },
    );
  });
  return getUser(ctx, id);
}

/** @throws not_found, forbidden */
export async function editUser(ctx: Ctx, id: string, input: UpdateUserInput): Promise<User> {
  const user = await loadManagedUser(ctx, id);
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  if (input.displayName !== undefined && input.displayName !== user.displayName) {
    changes.displayName = { from: user.displayName, to: input.displayName };
  }
  if (input.phone !== undefined && input.phone !== user.phone) {
    changes.phone = { from: maskPhone(user.phone), to: maskPhone(input.phone) };
  }
  if (input.disabled !== undefined && input.disabled !== user.disabled) {
    changes.disabled = { from: user.disabled, to: input.disabled };
  }
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, ctx.actor.tenantId, id, {
      displayName: input.displayName,
      phone: input.phone,
      disabled: input.disabled,
    });
    await recordAudit(
      { ...ctx, db: tx },
      { action: "user.update", entityType: "user", entityId: id, scopePath: user.orgPath, summary: changes },
    );
  });
  return getUser(ctx, id);
}

/** Sets a new password (the user must change it at next sign-in), ends all sessions, clears any lock. */
export async function resetUserPassword(ctx: Ctx, id: string, newPassword: string): Promise<void> {
  const user = await loadManagedUser(ctx, id);
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, ctx.actor.tenantId, id, {
      passwordHash,
      mustChangePassword: true,
      failedLogins: 0,
      lockedUntil: null,
    });
    // Whoever held the old password may be signed in: the reset ends every session.
    await deleteUserSessions(tx, id);
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "user.password.reset",
        entityType: "user",
        entityId: id,
        scopePath: user.orgPath,
        summary: { username: user.username },
      },
    );
  });
}

/** The unmasked phone number, for administrators; every read is audited. */
export async function readUserContact(ctx: Ctx, id: string): Promise<{ phone: string | null }> {
  const user = await loadManagedUser(ctx, id, "只有管理员可以查看完整手机号");
  await recordAudit(ctx, {
    action: "user.contact.read",
    entityType: "user",
    entityId: id,
    scopePath: user.orgPath,
    summary: { username: user.username, field: "phone" },
  });
  return { phone: user.phone };
}

/** @throws not_found, forbidden, conflict (already granted) */
export async function addUserGrant(ctx: Ctx, id: string, input: AddGrantInput): Promise<User> {
  const user = await loadManagedUser(ctx, id);
  const unit = await getOrgUnit(ctx, input.orgUnitId);
  authorize(canGrantOn(ctx.actor, unit), "只能在本人管理的机构范围内授权");
  await ctx.db.transaction(async (tx) => {
    await insertGrant(tx, {
      id: randomUUID(),
      tenantId: ctx.actor.tenantId,
      userId: id,
      role: input.role,
      orgUnitId: unit.id,
    });
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "user.grant.add",
        entityType: "user",
        entityId: id,
        scopePath: user.orgPath,
        summary: { role: input.role, orgUnit: unit.name },
      },
    );
  });
  return getUser(ctx, id);
}

/** @throws not_found, forbidden */
export async function removeUserGrant(ctx: Ctx, id: string, grantId: string): Promise<User> {
  const user = await loadManagedUser(ctx, id);
  const grant = (await findGrantsOfUsers(ctx.db, [id])).get(id)?.find((g) => g.id === grantId);
  if (!grant) {
    throw notFound("grant");
  }
  authorize(canGrantOn(ctx.actor, grant), "只能撤销本人管理范围内的授权");
  await ctx.db.transaction(async (tx) => {
    await deleteGrant(tx, ctx.actor.tenantId, id, grantId);
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "user.grant.remove",
        entityType: "user",
        entityId: id,
        scopePath: user.orgPath,
        summary: { role: grant.role, orgUnit: grant.orgUnitName },
      },
    );
  });
  return getUser(ctx, id);
}
