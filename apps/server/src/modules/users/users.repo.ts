import { and, count, eq, ilike, inArray, or, sql } from "drizzle-orm";
import type { Role } from "../../../../../packages/contracts/src/common.ts";
import { RoleSchema } from "../../../../../packages/contracts/src/common.ts";
import { pathInScope } from "../../platform/access.ts";
import type { ActorGrant } from "../../platform/actor.ts";
import type { Db } from "../../platform/db/client.ts";
import { orgUnits } from "../org/org.schema.ts";
import { roleGrants, users } from "./users.schema.ts";

export type UserRow = typeof users.$inferSelect;
export type UserWithOrg = UserRow & { orgUnitName: string; orgPath: string };

const userColumns = { user: users, orgUnitName: orgUnits.name, orgPath: orgUnits.path };

export async function findUserById(db: Db, tenantId: string, id: string): Promise<UserWithOrg | undefined> {
  const [row] = await db
    .select(userColumns)
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(and(eq(users.tenantId, tenantId), eq(users.id, id)));
  return row ? { ...row.user, orgUnitName: row.orgUnitName, orgPath: row.orgPath } : undefined;
}

/** Sign-in looks users up across tenants: usernames are unique platform-wide. */
export async function findUserByUsername(db: Db, username: string): Promise<UserWithOrg | undefined> {
  const [row] = await db
    .select(userColumns)
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(eq(users.username, username));
  return row ? { ...row.user, orgUnitName: row.orgUnitName, orgPath: row.orgPath } : undefined;
}

export async function findUsersInScope(
  db: Db,
  tenantId: string,
  paths: readonly string[],
  q: string | undefined,
  page: { offset: number; limit: number },
): Promise<{ rows: UserWithOrg[]; total: number }> {
  const where = and(
    eq(users.tenantId, tenantId),
    pathInScope(orgUnits.path, paths),
    q ? or(ilike(users.username, `%${q}%`), ilike(users.displayName, `%${q}%`)) : undefined,
  );
  const rows = await db
    .select(userColumns)
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(where)
    .orderBy(users.username)
    .offset(page.offset)
    .limit(page.limit);
  const [total] = await db
    .select({ n: count() })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(where);
  return {
    rows: rows.map((r) => ({ ...r.user, orgUnitName: r.orgUnitName, orgPath: r.orgPath })),
    total: Number(total?.n ?? 0),
  };
}

export async function findGrantsOfUsers(db: Db, userIds: readonly string[]): Promise<Map<string, ActorGrant[]>> {
  const out = new Map<string, ActorGrant[]>();
  if (userIds.length === 0) {
    return out;
  }
  const rows = await db
    .select({
      id: roleGrants.id,
      userId: roleGrants.userId,
      role: roleGrants.role,
      orgUnitId: roleGrants.orgUnitId,
      orgUnitName: orgUnits.name,
      path: orgUnits.path,
    })
    .from(roleGrants)
    .innerJoin(orgUnits, eq(orgUnits.id, roleGrants.orgUnitId))
    .where(inArray(roleGrants.userId, [...userIds]))
    .orderBy(roleGrants.createdAt);
  for (const r of rows) {
    const role: Role = RoleSchema.parse(r.role);
    const list = out.get(r.userId) ?? [];
    list.push({ id: r.id, role, orgUnitId: r.orgUnitId, orgUnitName: r.orgUnitName, path: r.path });
    out.set(r.userId, list);
  }
  return out;
}

export async function insertUser(db: Db, row: typeof users.$inferInsert): Promise<void> {
  await db.insert(users).values(row);
}

export async function updateUser(
  db: Db,
  tenantId: string,
  id: string,
  patch: Partial<typeof users.$inferInsert>,
): Promise<void> {
  await db
    .update(users)
    .set(patch)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, id)));
}

/** Counts one failed sign-in; locks the account when the count reaches `max`. Returns the lock end. */
export async function recordLoginFailure(db: Db, id: string, max: number, lockUntil: Date): Promise<Date | null> {
  const [row] = await db
    .update(users)
    .set({
      failedLogins: sql`case when ${users.failedLogins} + 1 >= ${max} then 0 else ${users.failedLogins} + 1 end`,
      lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${max} then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, id))
    .returning({ lockedUntil: users.lockedUntil });
  return row?.lockedUntil ?? null;
}

export async function insertGrant(db: Db, row: typeof roleGrants.$inferInsert): Promise<void> {
  await db.insert(roleGrants).values(row);
}

export async function deleteGrant(db: Db, tenantId: string, userId: string, grantId: string): Promise<number> {
  const rows = await db
    .delete(roleGrants)
    .where(and(eq(roleGrants.tenantId, tenantId), eq(roleGrants.userId, userId), eq(roleGrants.id, grantId)))
    .returning({ id: roleGrants.id });
  return rows.length;
}
