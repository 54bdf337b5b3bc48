import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Workbench } from "../../../../../packages/contracts/src/workbench.ts";
import { routeTargets } from "../../../test/factories/route-targets.factory.ts";
import { buildTenant, type TestTenant } from "../../../test/factories/tenant.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { buildCityTicket } from "../../../test/factories/work-order.factory.ts";
import { authHeaders, buildTestApp } from "../../../test/test-app.ts";
import { openTestDatabase } from "../../../test/test-db.ts";
import type { Database } from "../../platform/db/client.ts";
import { issueApiKey } from "../api-keys/api-keys.service.ts";
import { insertRating } from "../evaluations/evaluations.repo.ts";

let database: Database;
let tenant: TestTenant;
let built: Awaited<ReturnType<typeof buildTestApp>>;
let key = "";
let dispatcher: TestUser;
let handlerA: TestUser;
let handlerB: TestUser;
let nobody: TestUser;
let now = new Date("2022-06-15T03:00:00Z");
const clock = { now: () => new Date(now) };

beforeAll(async () => {
  database = await openTestDatabase();
  tenant = await buildTenant(database.db);
  built = await buildTestApp(database, clock);
  key = (
    await issueApiKey(
      { db: database.db, tenantId: tenant.id, orgUnitId: tenant.units.root.id, createdBy: "t" },
      { name: "市平台", scopes: ["tickets:write"] },
    )
  ).secret;
  dispatcher = await buildUser(database.db, tenant.id, tenant.units.root.id, ["dispatcher"]);
  handlerA = await buildUser(database.db, tenant.id, tenant.units.a.id, ["handler"]);
  handlerB = await buildUser(database.db, tenant.id, tenant.units.b.id, ["handler"]);
  nobody = await buildUser(database.db, tenant.id, tenant.units.a1.id, []);
});
afterAll(async () => {
  await built.app.close();
  await database.close();
});

async function intake(): Promise<string> {
  const res = await built.app.inject({
    method: "POST",
    url: "/api/intake/city-tickets",
    headers: { "x-api-key": key },
    payload: buildCityTicket({ receivedAt: now.toISOString() }),
  });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}
async function dispatch(id: string, unitId: string) {
  const res = await built.app.inject({
    method: "POST",
    url: `/api/work-orders/${id}/transitions`,
    headers: authHeaders(dispatcher),
    payload: { attachments: [], action: "dispatch", unitId },
  });
  expect(res.statusCode, res.body).toBe(200);
}
async function workbench(user: TestUser): Promise<Workbench> {
  const res = await built.app.inject({ url: "/api/workbench", headers: authHeaders(user) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const count = (wb: Workbench, key: string) => wb.tasks.find((t) => t.key === key)?.count;
/** What the task's link lists, asked as the same user the way the page asks ("all" is the page's tab for no queue). */
async function listedBy(user: TestUser, href: string): Promise<number> {
  const params = new URLSearchParams(href.slice(href.indexOf("?") + 1));
  if (params.get("queue") === "all") {
    params.delete("queue");
  }
  const res = await built.app.inject({ url: `/api/work-orders?${params.toString()}`, headers: authHeaders(user) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().total;
}

describe("工作台", () => {
  it("counts each role's own queues, and each count is what its link lists for that person", async () => {
    const ids = [await intake(), await intake(), await intake(), await intake()];
    await dispatch(ids[0] as string, tenant.units.a1.id);
    await dispatch(ids[1] as string, tenant.units.a1.id);
    await dispatch(ids[2] as string, tenant.units.b1.id);

    const d = await workbench(dispatcher);
    expect(count(d, "wo.toDispatch")).toBe(1);
    expect(count(d, "wo.toAccept")).toBeUndefined();
    const a = await workbench(handlerA);
    expect(count(a, "wo.toAccept")).toBe(2);
    expect(count(a, "wo.toDispatch")).toBeUndefined();
    const b = await workbench(handlerB);
    expect(count(b, "wo.toAccept")).toBe(1);
    for (const [user, wb] of [
      [dispatcher, d],
      [handlerA, a],
      [handlerB, b],
    ] as const) {
      for (const t of wb.tasks.filter((x) => x.href.startsWith("/work-orders?"))) {
        expect(await listedBy(user, t.href), `${t.label} of ${user.username}`).toBe(t.count);
      }
    }
  });

  it("flags overdue tickets as danger once their deadline has passed", async () => {
    const before = count(await workbench(handlerA), "wo.overdue") ?? 0;
    now = new Date("2022-08-15T03:00:00Z");
    const a = await workbench(handlerA);
    const overdue = a.tasks.find((t) => t.key === "wo.overdue");
    expect(overdue?.count).toBeGreaterThan(before);
    expect(overdue?.tone).toBe("danger");
  });

  it("gives a person without roles an empty workbench, not an error", async () => {
    const wb = await workbench(nobody);
    expect(wb.tasks).toEqual([]);
  });

  it("shows finance where the year's self-evaluation stands, the leader what waits, window staff their hall, only in scope", async () => {
    const targets = await routeTargets(database, tenant)(tenant.units.a1);
    const finance = await buildUser(database.db, tenant.id, tenant.units.a1.id, ["finance_officer"]);
    const leader = await buildUser(database.db, tenant.id, tenant.units.root.id, ["leader"]);
    const outsider = await buildUser(database.db, tenant.id, tenant.units.b.id, ["finance_officer"]);
    const clerk = await buildUser(database.db, tenant.id, tenant.units.a1.id, ["hall_staff"]);

    const f = await workbench(finance);
    const evaluation = f.tasks.find((t) => t.key === "budget.evaluation");
    expect(evaluation).toMatchObject({ href: `/evaluations/${targets.evaluationId}`, tone: "warning" });
    expect(evaluation?.hint).toContain("草稿");
    expect(f.tasks.find((t) => t.key === "budget.redIndicators")?.href).toBe(`/budget/${targets.year}`);
    expect((await workbench(leader)).tasks.find((t) => t.key === "budget.toApprove")?.count).toBe(0);
    const o = await workbench(outsider);
    expect(JSON.stringify(o)).not.toContain(targets.evaluationId);
    const c = await workbench(clerk);
    const queue = c.tasks.find((t) => t.key === `hall.${targets.hallId}.waiting`);
    expect(queue).toMatchObject({ count: 0, href: "/hall/window" });
    expect(JSON.stringify(o)).not.toContain(targets.hallId);
  });

  it("shows a supervisor the appeals waiting for a decision in their subtree, as the ratings list counts them", async () => {
    const appealed = async (unit: { id: string; path: string }) =>
      insertRating(database.db, {
        id: randomUUID(),
        tenantId: tenant.id,
        subjectKind: "work_order",
        subjectId: randomUUID(),
        subjectLabel: "申诉中的差评",
        unitId: unit.id,
        scopePath: unit.path,
        windowName: null,
        staffName: null,
        itemCode: null,
        level: 1,
        reasons: [],
        comment: "",
        isDefault: false,
        raterName: null,
        raterPhone: null,
        status: "valid",
        appeal: "pending",
        appealReason: "来电人反映的问题不属于本单位职责",
        decisionReason: null,
        ratedAt: now,
        rectificationWorkOrderId: null,
      });
    await appealed(tenant.units.a1);
    await appealed(tenant.units.a1);
    await appealed(tenant.units.b1);
    const supervisor = await buildUser(database.db, tenant.id, tenant.units.a.id, ["supervisor"]);
    const task = (await workbench(supervisor)).tasks.find((t) => t.key === "ratings.appeals");
    expect(task).toMatchObject({ count: 2, href: "/ratings?appeal=pending", tone: "warning" });
    const listed = await built.app.inject({ url: "/api/ratings?appeal=pending", headers: authHeaders(supervisor) });
    expect(listed.json().total).toBe(2);
    const bad = await built.app.inject({ url: "/api/ratings?appeal=maybe", headers: authHeaders(supervisor) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("申诉状态");
  });
});
