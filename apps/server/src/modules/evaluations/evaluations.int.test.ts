import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { buildCityTicket } from "../../../test/factories/work-order.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";
import type { Ctx } from "../../platform/actor.ts";
import { systemClock } from "../../platform/clock.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { createWorkOrder, toNewTicket } from "../work-orders/intake.service.ts";
import { transitionWorkOrder } from "../work-orders/transitions.service.ts";
import { applyDefaultRatings } from "./evaluations.service.ts";
import { publicDisclosure } from "./rates.service.ts";
import { ratingCodeFor } from "./rating-codes.service.ts";

const h = setUpHarness();
let supervisor: TestUser;
let unitHandler: TestUser;
let otherHandler: TestUser;
let dispatcher: TestUser;
const get = (u: TestUser, url: string) => h.built.app.inject({ url, headers: authHeaders(u) });
const post = (u: TestUser, url: string, payload?: object) =>
  h.built.app.inject({ method: "POST", url, headers: authHeaders(u), ...(payload ? { payload } : {}) });
const rate = (payload: object) => h.built.app.inject({ method: "POST", url: "/api/public/ratings", payload });

function sys(): Ctx {
  return {
    db: h.database.db,
    actor: { kind: "system", tenantId: h.tenant.id, name: "测试" },
    clock: systemClock,
    log: { info: () => {}, warn: () => {}, error: () => {} },
    requestId: randomUUID(),
  };
}

/** A hotline ticket handled by unit A1 up to `until` (closed by default), with a caller phone of its own. */
async function ticket(until: "closed" | "dispatched" = "closed") {
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  const input = buildCityTicket({ callerPhone: phone, receivedAt: new Date().toISOString() });
  const { workOrder } = await createWorkOrder(sys(), toNewTicket(input));
  await transitionWorkOrder(sys(), workOrder.id, { action: "dispatch", unitId: h.tenant.units.a1.id, attachments: [] });
  if (until === "closed") {
    for (const step of [
      { action: "accept" as const },
      { action: "reply" as const, reason: "已处理" },
      { action: "approve_reply" as const },
      { action: "follow_up" as const, satisfaction: 4 },
    ]) {
      await transitionWorkOrder(sys(), workOrder.id, { ...step, attachments: [] });
    }
  }
  const code = await ratingCodeFor(h.database.db, h.tenant.id, "work_order", workOrder.id, new Date());
  return { id: workOrder.id, number: input.cityTicketNo, tail: phone.slice(-4), phone, code };
}

beforeAll(async () => {
  supervisor = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["supervisor"]);
  unitHandler = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a1.id, ["handler"]);
  otherHandler = await buildUser(h.database.db, h.tenant.id, h.tenant.units.b1.id, ["handler"]);
  dispatcher = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["dispatcher"]);
});

describe("好差评", () => {
  let badId = "";
  let badPhone = "";
  let rectificationId = "";

  it("rates only a finished service, by its number and the phone on record, once, with a reason when bad", async () => {
    const open = await ticket("dispatched");
    expect(
      (
        await rate({
          subjectKind: "work_order",
          number: open.number,
          phoneTail: open.tail,
          ratingCode: open.code,
          level: 5,
        })
      ).statusCode,
    ).toBe(409);
    const t = await ticket();
    badPhone = t.phone;
    expect(
      (await rate({ subjectKind: "work_order", number: t.number, phoneTail: "0000", ratingCode: t.code, level: 5 }))
        .statusCode,
    ).toBe(404);
    const noReason = await rate({
      subjectKind: "work_order",
      number: t.number,
      phoneTail: t.tail,
      ratingCode: t.code,
      level: 1,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].message).toContain("差评须");
    const bad = await rate({
      subjectKind: "work_order",
      number: t.number,
      phoneTail: t.tail,
      ratingCode: t.code,
      level: 1,
      reasons: ["问题未解决"],
    });
    expect(bad.statusCode).toBe(201);
    expect(bad.json()).toMatchObject({ levelLabel: "非常不满意", rectification: true });
    badId = bad.json().id;
    const again = await rate({
      subjectKind: "work_order",
      number: t.number,
      phoneTail: t.tail,
      ratingCode: t.code,
      level: 5,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.code).toBe("already_rated");
  });

  it("opens a rectification ticket to the unit that served, with 1 and 15 working-day deadlines", async () => {
    const r = (await get(supervisor, `/api/ratings/${badId}`)).json();
    rectificationId = r.rectificationWorkOrderId;
    const wo = (await get(dispatcher, `/api/work-orders/${rectificationId}`)).json();
    expect(wo.workOrder ?? wo).toMatchObject({ kind: "bad_rating", status: "dispatched" });
    const w = wo.workOrder ?? wo;
    const wd = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
    expect(wd(w.receivedAt, w.acceptDueAt)).toBeLessThanOrEqual(4);
    expect(wd(w.receivedAt, w.closeDueAt)).toBeGreaterThanOrEqual(15);
  });

  it("hides the rater from the rated unit and shows a masked phone to the supervisor; out of scope is 404", async () => {
    expect((await get(unitHandler, `/api/ratings/${badId}`)).json().rater).toBeNull();
    expect((await get(supervisor, `/api/ratings/${badId}`)).json().rater.phone).toMatch(/^139\*{4}\d{4}$/);
    expect((await get(otherHandler, `/api/ratings/${badId}`)).statusCode).toBe(404);
    // The rater's number, whole or masked; not just "139", which a random id may contain.
    const list = await get(unitHandler, "/api/ratings");
    expect(list.json().items.every((r: { rater: unknown }) => r.rater === null)).toBe(true);
    expect(list.body).not.toContain(badPhone);
    expect(list.body).not.toContain(`139****${badPhone.slice(-4)}`);
  });

  it("never hands the rated unit the rater through the rectification ticket; the supervisor sees them", async () => {
    const reveal = await get(unitHandler, `/api/work-orders/${rectificationId}/contacts`);
    expect(reveal.statusCode, reveal.body).toBe(403);
    expect(reveal.body).not.toContain(badPhone);
    const detail = await get(unitHandler, `/api/work-orders/${rectificationId}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ callerName: null, callerPhone: null });
    const queue = await get(unitHandler, "/api/work-orders?kind=bad_rating");
    expect(queue.body).not.toContain(badPhone.slice(-4));
    // The supervisor sees who rated, on the rating and on the ticket; the centre, which follows the
    // rater up (回访), keeps the number.
    expect((await get(supervisor, `/api/ratings/${badId}`)).json().rater).toMatchObject({ name: "李四" });
    expect((await get(supervisor, `/api/work-orders/${rectificationId}`)).json().callerName).toBe("李*");
    const contacts = await get(dispatcher, `/api/work-orders/${rectificationId}/contacts`);
    expect(contacts.statusCode, contacts.body).toBe(200);
    expect(contacts.json().items[0]).toMatchObject({ name: "李四", phone: badPhone });
  });

  it("follows the rectification loop to its end and counts it in the rates, every count a drill-down", async () => {
    for (const [who, step] of [
      [unitHandler, { action: "accept" }],
      [unitHandler, { action: "reply", reason: "已致电评价人核实，整改窗口引导流程并回复" }],
      [dispatcher, { action: "approve_reply" }],
      [dispatcher, { action: "follow_up", satisfaction: 4, resolved: true }],
    ] as const) {
      const res = await post(who, `/api/work-orders/${rectificationId}/transitions`, step);
      expect(res.statusCode, res.body).toBe(200);
    }
    const good = await ticket();
    expect(
      (
        await rate({
          subjectKind: "work_order",
          number: good.number,
          phoneTail: good.tail,
          ratingCode: good.code,
          level: 5,
        })
      ).statusCode,
    ).toBe(201);
    const silent = await ticket();
    const later = { now: () => new Date(Date.now() + 8 * 86_400_000) };
    expect(await applyDefaultRatings(h.database.db, later)).toBeGreaterThanOrEqual(1);
    // Run again, nothing of this tenant is rated twice (other test files share a PostgreSQL server,
    // so the job's total may include their tickets).
    const defaults = async () =>
      (
        await queryRows<{ n: number }>(
          h.database.db,
          sql`select count(*)::int as n from ratings
        where tenant_id = ${h.tenant.id} and is_default`,
        )
      )[0]?.n;
    const before = await defaults();
    await applyDefaultRatings(h.database.db, later);
    expect(await defaults()).toBe(before);
    const late = await rate({
      subjectKind: "work_order",
      number: silent.number,
      phoneTail: silent.tail,
      ratingCode: silent.code,
      level: 5,
    });
    expect(late.statusCode).toBe(409);
    const unit = h.tenant.units.a1.id;
    const rates = (await get(supervisor, `/api/ratings/rates?unitId=${unit}`)).json();
    expect(rates.total.counts).toMatchObject({
      ratings: 3,
      good: 2,
      active: 2,
      activeGood: 1,
      defaulted: 1,
      bad: 1,
      badReplied: 1,
      rectified: 1,
      rectifiedOnTime: 1,
      rectificationFollowedUp: 1,
      rectificationSatisfied: 1,
    });
    expect(rates.total).toMatchObject({
      goodRate: 0.6667,
      activeGoodRate: 0.5,
      unratedRate: 0.3333,
      badReplyRate: 1,
      rectificationRate: 1,
      onTimeRectificationRate: 1,
      rectificationSatisfactionRate: 1,
    });
    for (const [metric, n] of Object.entries(rates.total.counts)) {
      const list = (await get(supervisor, `/api/ratings?unitId=${unit}&metric=${metric}`)).json();
      expect(list.total, metric).toBe(n);
    }
  });

  it("an upheld appeal keeps the rating but leaves it out of the rates; the disclosure shows no personal data", async () => {
    expect((await post(supervisor, `/api/ratings/${badId}/appeal`, { reason: "评价人误评" })).statusCode).toBe(403);
    expect(
      (await post(unitHandler, `/api/ratings/${badId}/appeal`, { reason: "评价人所述事项不属本窗口" })).statusCode,
    ).toBe(200);
    expect((await post(unitHandler, `/api/ratings/${badId}/appeal`, { reason: "再次申诉试试" })).statusCode).toBe(409);
    const decided = await post(supervisor, `/api/ratings/${badId}/decision`, {
      outcome: "invalid",
      reason: "经核查，事项不属该单位",
    });
    expect(decided.json()).toMatchObject({ status: "invalid", appeal: "upheld" });
    const rates = (await get(supervisor, `/api/ratings/rates?unitId=${h.tenant.units.a1.id}`)).json();
    expect(rates.total.counts).toMatchObject({ ratings: 2, bad: 0 });
    expect((await get(supervisor, `/api/ratings/${badId}`)).json().level).toBe(1);
    const pub = await publicDisclosure(h.database.db, h.tenant.id);
    expect(pub.units.find((u) => u.unitName === h.tenant.units.a1.name)).toMatchObject({
      ratings: 2,
      bad: 0,
      goodRate: 1,
    });
    expect(JSON.stringify(pub)).not.toMatch(/139\d{8}|139\*{4}|rater|phone/);
    const refused = await h.built.app.inject({ url: "/api/public/ratings/disclosure?tenant=abc" });
    expect(refused.statusCode).toBe(400);
  });
});
