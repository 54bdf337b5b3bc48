import { describe, expect, it } from "vitest";
import type { MenuKey } from "../../../../../packages/contracts/src/auth.ts";
import { ROLES } from "../../../../../packages/contracts/src/common.ts";
import { buildUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";

const h = setUpHarness();

/** The list each menu page opens with: a menu entry must lead to something its role may read. */
const PROBES: Record<MenuKey, string> = {
  workOrders: "/api/work-orders",
  workOrderMetrics: "/api/work-orders/metrics",
  ratings: "/api/ratings",
  onlineCases: "/api/online-cases",
  budget: "/api/budget/years",
  evaluations: "/api/budget/years",
  reports: "/api/budget/years",
  hallWindow: "/api/halls",
  hallMetrics: "/api/appointments/metrics",
  deferrals: "/api/deferrals",
  creditFlags: "/api/credit-flags",
  hallSetup: "/api/appointments/settings",
  catalog: "/api/catalog/items",
  org: "/api/org/tree",
  users: "/api/users",
  apiKeys: "/api/api-keys",
  audit: "/api/audit",
  // 数据资源目录 opens on the resource list; 共享申请, 交换日志 and 信息系统台账 share the entry.
  dataResources: "/api/data/resources",
  jobRuns: "/api/jobs/runs",
  cockpit: "/api/dashboard/cockpit",
  appeals: "/api/dashboard/appeals/hot-topics?from=2022-03-14&to=2022-03-20",
  briefings: "/api/dashboard/briefings?from=2022-03-14&to=2022-03-20&format=json",
};

describe("every role's menu", () => {
  for (const role of ROLES) {
    it(`${role}: has work beyond the org tree, and every entry opens a page the server serves`, async () => {
      const user = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, [role]);
      const me = await h.built.app.inject({ url: "/api/auth/me", headers: authHeaders(user) });
      expect(me.statusCode).toBe(200);
      const menu: MenuKey[] = me.json().menu;
      expect(menu.filter((k) => k !== "org").length, `${role} sees only ${menu.join(",")}`).toBeGreaterThan(0);
      for (const key of menu) {
        const res = await h.built.app.inject({ url: PROBES[key], headers: authHeaders(user) });
        expect(res.statusCode, `${role} → ${key} (${PROBES[key]}): ${res.body.slice(0, 200)}`).toBe(200);
      }
    });
  }
});
