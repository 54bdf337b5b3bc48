import { sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildUser, type TestUser } from "../../test/factories/user.factory.ts";
import { httpMethod, setUpHarness } from "../../test/harness.ts";
import { queryRows } from "../platform/db/rows.ts";

const h = setUpHarness();

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
  fc.constantFrom("", "0", "-1", "null", "%00", "../../etc/passwd", "' or 1=1 --", "９９", "花都区", "a".repeat(300)),
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
    ),
    fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
    ),
  ),
);
const rawBody = fc.constantFrom('{"name":', "[1,2", "null", '"str"', "{}garbage", "\u0000", '{"a":1}'.repeat(2));
const queryLike = fc.dictionary(
  fc.constantFrom("q", "page", "pageSize", "from", "to", "action", "actor", "entityType", "api_key", "x"),
  fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom("-1", "0", "1e9", "NaN", "2022-13-45", "[]")),
);

describe("malformed input on every route", () => {
  // Every route × 25 inputs × the tenant's tables: minutes on a loaded 2-core machine.
  it("never answers 5xx, and a refused request writes nothing", { timeout: 600_000 }, async () => {
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
            method: httpMethod(route.method),
            url: qs ? `${url}?${qs}` : url,
            headers: { cookie: actor.cookie, "x-csrf-token": actor.csrf, "content-type": "application/json" },
            payload:
              route.method === "GET" ? undefined : typeof body === "string" ? body : JSON.stringify(body ?? null),
          });
          expect(res.statusCode, `${route.method} ${url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
          if (res.statusCode >= 400) {
            // Open311 answers in the GeoReport v2 error format, everything else (and the router,
            // before a route is chosen) in ours.
            const body = res.json();
            const code = route.url.startsWith("/open311") && Array.isArray(body) ? body[0]?.code : body.error?.code;
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
