import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Role } from "../../../../packages/contracts/src/common.ts";
import { buildUser, type TestUser } from "../../test/factories/user.factory.ts";
import { setUpHarness } from "../../test/harness.ts";
import { authHeaders } from "../../test/test-app.ts";
import { insertGrant } from "../modules/users/users.repo.ts";

const h = setUpHarness();

/** A member of unit A1 (办公室) who holds `role` on another unit as well. */
async function memberWithGrant(role: Role, on: "root" | "a" | "b"): Promise<TestUser> {
  const u = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a1.id, []);
  await insertGrant(h.database.db, {
    id: randomUUID(),
    tenantId: h.tenant.id,
    userId: u.id,
    role,
    orgUnitId: h.tenant.units[on].id,
  });
  return u;
}

const reset = (actor: TestUser, target: TestUser) =>
  h.built.app.inject({
    method: "POST",
    url: `/api/users/${target.id}/reset-password`,
    headers: authHeaders(actor),
    payload: { newPassword: "Taken-over-789" },
  });

describe("managing users with wider grants (account takeover)", () => {
  it("an admin of 办公室 cannot reset, edit, disable or re-grant the district admin, leader or auditor sitting in 办公室", async () => {
    const officeAdmin = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a1.id, ["admin"]);
    for (const role of ["admin", "leader", "auditor"] as const) {
      const target = await memberWithGrant(role, "root");
      const res = await reset(officeAdmin, target);
      expect(res.statusCode, `reset ${role}`).toBe(403);
      const edit = await h.built.app.inject({
        method: "PATCH",
        url: `/api/users/${target.id}`,
        headers: authHeaders(officeAdmin),
        payload: { disabled: true },
      });
      expect(edit.statusCode, `disable ${role}`).toBe(403);
      const grant = await h.built.app.inject({
        method: "POST",
        url: `/api/users/${target.id}/grants`,
        headers: authHeaders(officeAdmin),
        payload: { role: "handler", orgUnitId: h.tenant.units.a1.id },
      });
      expect(grant.statusCode, `grant ${role}`).toBe(403);
      // The target still signs in with the old password: nothing was changed.
      const me = await h.built.app.inject({ url: "/api/auth/me", headers: authHeaders(target) });
      expect(me.statusCode).toBe(200);
    }
  });

  it("a member with a grant on a sibling department is out of reach; one covered everywhere is managed", async () => {
    const adminA = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["admin"]);
    const mixed = await memberWithGrant("handler", "b");
    expect((await reset(adminA, mixed)).statusCode).toBe(403);
    const inside = await memberWithGrant("handler", "a");
    expect((await reset(adminA, inside)).statusCode).toBe(200);
    const districtAdmin = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["admin"]);
    expect((await reset(districtAdmin, mixed)).statusCode).toBe(200);
  });

  it("an admin password reset ends every session of the user", async () => {
    const admin = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["admin"]);
    const target = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a1.id, ["handler"]);
    expect((await h.built.app.inject({ url: "/api/auth/me", headers: authHeaders(target) })).statusCode).toBe(200);
    expect((await reset(admin, target)).statusCode).toBe(200);
    const after = await h.built.app.inject({ url: "/api/auth/me", headers: authHeaders(target) });
    expect(after.statusCode).toBe(401);
  });
});
