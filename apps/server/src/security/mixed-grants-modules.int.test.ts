import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../../../packages/contracts/src/common.ts";
import { itemInput } from "../../test/factories/catalog-item.factory.ts";
import { routeTargets } from "../../test/factories/route-targets.factory.ts";
import { buildMixedUser, type TestUser } from "../../test/factories/user.factory.ts";
import { setUpHarness } from "../../test/harness.ts";
import { projectBody, type Targets } from "../../test/route-spec-types.ts";
import { authHeaders } from "../../test/test-app.ts";

// Each module with a role here and another there: the role that grants an action counts only where
// it is held. A1 is the village-like unit inside the actor's grant, B1 a unit only the district covers.
const h = setUpHarness();
type UnitKey = "root" | "a" | "a1" | "b" | "b1";

const mixed = (home: UnitKey, grants: [Role, UnitKey][]): Promise<TestUser> =>
  buildMixedUser(
    h.database.db,
    h.tenant.id,
    h.tenant.units[home].id,
    grants.map(([role, on]) => [role, h.tenant.units[on].id] as const),
  );

const get = (actor: TestUser, url: string) => h.built.app.inject({ url, headers: authHeaders(actor) });
const send = (actor: TestUser, method: "POST" | "PATCH" | "PUT", url: string, payload?: object) =>
  h.built.app.inject({ method, url, headers: authHeaders(actor), payload });

let inside: Targets;
let outside: Targets;
beforeAll(async () => {
  const targetsIn = routeTargets(h.database, h.tenant);
  inside = await targetsIn(h.tenant.units.a1);
  outside = await targetsIn(h.tenant.units.b1);
});

describe("work orders", () => {
  it("a supervisor of A1 who handles district tickets gets metrics of A1 only, not the district's", async () => {
    const actor = await mixed("a1", [
      ["supervisor", "a1"],
      ["handler", "root"],
    ]);
    const res = await get(actor, "/api/work-orders/metrics?groupBy=unit");
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const keys = (res.json().groups as { key: string | null }[]).map((g) => g.key);
    expect(keys).toContain(h.tenant.units.a1.id);
    expect(keys).not.toContain(h.tenant.units.b1.id);
  });

  it("a handler of A1 who audits the district reads B1's ticket but cannot act on it or call its caller", async () => {
    const actor = await mixed("a1", [
      ["handler", "a1"],
      ["auditor", "root"],
    ]);
    expect((await get(actor, `/api/work-orders/${outside.workOrderId}`)).statusCode).toBe(200);
    const accept = await send(actor, "POST", `/api/work-orders/${outside.workOrderId}/transitions`, {
      action: "accept",
    });
    expect(accept.statusCode, accept.body.slice(0, 200)).toBe(403);
    expect((await get(actor, `/api/work-orders/${outside.workOrderId}/contacts`)).statusCode).toBe(403);
    expect((await get(actor, `/api/work-orders/${inside.workOrderId}/contacts`)).statusCode).toBe(200);
  });
  it("a dispatcher of A1 who audits the district gets dispatch suggestions for A1's tickets only", async () => {
    const actor = await mixed("a1", [
      ["dispatcher", "a1"],
      ["auditor", "root"],
    ]);
    expect((await get(actor, `/api/work-orders/${inside.workOrderId}/suggestions`)).statusCode).toBe(200);
    expect((await get(actor, `/api/work-orders/${outside.workOrderId}/suggestions`)).statusCode).toBe(403);
  });
});

describe("users and API keys", () => {
  it("an admin of A1 who handles district tickets does not learn that B1's users exist", async () => {
    const actor = await mixed("a1", [
      ["admin", "a1"],
      ["handler", "root"],
    ]);
    expect((await get(actor, `/api/users/${inside.userId}`)).statusCode).toBe(200);
    expect((await get(actor, `/api/users/${outside.userId}`)).statusCode).toBe(404);
    const edit = await send(actor, "PATCH", `/api/users/${outside.userId}`, { displayName: "改名" });
    expect(edit.statusCode).toBe(404);
    const list = await get(actor, "/api/users?pageSize=200");
    expect(list.body).toContain(inside.userId);
    expect(list.body).not.toContain(outside.userId);
  });

  it("an admin of A1 who audits the district reads B1's users but cannot manage them", async () => {
    const actor = await mixed("a1", [
      ["admin", "a1"],
      ["auditor", "root"],
    ]);
    expect((await get(actor, `/api/users/${outside.userId}`)).statusCode).toBe(200);
    const edit = await send(actor, "PATCH", `/api/users/${outside.userId}`, { displayName: "改名" });
    expect(edit.statusCode).toBe(403);
  });

  it("an admin of A1 who handles district tickets does not learn that B1's API keys exist", async () => {
    const actor = await mixed("a1", [
      ["admin", "a1"],
      ["handler", "root"],
    ]);
    expect((await send(actor, "POST", `/api/api-keys/${outside.apiKeyId}/revoke`)).statusCode).toBe(404);
    const list = await get(actor, "/api/api-keys");
    expect(list.body).not.toContain(outside.apiKeyId);
  });
});

describe("org, halls, deferrals, ratings, catalog, budget", () => {
  it("an admin of A1 with another role on the district sees B1 in the tree but cannot rename it", async () => {
    const actor = await mixed("a1", [
      ["admin", "a1"],
      ["handler", "root"],
    ]);
    expect((await get(actor, `/api/org/units/${h.tenant.units.b1.id}`)).statusCode).toBe(200);
    const rename = await send(actor, "PATCH", `/api/org/units/${h.tenant.units.b1.id}`, { name: "改名" });
    expect(rename.statusCode).toBe(403);
  });

  it("window staff of A1 who audit the district read B1's hall and deferral but cannot work them", async () => {
    const actor = await mixed("a1", [
      ["hall_staff", "a1"],
      ["auditor", "root"],
    ]);
    expect((await get(actor, `/api/halls/${outside.hallId}`)).statusCode).toBe(200);
    const checkIn = await send(actor, "POST", `/api/halls/${outside.hallId}/check-ins`, {
      kind: "walk_in",
      groupId: outside.groupId,
      itemCode: "I-A1",
    });
    expect(checkIn.statusCode).toBe(403);
    expect((await get(actor, `/api/deferrals/${outside.deferralId}`)).statusCode).toBe(200);
    const makeUp = await send(actor, "POST", `/api/deferrals/${outside.deferralId}/actions`, {
      action: "make_up",
      note: "材料已补齐",
    });
    expect(makeUp.statusCode).toBe(403);
  });

  it("an admin of A1 who handles district tickets sees neither B1's hall nor its hall data", async () => {
    const actor = await mixed("a1", [
      ["admin", "a1"],
      ["handler", "root"],
    ]);
    expect((await get(actor, `/api/halls/${outside.hallId}`)).statusCode).toBe(404);
    expect((await get(actor, `/api/deferrals/${outside.deferralId}`)).statusCode).toBe(404);
    const halls = await get(actor, "/api/halls");
    expect(halls.body).toContain(inside.hallId);
    expect(halls.body).not.toContain(outside.hallId);
  });

  it("a supervisor of A1 who leads the district sees the rater of A1's rating only", async () => {
    const actor = await mixed("a1", [
      ["supervisor", "a1"],
      ["leader", "root"],
    ]);
    const own = await get(actor, `/api/ratings/${inside.ratingId}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().rater).not.toBeNull();
    const other = await get(actor, `/api/ratings/${outside.ratingId}`);
    expect(other.statusCode).toBe(200);
    expect(other.json().rater).toBeNull();
  });

  it("a handler of A1 with a non-rating role on the district sees neither B1's ratings nor its online cases", async () => {
    const actor = await mixed("a1", [
      ["handler", "a1"],
      ["admin", "root"],
    ]);
    expect((await get(actor, `/api/ratings/${outside.ratingId}`)).statusCode).toBe(404);
    expect((await get(actor, `/api/online-cases/${outside.onlineCaseId}`)).statusCode).toBe(404);
    const cases = await get(actor, "/api/online-cases?pageSize=200");
    expect(cases.body).toContain(inside.onlineCaseId);
    expect(cases.body).not.toContain(outside.onlineCaseId);
  });

  it("a catalog manager of A1 who works a window of B1 reads every item but edits A1's only", async () => {
    const actor = await mixed("a1", [
      ["catalog_manager", "a1"],
      ["hall_staff", "b1"],
    ]);
    expect((await get(actor, `/api/catalog/items/${outside.itemId}`)).statusCode).toBe(200);
    const rename = await send(
      actor,
      "PUT",
      `/api/catalog/items/${outside.itemId}`,
      itemInput(outside.unitId, { code: outside.itemCodes[0], name: "改名事项", policyBenefit: true }),
    );
    expect(rename.statusCode).toBe(403);
  });

  it("a finance officer of A1 who leads the district reads B1's budget but cannot edit it", async () => {
    const actor = await mixed("a1", [
      ["finance_officer", "a1"],
      ["leader", "root"],
    ]);
    expect((await get(actor, `/api/budget/years/${outside.year}`)).statusCode).toBe(200);
    const project = await send(actor, "POST", `/api/budget/years/${outside.year}/projects`, projectBody());
    expect(project.statusCode).toBe(403);
  });
});
