import { describe, expect, it } from "vitest";
import { buildUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";

const h = setUpHarness();

describe("org tree", () => {
  it("shows a handler only their own subtree, with child counts", async () => {
    const handler = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["handler"]);
    const res = await h.built.app.inject({ url: "/api/org/tree", headers: authHeaders(handler) });
    const units = res.json().units as Array<{ id: string; childCount: number }>;
    expect(units.map((u) => u.id).sort()).toEqual([h.tenant.units.a.id, h.tenant.units.a1.id].sort());
    expect(units.find((u) => u.id === h.tenant.units.a.id)?.childCount).toBe(1);
  });

  it("searches by name and keeps the ancestors of each match", async () => {
    const admin = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["admin"]);
    const res = await h.built.app.inject({
      url: `/api/org/tree?q=${encodeURIComponent("乙局办公室")}`,
      headers: authHeaders(admin),
    });
    expect(res.json().units.map((u: { id: string }) => u.id)).toEqual([
      h.tenant.units.root.id,
      h.tenant.units.b.id,
      h.tenant.units.b1.id,
    ]);
  });

  it("adds a child under a unit the admin manages and audits it", async () => {
    const admin = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["admin"]);
    const res = await h.built.app.inject({
      method: "POST",
      url: "/api/org/units",
      headers: authHeaders(admin),
      payload: { parentId: h.tenant.units.a1.id, name: "综合股", kind: "department_unit" },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().depth).toBe(3);
    const audit = await h.built.app.inject({ url: "/api/audit?action=org.unit.create", headers: authHeaders(admin) });
    expect(audit.json().items[0].summary.name).toBe("综合股");
  });

  it("rejects a bad kind and a too-short name with field paths", async () => {
    const admin = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["admin"]);
    const res = await h.built.app.inject({
      method: "POST",
      url: "/api/org/units",
      headers: authHeaders(admin),
      payload: { parentId: h.tenant.units.a.id, name: "x", kind: "castle" },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(["kind", "name"]);
  });
});
