import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "../../../../packages/contracts/src/common.ts";
import { routeTargets } from "../../test/factories/route-targets.factory.ts";
import { buildTenant, type TestTenant } from "../../test/factories/tenant.factory.ts";
import { buildUser } from "../../test/factories/user.factory.ts";
import { httpMethod } from "../../test/harness.ts";
import { SPEC } from "../../test/route-spec.ts";
import { buildTestApp } from "../../test/test-app.ts";
import { openTestDatabase } from "../../test/test-db.ts";
import type { RegisteredRoute } from "../app.ts";
import { issueApiKey } from "../modules/api-keys/api-keys.service.ts";
import { systemClock } from "../platform/clock.ts";
import type { Database } from "../platform/db/client.ts";

const isStatic = (r: RegisteredRoute) =>
  !r.url.startsWith("/api") && r.url !== "/healthz" && !r.url.startsWith("/open311");

let database: Database;
let tenant: TestTenant;
let built: Awaited<ReturnType<typeof buildTestApp>>;
let targetsIn: ReturnType<typeof routeTargets>;

beforeAll(async () => {
  database = await openTestDatabase();
  tenant = await buildTenant(database.db);
  built = await buildTestApp(database, systemClock, { ZHENGWU_SOFFICE: "/nonexistent/soffice" });
  targetsIn = routeTargets(database, tenant);
});
afterAll(async () => {
  await built.app.close();
  await database.close();
});

describe("authorization matrix", () => {
  it("every registered route declares an access policy and is in the specification", () => {
    const missing = built.routes.filter((r) => !r.access).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
    const api = built.routes.filter((r) => !isStatic(r) && r.method !== "HEAD");
    const unspecified = api.map((r) => `${r.method} ${r.url}`).filter((k) => !(k in SPEC));
    expect(unspecified).toEqual([]);
    for (const key of Object.keys(SPEC)) {
      expect(api.map((r) => `${r.method} ${r.url}`)).toContain(key);
    }
    for (const r of built.routes.filter(isStatic)) {
      expect(r.access?.kind).toBe("public");
    }
  });

  for (const [key, spec] of Object.entries(SPEC)) {
    const [rawMethod = "GET", path = ""] = key.split(" ");
    const method = httpMethod(rawMethod);
    if (spec.roles === "public" || spec.roles === "api_key") {
      continue;
    }
    it(`${key}: 401 without a session, 403 on a mutation without CSRF`, async () => {
      const t = await targetsIn(tenant.units.a1);
      const url = spec.url ? spec.url(t) : path;
      const res = await built.app.inject({ method, url, payload: spec.body?.(t) as object | undefined });
      expect(res.statusCode).toBe(401);
      if (method !== "GET") {
        const actor = await buildUser(database.db, tenant.id, tenant.units.a.id, ["admin"]);
        const noCsrf = await built.app.inject({
          method,
          url,
          headers: { cookie: actor.cookie },
          payload: spec.body?.(t) as object | undefined,
        });
        expect(noCsrf.statusCode).toBe(403);
        expect(noCsrf.json().error.code).toBe("csrf_failed");
      }
    });
    for (const role of ROLES) {
      const allowed = spec.roles === "any" || spec.roles.includes(role);
      it(`${key} as ${role}: ${allowed ? `${spec.ok} in scope${spec.scoped ? ", 404 out of scope" : ""}` : "403"}`, async () => {
        const inside = await targetsIn(tenant.units.a1);
        const outside = await targetsIn(tenant.units.b1);
        for (const [where, t] of [
          ["in", inside],
          ["out", outside],
        ] as const) {
          const actor = await buildUser(database.db, tenant.id, tenant.units.a.id, [role]);
          const res = await built.app.inject({
            method,
            url: spec.url ? spec.url(t) : path,
            headers: { cookie: actor.cookie, "x-csrf-token": actor.csrf },
            payload: spec.body?.(t) as object | undefined,
          });
          const tenantWide = spec.tenantWideFor?.includes(role) ?? false;
          const expected = !allowed
            ? 403
            : where === "out" && spec.scoped && !tenantWide
              ? 404
              : (spec.okFor?.[role] ?? spec.ok);
          expect(res.statusCode, `${where}: ${res.body.slice(0, 300)}`).toBe(expected);
          if (allowed && spec.list && !tenantWide) {
            expect(res.body).not.toContain(outside.userId);
            expect(res.body).not.toContain(outside.unitId);
            expect(res.body).not.toContain(outside.apiKeyId);
            expect(res.body).not.toContain(outside.dataKeyId);
          }
        }
      });
    }
  }

  it("GET /api/machine/whoami: 401 without a key, 200 with a key, 401 once revoked", async () => {
    const key = await issueApiKey(
      { db: database.db, tenantId: tenant.id, orgUnitId: tenant.units.a.id, createdBy: "test" },
      { name: "市平台", scopes: ["tickets:write"] },
    );
    expect((await built.app.inject({ url: "/api/machine/whoami" })).statusCode).toBe(401);
    const ok = await built.app.inject({ url: "/api/machine/whoami", headers: { "x-api-key": key.secret } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().name).toBe("市平台");
    const admin = await buildUser(database.db, tenant.id, tenant.units.a.id, ["admin"]);
    await built.app.inject({
      method: "POST",
      url: `/api/api-keys/${key.row.id}/revoke`,
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf },
    });
    expect(
      (await built.app.inject({ url: "/api/machine/whoami", headers: { authorization: `Bearer ${key.secret}` } }))
        .statusCode,
    ).toBe(401);
    expect(
      (await built.app.inject({ url: "/api/machine/whoami", headers: { "x-api-key": `${key.secret.slice(0, -2)}xx` } }))
        .statusCode,
    ).toBe(401);
  });
});
