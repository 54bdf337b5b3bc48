import { describe, expect, it } from "vitest";
import { buildUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";

const h = setUpHarness();

describe("user administration", () => {
  it("creates a user with roles, refuses a taken username with the field named", async () => {
    const admin = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["admin"]);
    const payload = {
      username: `zs${Date.now().toString(36)}`,
      displayName: "张三",
      orgUnitId: h.tenant.units.a1.id,
      password: "Abcdef123",
      roles: ["handler"],
      phone: "13900001111",
    };
    const res = await h.built.app.inject({ method: "POST", url: "/api/users", headers: authHeaders(admin), payload });
    expect(res.statusCode).toBe(201);
    expect(res.json().grants.map((g: { role: string }) => g.role)).toEqual(["handler"]);
    expect(res.json().phone).toBe("139****1111");
    const again = await h.built.app.inject({ method: "POST", url: "/api/users", headers: authHeaders(admin), payload });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details[0].path).toBe("username");
  });

  it("answers 400 with field paths and Chinese messages for invalid input", async () => {
    const admin = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["admin"]);
    const res = await h.built.app.inject({
      method: "POST",
      url: "/api/users",
      headers: authHeaders(admin),
      payload: { username: "1bad", displayName: "张", orgUnitId: "x", password: "short", phone: "123" },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["username", "displayName", "orgUnitId", "password", "phone"]));
    expect(res.json().error.message).toMatch(/手机号/);
  });

  it("does not let an admin of A grant roles on B or see B's users", async () => {
    const admin = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["admin"]);
    const inA = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a1.id, ["handler"]);
    const inB = await buildUser(h.database.db, h.tenant.id, h.tenant.units.b1.id, ["handler"]);
    const grantOnB = await h.built.app.inject({
      method: "POST",
      url: `/api/users/${inA.id}/grants`,
      headers: authHeaders(admin),
      payload: { role: "admin", orgUnitId: h.tenant.units.b.id },
    });
    expect(grantOnB.statusCode).toBe(404);
    const grantOnRoot = await h.built.app.inject({
      method: "POST",
      url: `/api/users/${inA.id}/grants`,
      headers: authHeaders(admin),
      payload: { role: "admin", orgUnitId: h.tenant.units.root.id },
    });
    expect(grantOnRoot.statusCode).toBe(404);
    const list = await h.built.app.inject({ url: "/api/users?pageSize=200", headers: authHeaders(admin) });
    const ids = list.json().items.map((u: { id: string }) => u.id);
    expect(ids).toContain(inA.id);
    expect(ids).not.toContain(inB.id);
  });

  it("lets an auditor with a grant on the root read but not change", async () => {
    const auditor = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["auditor"]);
    const target = await buildUser(h.database.db, h.tenant.id, h.tenant.units.b1.id, ["handler"]);
    expect(
      (await h.built.app.inject({ url: `/api/users/${target.id}`, headers: authHeaders(auditor) })).statusCode,
    ).toBe(200);
    expect(
      (
        await h.built.app.inject({
          method: "PATCH",
          url: `/api/users/${target.id}`,
          headers: authHeaders(auditor),
          payload: { displayName: "改名" },
        })
      ).statusCode,
    ).toBe(403);
  });

  it("records every change in the audit log with the request id", async () => {
    const admin = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["admin"]);
    const target = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a1.id, ["handler"]);
    const res = await h.built.app.inject({
      method: "PATCH",
      url: `/api/users/${target.id}`,
      headers: authHeaders(admin),
      payload: { displayName: "新名字" },
    });
    const requestId = res.headers["x-request-id"];
    const audit = await h.built.app.inject({ url: "/api/audit?action=user.update", headers: authHeaders(admin) });
    const entry = audit.json().items.find((e: { entityId: string }) => e.entityId === target.id);
    expect(entry.requestId).toBe(requestId);
    expect(entry.summary.displayName.to).toBe("新名字");
  });
});
