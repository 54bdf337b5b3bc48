import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";
import { insertUser } from "./users.repo.ts";

const h = setUpHarness();

/** An id as md5(…)::uuid writes it: valid for PostgreSQL, without RFC 9562 version and variant. */
const legacyId = () => {
  const u = randomUUID();
  return `${u.slice(0, 14)}0${u.slice(15, 19)}c${u.slice(20)}`;
};

describe("ids stored without RFC 9562 bits", () => {
  it("list and open without a 500", async () => {
    const admin = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["admin"]);
    const id = legacyId();
    await insertUser(h.database.db, {
      id,
      tenantId: h.tenant.id,
      orgUnitId: h.tenant.units.a1.id,
      username: `legacy${Date.now().toString(36)}`,
      displayName: "旧编号",
      passwordHash: "x",
    });
    const list = await h.built.app.inject({
      method: "GET",
      url: "/api/users?pageSize=200",
      headers: authHeaders(admin),
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((u: { id: string }) => u.id)).toContain(id);
    const one = await h.built.app.inject({ method: "GET", url: `/api/users/${id}`, headers: authHeaders(admin) });
    expect(one.statusCode).toBe(200);
  });

  it("every contract takes ids through the shared Id schema, not the strict z.uuid()", () => {
    const dir = new URL("../../../../../packages/contracts/src/", import.meta.url);
    const strict = readdirSync(dir)
      .filter((f) => f.endsWith(".ts"))
      .filter((f) => readFileSync(new URL(f, dir), "utf8").includes("z.uuid("));
    expect(strict).toEqual([]);
  });
});
