import { beforeAll, describe, expect, it } from "vitest";
import { buildHall, movableClock } from "../../../test/factories/hall.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";
import { type SystemActor, silentLogger } from "../../platform/actor.ts";
import { systemClock } from "../../platform/clock.ts";
import { findOrgTree } from "../org/org.service.ts";
import { findTenantByCode } from "./tenants.repo.ts";
import { createTenantFromCode } from "./tenants.service.ts";

const clock = movableClock("2026-03-02T09:00:00+08:00");
const h = setUpHarness({ clock });
const districts: Record<string, { tenantId: string; rootId: string; hallId: string }> = {};
let finance: TestUser;

async function district(code: string) {
  // On a shared PostgreSQL the district may exist already.
  const tenant =
    (await findTenantByCode(h.database.db, code)) ??
    (await createTenantFromCode(h.database.db, code, systemClock)).tenant;
  const actor: SystemActor = { kind: "system", tenantId: tenant.id, name: "t" };
  const units = await findOrgTree({ db: h.database.db, actor, clock: systemClock, log: silentLogger, requestId: "t" });
  const root = units.find((u) => u.kind === "district");
  if (!root) {
    throw new Error("no district unit");
  }
  const hall = await buildHall(h.database.db, tenant.id, root.id, clock, { workdays: 1 });
  districts[code] = { tenantId: tenant.id, rootId: root.id, hallId: hall.id };
}

beforeAll(async () => {
  await district("440114");
  await district("440115");
  const d = districts["440115"];
  finance = await buildUser(h.database.db, d?.tenantId ?? "", d?.rootId ?? "", ["finance_officer"]);
});

describe("a new district (440115) works from the UI", () => {
  it("the public booking API serves the district named by ?tenant, not another's halls", async () => {
    const ids = async (code: string) =>
      ((await h.built.app.inject({ url: `/api/public/halls?tenant=${code}` })).json().items as { id: string }[]).map(
        (x) => x.id,
      );
    const nansha = await ids("440115");
    const huadu = await ids("440114");
    expect(nansha).toContain(districts["440115"]?.hallId);
    expect(nansha).not.toContain(districts["440114"]?.hallId);
    expect(huadu).toContain(districts["440114"]?.hallId);
    expect(huadu).not.toContain(districts["440115"]?.hallId);
    expect((await h.built.app.inject({ url: "/api/public/halls?tenant=999999" })).statusCode).toBe(404);
    expect((await h.built.app.inject({ url: "/api/public/halls?tenant=abc" })).statusCode).toBe(400);
  });

  it("the public progress page answers only for the named district", async () => {
    const res = await h.built.app.inject({ url: "/api/public/work-orders/GZ1?phoneTail=1234&tenant=999999" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toContain("不存在");
  });

  it("finance starts a budget year with empty figures, then the year's self-evaluation", async () => {
    const put = await h.built.app.inject({
      method: "PUT",
      url: "/api/budget/years/2026",
      headers: authHeaders(finance),
      payload: {
        orgUnitId: districts["440115"]?.rootId,
        revenues: [],
        basicBudgetFen: 0,
        basicExecutedFen: 0,
        publicFundsBudgetFen: 0,
        publicFundsActualFen: 0,
        threePublicBudgetFen: 0,
        threePublicActualFen: 0,
        procurementPlanFen: 0,
        procurementActualFen: 0,
        fixedAssetsTotalFen: 0,
        fixedAssetsInUseFen: 0,
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const years = await h.built.app.inject({ url: "/api/budget/years", headers: authHeaders(finance) });
    expect(years.json().map((y: { year: number }) => y.year)).toContain(2026);
    const ev = await h.built.app.inject({
      method: "POST",
      url: "/api/evaluations",
      headers: authHeaders(finance),
      payload: { year: 2026 },
    });
    expect(ev.statusCode, ev.body).toBe(201);
  });
});
