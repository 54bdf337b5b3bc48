import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildHall, buildIdNumber, movableClock } from "../../test/factories/hall.factory.ts";
import { buildUser, type TestUser } from "../../test/factories/user.factory.ts";
import { buildCityTicket } from "../../test/factories/work-order.factory.ts";
import { setUpHarness } from "../../test/harness.ts";
import { findSlots } from "../modules/appointments/halls.repo.ts";
import { queryRows } from "../platform/db/rows.ts";

// Monday 3 March 2025, before the hall opens: tomorrow's slots are bookable.
const clock = movableClock("2025-03-03T08:30:00+08:00");
const h = setUpHarness({ clock });

/**
 * Row counts of every tenant-keyed table for this test's tenant plus its audit chain position: any
 * write changes it. Scoped to the tenant because other test files share a PostgreSQL server.
 */
async function fingerprint(): Promise<string> {
  const tables = await queryRows<{ t: string }>(
    h.database.db,
    sql`select table_name as t from information_schema.columns
        where table_schema = 'public' and column_name = 'tenant_id' order by 1`,
  );
  expect(tables.length).toBeGreaterThanOrEqual(6);
  const parts: string[] = [];
  for (const { t } of tables) {
    const [row] = await queryRows<{ n: number }>(
      h.database.db,
      sql`select count(*)::int as n from ${sql.identifier(t)} where tenant_id = ${h.tenant.id}`,
    );
    parts.push(`${t}=${row?.n}`);
  }
  const [audit] = await queryRows<{ s: number }>(
    h.database.db,
    sql`select coalesce(sum(seq), 0)::int as s from audit_chains where tenant_id = ${h.tenant.id}`,
  );
  return `${parts.join(",")};audit=${audit?.s}`;
}

const idLike = fc.oneof(
  fc.uuid(),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    "",
    "0",
    "-1",
    "null",
    "%00",
    "\u0000",
    "a\u0000b",
    "../../etc/passwd",
    "' or 1=1 --",
    "９９",
    "花都区",
    "a".repeat(300),
  ),
);
const bodyLike = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.dictionary(
    fc.constantFrom(
      "name",
      "parentId",
      "kind",
      "code",
      "username",
      "password",
      "displayName",
      "phone",
      "orgUnitId",
      "roles",
      "role",
      "scopes",
      "newPassword",
      "currentPassword",
      "disabled",
      "year",
      "score",
      "justification",
      "text",
      "budgetFen",
      "revenues",
      "indicators",
      "title",
      "content",
      "personName",
      "day",
      "start_date",
      "end_date",
    ),
    fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.constantFrom("张\u0000三", "\uD800", "名\uDC00", "2026-02-30", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z"),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
    ),
  ),
);
const rawBody = fc.constantFrom('{"name":', "[1,2", "null", '"str"', "{}garbage", "\u0000", '{"a":1}'.repeat(2));
const queryLike = fc.dictionary(
  fc.constantFrom(
    "q",
    "page",
    "pageSize",
    "from",
    "to",
    "action",
    "actor",
    "entityType",
    "api_key",
    "x",
    "status",
    "unitId",
    "tenant",
    "start_date",
    "end_date",
    "day",
  ),
  fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.constantFrom(
      "-1",
      "0",
      "1e9",
      "NaN",
      "2022-13-45",
      "[]",
      "\u0000",
      "a\u0000",
      "2026-02-30",
      "9999-12-31T23:59:59Z",
      "0001-01-01T00:00:00Z",
    ),
  ),
);

describe("malformed input on every route", () => {
  // Every route × 25 inputs × the tenant's tables: minutes on a loaded 2-core machine.
  it("never answers 5xx, and a refused request writes nothing", { timeout: 1_500_000 }, async () => {
    const routes = h.built.routes.filter(
      (r) => (r.url.startsWith("/api") || r.url.startsWith("/open311")) && r.method !== "HEAD",
    );
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      let actor: TestUser = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, [
        "admin",
        "auditor",
        "finance_officer",
        "leader",
      ]);
      await fc.assert(
        fc.asyncProperty(idLike, idLike, fc.oneof(bodyLike, rawBody), queryLike, async (id, grantId, body, query) => {
          let n = 0;
          const url = route.url.replace(/:\w+/g, () => encodeURIComponent(n++ === 0 ? id : grantId));
          const qs = new URLSearchParams(query).toString();
          const before = await fingerprint();
          const res = await h.built.app.inject({
            method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]).parse(route.method),
            url: qs ? `${url}?${qs}` : url,
            headers: { cookie: actor.cookie, "x-csrf-token": actor.csrf, "content-type": "application/json" },
            payload:
              route.method === "GET" ? undefined : typeof body === "string" ? body : JSON.stringify(body ?? null),
          });
          expect(res.statusCode, `${route.method} ${url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
          if (res.statusCode >= 400) {
            // Open311 answers in the GeoReport v2 error format, CKAN's Action API in CKAN's
            // ({"success": false, "error": {"__type", …}}), everything else (and the router, before a
            // route is chosen) in ours.
            const body = res.json();
            const code =
              route.url.startsWith("/open311") && Array.isArray(body)
                ? body[0]?.code
                : route.url.startsWith("/api/3/action") && body.success === false
                  ? body.error?.__type
                  : body.error?.code;
            expect(code, res.body).toBeDefined();
            expect(await fingerprint(), `${route.method} ${url} wrote despite ${res.statusCode}`).toBe(before);
          } else if (route.url === "/api/auth/logout" || route.url === "/api/auth/password") {
            actor = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, [
              "admin",
              "auditor",
              "finance_officer",
              "leader",
            ]);
          }
        }),
        { numRuns: 25, seed: 20221231 },
      );
    }
  });
});

const ALL_ROLES = [
  "admin",
  "auditor",
  "finance_officer",
  "leader",
  "dispatcher",
  "supervisor",
  "hall_staff",
  "catalog_manager",
] as const;
// Every list and figure a filter narrows, and the names those filters go by.
const FILTERED_ROUTES = [
  "/api/work-orders",
  "/api/work-orders/metrics",
  "/api/audit",
  "/api/users",
  "/api/catalog/items",
  "/api/catalog/bundles",
  "/api/ratings",
  "/api/ratings/rates",
  "/api/appointments/bookings",
  "/api/appointments/cases",
  "/api/appointments/metrics",
  "/api/online-cases",
  "/api/deferrals",
];
const FILTER_NAMES = [
  "q",
  "status",
  "action",
  "actor",
  "entityType",
  "itemCode",
  "windowName",
  "staffName",
  "category",
  "campaignTag",
  "keyword",
  "level",
  "metric",
  "groupBy",
];

type Issue = { path: string; message: string };
function expectFieldError(res: { statusCode: number; body: string; json(): unknown }, path: string) {
  expect(res.statusCode, res.body).toBe(400);
  const body = res.json() as { error: { code: string; details: Issue[] } };
  expect(body.error.code).toBe("validation");
  expect(body.error.details.map((d) => d.path)).toContain(path);
}

describe("text no database column can hold, and dates no calendar has", () => {
  let actor: TestUser;
  let slotId = "";
  beforeAll(async () => {
    actor = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ALL_ROLES);
    const hall = await buildHall(h.database.db, h.tenant.id, h.tenant.units.a1.id, clock, { capacity: 10 });
    const slots = await findSlots(h.database.db, hall.id, {
      groupId: hall.groups[0]?.id,
      fromDay: "2025-03-04",
      toDay: "2025-03-04",
    });
    slotId = slots[0]?.id ?? "";
  });
  const headers = () => ({ cookie: actor.cookie, "x-csrf-token": actor.csrf });

  it("answers 400 naming the query parameter for a NUL in any filter", async () => {
    for (const url of FILTERED_ROUTES) {
      for (const name of FILTER_NAMES) {
        const res = await h.built.app.inject({ url: `${url}?${name}=a%00b`, headers: headers() });
        expect(res.statusCode, `${url}?${name}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        if (res.statusCode === 400) {
          expect((res.json() as { error: { details: Issue[] } }).error.details[0]?.path).toBe(`query.${name}`);
        }
      }
    }
    expectFieldError(await h.built.app.inject({ url: "/api/work-orders?q=%00", headers: headers() }), "query.q");
  });

  it("answers 400 for a NUL in the public catalog's search without sign-in", async () => {
    for (const url of ["/api/public/catalog/items", "/api/public/catalog/bundles"]) {
      const res = await h.built.app.inject({ url: `${url}?tenant=${h.tenant.code}&q=%E6%88%B7%00` });
      expectFieldError(res, "query.q");
    }
  });

  it("answers 400 naming the field for a NUL in a ticket, a display name and a booking name", async () => {
    const { cityTicketNo: _, ...ticket } = buildCityTicket();
    for (const field of ["title", "content"] as const) {
      const res = await h.built.app.inject({
        method: "POST",
        url: "/api/work-orders",
        headers: headers(),
        payload: { ...ticket, [field]: `${ticket[field]}\u0000` },
      });
      expectFieldError(res, field);
    }
    const patch = await h.built.app.inject({
      method: "PATCH",
      url: `/api/users/${actor.id}`,
      headers: headers(),
      payload: { displayName: "张\u0000三" },
    });
    expectFieldError(patch, "displayName");
    const booking = await h.built.app.inject({
      method: "POST",
      url: "/api/public/bookings",
      payload: { slotId, itemCode: "I-A1", personName: "张\u0000三", idNumber: buildIdNumber(), phone: "13800138000" },
    });
    expectFieldError(booking, "personName");
  });

  it("answers 400 for lone UTF-16 surrogates in names", async () => {
    for (const name of ["张\uD800", "\uDC00三"]) {
      const patch = await h.built.app.inject({
        method: "PATCH",
        url: `/api/users/${actor.id}`,
        headers: headers(),
        payload: { displayName: name },
      });
      expectFieldError(patch, "displayName");
      const booking = await h.built.app.inject({
        method: "POST",
        url: "/api/public/bookings",
        payload: { slotId, itemCode: "I-A1", personName: name, idNumber: buildIdNumber(), phone: "13800138000" },
      });
      expectFieldError(booking, "personName");
    }
  });

  it("answers 400 for a day no calendar has", async () => {
    const res = await h.built.app.inject({
      method: "POST",
      url: "/api/calendar",
      headers: headers(),
      payload: { days: [{ day: "2026-02-30", kind: "holiday", name: "不存在的一天" }] },
    });
    expectFieldError(res, "days.0.day");
  });

  it("answers 400 for filter dates beyond any service record", async () => {
    for (const url of [
      "/api/work-orders/metrics?to=0001-01-01T00:00:00Z",
      "/api/work-orders?from=9999-12-31T23:59:59Z",
      "/api/ratings/rates?from=0001-01-01T00:00:00Z",
      "/api/audit?to=0001-01-01T00:00:00Z",
      "/api/appointments/metrics?from=2026-02-30",
    ]) {
      const res = await h.built.app.inject({ url, headers: headers() });
      expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(400);
    }
  });

  it("answers an Open311 400 for start and end dates beyond any service record", async () => {
    for (const q of [
      "start_date=9999-12-31T23:59:59Z",
      "end_date=0001-01-01T00:00:00Z",
      "start_date=2026-02-30T00:00:00Z",
    ]) {
      const res = await h.built.app.inject({ url: `/open311/v2/requests.json?jurisdiction_id=${h.tenant.code}&${q}` });
      expect(res.statusCode, `${q}: ${res.body}`).toBe(400);
      expect(res.json()[0]?.code).toBe(400);
    }
  });
});
