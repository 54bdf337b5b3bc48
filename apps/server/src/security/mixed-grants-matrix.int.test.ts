import { beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "../../../../packages/contracts/src/common.ts";
import { routeTargets } from "../../test/factories/route-targets.factory.ts";
import { buildMixedUser } from "../../test/factories/user.factory.ts";
import { httpMethod, setUpHarness } from "../../test/harness.ts";
import { SPEC } from "../../test/route-spec.ts";
import type { Targets } from "../../test/route-spec-types.ts";
import { authHeaders } from "../../test/test-app.ts";

// The authorization matrix with mixed grants: every scoped route and list, asked by a user who holds an
// admitted role on department A and EVERY other role on the district root. The other roles open nothing
// of this route, so B1's records stay out of reach: never a success on them (404, or 403 where another
// role lets the actor see the record), never one of their ids in a list. The bug class this guards:
// a role held here plus any role there reaching there.
const h = setUpHarness({ env: { ZHENGWU_SOFFICE: "/nonexistent/soffice" } });

let outside: Targets;
beforeAll(async () => {
  outside = await routeTargets(h.database, h.tenant)(h.tenant.units.b1);
});

/** The ids of B1's records, none of which may appear in a list answered to the mixed user. */
const outsideIds = (t: Targets) => [
  t.unitId,
  t.userId,
  t.apiKeyId,
  t.dataKeyId,
  t.workOrderId,
  t.masterId,
  t.ratingId,
  t.hallId,
  t.deferralId,
  t.onlineCaseId,
  t.itemId,
  t.resourceCode,
  t.systemId,
  t.dataRequestId,
  t.dataGrantId,
  // Not the bundle: 一件事 bundles are published (the public catalog lists them), so every reader lists them.
];

describe("mixed grants on every scoped route: an admitted role on A and every other role on the district", () => {
  for (const [key, spec] of Object.entries(SPEC)) {
    const roles = spec.roles;
    if (roles === "any" || roles === "public" || roles === "api_key" || !(spec.scoped || spec.list)) {
      continue;
    }
    const [rawMethod = "GET", path = ""] = key.split(" ");
    const method = httpMethod(rawMethod);
    const others = ROLES.filter((r) => !roles.includes(r));
    for (const role of roles) {
      if (spec.tenantWideFor?.includes(role)) {
        continue;
      }
      it(`${key} as ${role} on A (+ ${others.length} other roles on the district): nothing of B1`, async () => {
        const actor = await buildMixedUser(h.database.db, h.tenant.id, h.tenant.units.a.id, [
          [role, h.tenant.units.a.id],
          ...others.map((r) => [r, h.tenant.units.root.id] as const),
        ]);
        const res = await h.built.app.inject({
          method,
          url: spec.url ? spec.url(outside) : path,
          headers: authHeaders(actor),
          payload: spec.body?.(outside) as object | undefined,
        });
        if (spec.scoped) {
          expect([403, 404], res.body.slice(0, 300)).toContain(res.statusCode);
        }
        if (spec.list) {
          expect(res.statusCode, res.body.slice(0, 300)).toBe(spec.okFor?.[role] ?? spec.ok);
          for (const id of outsideIds(outside)) {
            expect(res.body, `${id} leaked`).not.toContain(id);
          }
        }
      });
    }
  }
});
