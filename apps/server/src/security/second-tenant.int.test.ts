import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_KEY_SCOPES } from "../../../../packages/contracts/src/api-keys.ts";
import { ROLES } from "../../../../packages/contracts/src/common.ts";
import { routeTargets } from "../../test/factories/route-targets.factory.ts";
import { buildTenant, type TestTenant } from "../../test/factories/tenant.factory.ts";
import { buildUser, type TestUser } from "../../test/factories/user.factory.ts";
import { httpMethod } from "../../test/harness.ts";
import { SPEC } from "../../test/route-spec.ts";
import type { Targets } from "../../test/route-spec-types.ts";
import { authHeaders, buildTestApp } from "../../test/test-app.ts";
import { openTestDatabase } from "../../test/test-db.ts";
import type { RegisteredRoute } from "../app.ts";
import { issueApiKey } from "../modules/api-keys/api-keys.service.ts";
import { findOrgTree } from "../modules/org/org.service.ts";
import { findTenantByCode } from "../modules/tenants/tenants.repo.ts";
import { createTenantFromCode } from "../modules/tenants/tenants.service.ts";
import { type SystemActor, silentLogger } from "../platform/actor.ts";
import { systemClock } from "../platform/clock.ts";
import type { Database } from "../platform/db/client.ts";

/** Tenant A's resources the table's routes cannot reach by its own targets (ids made through A's API). */
type Extra = { exportTaskId: string; slaPolicyId: string; creditFlagId: string; ticketNumber: string };

/**
 * Routes whose URL the route table fills with a placeholder id: tenant B asks for A's instead.
 * A's resource must answer exactly as an unknown one.
 */
const A_URLS: Record<string, (t: Targets, x: Extra) => string> = {
  "GET /api/export-tasks/:id": (_t, x) => `/api/export-tasks/${x.exportTaskId}`,
  "GET /api/export-tasks/:id/download": (_t, x) => `/api/export-tasks/${x.exportTaskId}/download`,
  "PUT /api/work-orders/sla-policies/:id": (_t, x) => `/api/work-orders/sla-policies/${x.slaPolicyId}`,
  "DELETE /api/budget/projects/:id": (t) => `/api/budget/projects/${t.projectId}`,
  "POST /api/credit-flags/:id/lift": (_t, x) => `/api/credit-flags/${x.creditFlagId}/lift`,
};
const A_NOT_FOUND = new Set(Object.keys(A_URLS));

/**
 * Public routes: asked for A's records in B's name (`?tenant=`, `jurisdiction_id`), they show none of
 * A's: a list answers 200 without them, a record of A's by its code is 404.
 */
const PUBLIC_PROBES: Record<string, { url: (t: Targets, x: Extra, b: string) => string; status: number }> = {
  "GET /api/3/action/:action": {
    url: (t, _x, b) => `/api/3/action/package_show?id=${t.resourceCode}&tenant=${b}`,
    status: 404,
  },
  "POST /api/3/action/:action": { url: (_t, _x, b) => `/api/3/action/package_list?tenant=${b}`, status: 200 },
  "GET /api/public/data/:tenant/resources/:code/download.csv": {
    url: (t, _x, b) => `/api/public/data/${b}/resources/${t.resourceCode}/download.csv`,
    status: 404,
  },
  "GET /api/public/data/:tenant/resources/:code/download.xlsx": {
    url: (t, _x, b) => `/api/public/data/${b}/resources/${t.resourceCode}/download.xlsx`,
    status: 404,
  },
  "GET /api/public/data/:tenant/resources/:code/download.json": {
    url: (t, _x, b) => `/api/public/data/${b}/resources/${t.resourceCode}/download.json`,
    status: 404,
  },
  "GET /api/public/halls": { url: (_t, _x, b) => `/api/public/halls?tenant=${b}`, status: 200 },
  "GET /api/public/catalog/items": {
    url: (_t, _x, b) => `/api/public/catalog/items?tenant=${b}&q=${encodeURIComponent("食品")}`,
    status: 200,
  },
  "GET /api/public/catalog/items/:code": {
    url: (t, _x, b) => `/api/public/catalog/items/${t.itemCodes[0]}?tenant=${b}`,
    status: 404,
  },
  "GET /api/public/catalog/bundles": { url: (_t, _x, b) => `/api/public/catalog/bundles?tenant=${b}`, status: 200 },
  "GET /api/public/catalog/bundles/:code": {
    url: (t, _x, b) => `/api/public/catalog/bundles/${t.bundleCode}?tenant=${b}`,
    status: 404,
  },
  "GET /api/public/work-orders/:number": {
    url: (_t, x, b) => `/api/public/work-orders/${x.ticketNumber}?phoneTail=1234&tenant=${b}`,
    status: 404,
  },
  "GET /api/public/ratings/disclosure": {
    url: (_t, _x, b) => `/api/public/ratings/disclosure?tenant=${b}`,
    status: 200,
  },
  "GET /open311/v2/services.:format": {
    url: (_t, _x, b) => `/open311/v2/services.json?jurisdiction_id=${b}`,
    status: 200,
  },
  "GET /open311/v2/services/:service_code.:format": {
    url: (t, _x, b) => `/open311/v2/services/${t.itemCodes[0]}.json?jurisdiction_id=${b}`,
    status: 404,
  },
  "GET /open311/v2/requests.:format": {
    url: (_t, _x, b) => `/open311/v2/requests.json?jurisdiction_id=${b}`,
    status: 200,
  },
  "GET /open311/v2/requests/:service_request_id.:format": {
    url: (_t, x, b) => `/open311/v2/requests/${x.ticketNumber}.json?jurisdiction_id=${b}`,
    status: 404,
  },
};

/** Routes with no tenant data to leak, or reached only by a secret that names one record. */
const NO_TENANT_DATA: Record<string, string> = {
  "POST /api/auth/login": "signs in by user name (unique across tenants); the session is the user's own tenant",
  "GET /open311/discovery.json": "static description of the endpoints",
  "GET /api/public/halls/:id": "a hall's public page, by its id: public by design, whichever tenant",
  "GET /api/public/halls/:id/slots": "the same hall's free slots, public by design",
  "GET /api/public/halls/:id/board": "the same hall's waiting board, public by design (numbers only)",
  "GET /api/public/halls/:id/board/events": "the board's live stream, public by design",
  "POST /api/public/bookings": "creates a booking in the hall's own tenant",
  "POST /api/public/bookings/:code/lookup": "a booking code plus the ID number or phone: one record, by its secrets",
  "POST /api/public/bookings/:code/cancel": "as lookup",
  "POST /api/public/bookings/:code/reschedule": "as lookup",
  "POST /api/public/bookings/:code/ics": "as lookup",
  "POST /api/public/ratings": "a rating code names one service; it writes into that service's tenant",
  "GET /healthz": "no data",
  "GET /api/docs": "API reference",
  "GET /api/docs/json": "API reference",
  "GET /api/docs/yaml": "API reference",
  "GET /api/docs/static/index.html": "API reference",
  "GET /api/docs/static/swagger-initializer.js": "API reference",
  "GET /api/docs/static/*": "API reference",
};

const isStatic = (r: RegisteredRoute) =>
  !r.url.startsWith("/api") && r.url !== "/healthz" && !r.url.startsWith("/open311");

let database: Database;
let a: TestTenant;
/** A real district made as `zhengwu tenant create` makes it (its root is the strongest grant). */
let b: { id: string; code: string; rootId: string };
let built: Awaited<ReturnType<typeof buildTestApp>>;
let tA: Targets;
let extra: Extra;
let markers: string[];

beforeAll(async () => {
  database = await openTestDatabase();
  a = await buildTenant(database.db);
  b = await district("440111");
  built = await buildTestApp(database, systemClock, { ZHENGWU_SOFFICE: "/nonexistent/soffice" });
  tA = await routeTargets(database, a)(a.units.a1);
  extra = await extraOfA();
  markers = [
    a.id,
    a.code,
    ...Object.values(a.units).map((u) => u.id),
    ...Object.values(tA)
      .flat()
      .filter((v): v is string => typeof v === "string" && v !== ""),
    extra.exportTaskId,
    extra.slaPolicyId,
    extra.creditFlagId,
  ];
}, 120_000);
afterAll(async () => {
  await built.app.close();
  await database.close();
});

async function district(code: string) {
  // On a shared PostgreSQL another test file may have made it already, or be making it now.
  const tenant =
    (await findTenantByCode(database.db, code)) ??
    (await createTenantFromCode(database.db, code, systemClock).then(
      (made) => made.tenant,
      async () => findTenantByCode(database.db, code),
    ));
  if (!tenant) {
    throw new Error(`no tenant ${code}`);
  }
  const actor: SystemActor = { kind: "system", tenantId: tenant.id, name: "t" };
  const units = await findOrgTree({ db: database.db, actor, clock: systemClock, log: silentLogger, requestId: "t" });
  const root = units.find((u) => u.kind === "district");
  if (!root) {
    throw new Error("no district unit");
  }
  return { id: tenant.id, code, rootId: root.id };
}

async function extraOfA(): Promise<Extra> {
  const rootAdmin = await buildUser(database.db, a.id, a.units.root.id, [...ROLES]);
  const headers = authHeaders(rootAdmin);
  const task = await built.app.inject({
    method: "POST",
    url: "/api/export-tasks",
    headers,
    payload: { kind: "work_orders", filter: {} },
  });
  const policies = await built.app.inject({ url: "/api/work-orders/sla-policies?year=2022", headers });
  const flag = await built.app.inject({
    method: "POST",
    url: "/api/credit-flags",
    headers,
    payload: {
      idNumber: "440114199001011235",
      personName: "测试",
      reason: "失信被执行人",
      source: "信用中国",
      listedOn: "2022-01-01",
    },
  });
  const ticket = await built.app.inject({ url: `/api/work-orders/${tA.workOrderId}`, headers });
  const exportTaskId: string = task.json().id;
  const slaPolicyId: string = policies.json().items?.[0]?.id ?? policies.json()[0]?.id;
  const creditFlagId: string = flag.json().id;
  const ticketNumber: string = ticket.json().number;
  for (const [what, v] of Object.entries({ exportTaskId, slaPolicyId, creditFlagId, ticketNumber })) {
    expect(
      v,
      `${what}: ${task.body.slice(0, 200)} ${policies.body.slice(0, 200)} ${flag.body.slice(0, 200)}`,
    ).toBeTruthy();
  }
  return { exportTaskId, slaPolicyId, creditFlagId, ticketNumber };
}

/** The markers of tenant A found in a response body, but for those the request itself named (an echo). */
function leaked(body: string, request = ""): string[] {
  return markers.filter((m) => body.includes(m) && !request.includes(m));
}

describe("a second tenant on every route", () => {
  it("every registered route is probed or listed with its reason", () => {
    const api = built.routes.filter((r) => !isStatic(r) && r.method !== "HEAD").map((r) => `${r.method} ${r.url}`);
    const uncovered = api.filter((key) => {
      const spec = SPEC[key];
      if (!spec) {
        return true;
      }
      if (spec.roles === "public") {
        return !(key in PUBLIC_PROBES) && !(key in NO_TENANT_DATA);
      }
      return false;
    });
    expect(uncovered).toEqual([]);
  });

  for (const [key, spec] of Object.entries(SPEC)) {
    const [rawMethod = "GET", path = ""] = key.split(" ");
    const method = httpMethod(rawMethod);
    if (spec.roles === "public") {
      const probe = PUBLIC_PROBES[key];
      if (probe) {
        it(`${key} in B's name shows none of A's records`, async () => {
          const url = probe.url(tA, extra, b.code);
          const res = await built.app.inject({ method, url });
          expect(res.statusCode, res.body.slice(0, 300)).toBe(probe.status);
          expect(leaked(res.body, url), res.body.slice(0, 300)).toEqual([]);
        });
      }
      continue;
    }
    it(`${key}: tenant B's strongest actor gets none of A's records`, async () => {
      let headers: Record<string, string>;
      if (spec.roles === "api_key") {
        const key = await issueApiKey(
          { db: database.db, tenantId: b.id, orgUnitId: b.rootId, createdBy: "test" },
          { name: "B", scopes: [...API_KEY_SCOPES] },
        );
        headers = { "x-api-key": key.secret };
      } else {
        const actor: TestUser = await buildUser(database.db, b.id, b.rootId, [...ROLES]);
        headers = authHeaders(actor);
      }
      const aUrl = A_URLS[key];
      const url = aUrl ? aUrl(tA, extra) : spec.url ? spec.url(tA) : path;
      const payload = spec.body?.(tA) as object | undefined;
      const res = await built.app.inject({ method, url, headers, payload });
      expect(
        leaked(res.body, url + JSON.stringify(payload ?? {})),
        `${res.statusCode} ${res.body.slice(0, 300)}`,
      ).toEqual([]);
      if (spec.scoped || A_NOT_FOUND.has(key)) {
        expect(res.statusCode, res.body.slice(0, 300)).toBe(404);
      }
    });
  }
});
