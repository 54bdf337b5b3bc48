import { describe, expect, it } from "vitest";
import type { Role } from "../../../../packages/contracts/src/common.ts";
import { buildMixedUser, buildUser, type TestUser } from "../../test/factories/user.factory.ts";
import { buildCityTicket } from "../../test/factories/work-order.factory.ts";
import { setUpHarness } from "../../test/harness.ts";
import { yearBody } from "../../test/route-spec-types.ts";
import { authHeaders } from "../../test/test-app.ts";
import { issueApiKey } from "../modules/api-keys/api-keys.service.ts";
import { saveBudgetYear } from "../modules/budget/budget.service.ts";
import { updateEvaluation } from "../modules/self-evaluation/self-evaluation.repo.ts";
import { createEvaluation } from "../modules/self-evaluation/self-evaluation.service.ts";
import { silentLogger } from "../platform/actor.ts";
import { systemClock } from "../platform/clock.ts";

const h = setUpHarness();
type UnitKey = "root" | "a" | "a1" | "b" | "b1";

/** A user holding each [role, unit] pair: a role here, another there. */
const mixed = (home: UnitKey, grants: [Role, UnitKey][]): Promise<TestUser> =>
  buildMixedUser(
    h.database.db,
    h.tenant.id,
    h.tenant.units[home].id,
    grants.map(([role, on]) => [role, h.tenant.units[on].id] as const),
  );

const sys = () => ({
  db: h.database.db,
  actor: { kind: "system" as const, tenantId: h.tenant.id, name: "测试" },
  clock: systemClock,
  log: silentLogger,
  requestId: "t",
});

/** A submitted self-evaluation of the district (root) for `year`. */
async function submittedDistrictEvaluation(year: number): Promise<string> {
  await saveBudgetYear(sys(), year, yearBody(h.tenant.units.root.id) as Parameters<typeof saveBudgetYear>[2]);
  const evaluation = await createEvaluation(sys(), year);
  await updateEvaluation(h.database.db, h.tenant.id, evaluation.id, { status: "submitted" });
  return evaluation.id;
}

describe("mixed grants: the role must be held where the resource is", () => {
  it("a leader of a unit who audits the district cannot approve or return the district's self-evaluation", async () => {
    const id = await submittedDistrictEvaluation(2031);
    const actor = await mixed("a1", [
      ["leader", "a1"],
      ["auditor", "root"],
    ]);
    const view = await h.built.app.inject({ url: `/api/evaluations/${id}`, headers: authHeaders(actor) });
    expect(view.statusCode).toBe(200);
    expect(view.json().can.approve).toBe(false);
    for (const verb of ["approve", "return"]) {
      const res = await h.built.app.inject({
        method: "POST",
        url: `/api/evaluations/${id}/${verb}`,
        headers: authHeaders(actor),
        payload: verb === "return" ? { reason: "退回重做" } : undefined,
      });
      expect(res.statusCode, `${verb}: ${res.body.slice(0, 200)}`).toBe(403);
    }
    const districtLeader = await mixed("a1", [["leader", "root"]]);
    const ok = await h.built.app.inject({
      method: "POST",
      url: `/api/evaluations/${id}/approve`,
      headers: authHeaders(districtLeader),
    });
    expect(ok.statusCode, ok.body.slice(0, 200)).toBe(200);
  });
});

describe("tickets created by a town's dispatcher or API key land inside the creator's scope", () => {
  it("the town dispatcher reads the ticket it created; another town does not see it", async () => {
    const town = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["dispatcher"]);
    const otherTown = await buildUser(h.database.db, h.tenant.id, h.tenant.units.b.id, ["dispatcher"]);
    const created = await h.built.app.inject({
      method: "POST",
      url: "/api/work-orders",
      headers: authHeaders(town),
      payload: {
        receivedAt: "2022-09-30T10:00:00+08:00",
        kind: "hotline",
        category: "complaint",
        urgency: "normal",
        channel: "phone",
        title: "镇级登记的工单",
        content: `内容${Math.random()}`,
        campaignTags: [],
      },
    });
    expect(created.statusCode, created.body.slice(0, 200)).toBe(201);
    const id = created.json().id;
    expect((await h.built.app.inject({ url: `/api/work-orders/${id}`, headers: authHeaders(town) })).statusCode).toBe(
      200,
    );
    expect(
      (await h.built.app.inject({ url: `/api/work-orders/${id}`, headers: authHeaders(otherTown) })).statusCode,
    ).toBe(404);
  });

  it("a town-scoped API key's ticket is readable by that town", async () => {
    const key = await issueApiKey(
      { db: h.database.db, tenantId: h.tenant.id, orgUnitId: h.tenant.units.a.id, createdBy: "t" },
      { name: "镇平台", scopes: ["tickets:write"] },
    );
    const res = await h.built.app.inject({
      method: "POST",
      url: "/api/intake/city-tickets",
      headers: { "x-api-key": key.secret },
      payload: buildCityTicket(),
    });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(201);
    const town = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["dispatcher"]);
    const read = await h.built.app.inject({ url: `/api/work-orders/${res.json().id}`, headers: authHeaders(town) });
    expect(read.statusCode).toBe(200);
  });
});
