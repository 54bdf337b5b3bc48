import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildIdNumber, movableClock } from "../../../test/factories/hall.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { issueApiKey } from "../api-keys/api-keys.service.ts";
import { applyDefaultRatings } from "../evaluations/evaluations.service.ts";

const clock = movableClock("2025-03-03T09:00:00+08:00");
const h = setUpHarness({ clock });
let portalKey: string;
let unitBKey: string;
let supervisor: TestUser;
let handlerA1: TestUser;
let handlerB1: TestUser;

const caseBody = (over: Record<string, unknown> = {}) => ({
  caseNo: "WB202503030001",
  itemCode: "11440114MB2C93217X4442111015000",
  itemName: "食品经营许可（新办）",
  departmentName: h.tenant.units.a1.name,
  handlerName: "黄经办",
  applicantName: "广州市花都区某某餐饮店",
  idNumber: buildIdNumber(),
  phone: "13612345678",
  submittedAt: "2025-02-27T10:00:00+08:00",
  finishedAt: "2025-03-03T08:30:00+08:00",
  result: "approved",
  ...over,
});
const push = (body: object, key = portalKey) =>
  h.built.app.inject({ method: "POST", url: "/api/intake/online-cases", headers: { "x-api-key": key }, payload: body });
let onlineRatingCode = "";
const rate = (payload: object) => h.built.app.inject({ method: "POST", url: "/api/public/ratings", payload });

beforeAll(async () => {
  const writer = { db: h.database.db, tenantId: h.tenant.id, createdBy: "test" };
  portalKey = (
    await issueApiKey(
      { ...writer, orgUnitId: h.tenant.units.root.id },
      { name: "广东政务服务网", scopes: ["cases:write"] },
    )
  ).secret;
  unitBKey = (await issueApiKey({ ...writer, orgUnitId: h.tenant.units.b.id }, { name: "B", scopes: ["cases:write"] }))
    .secret;
  supervisor = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["supervisor"]);
  handlerA1 = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a1.id, ["handler"]);
  handlerB1 = await buildUser(h.database.db, h.tenant.id, h.tenant.units.b1.id, ["handler"]);
});

describe("网上办件 intake", () => {
  it("stores a pushed case once: a retry answers with it, other content under the number is a conflict", async () => {
    const body = caseBody();
    const first = await push(body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ caseNo: "WB202503030001", created: true });
    // The portal tells the applicant the case's rating code; a retry gives the same one.
    expect(first.json().ratingCode).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    onlineRatingCode = first.json().ratingCode;
    const again = await push(body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ ...first.json(), created: false });
    const changed = await push({ ...body, result: "rejected" });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error.details.code).toBe("intake_conflict");
    const rows = await queryRows<{ n: number }>(
      h.database.db,
      sql`select count(*)::int as n from online_cases where case_no = 'WB202503030001'`,
    );
    expect(rows[0]?.n).toBe(1);
    const audit = await queryRows<{ action: string; actor_name: string }>(
      h.database.db,
      sql`select action, actor_name from audit_log where entity_id = ${first.json().id}`,
    );
    expect(audit).toEqual([{ action: "online_case.receive", actor_name: "广东政务服务网" }]);
  });

  it("refuses bad input field by field and writes nothing", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ caseNo: "x" }, "caseNo"],
      [{ idNumber: "440114199001011234" }, "idNumber"],
      [{ phone: "12345" }, "phone"],
      [{ finishedAt: "2025-02-26T10:00:00+08:00" }, "finishedAt"],
      [{ finishedAt: "2025-03-04T10:00:00+08:00" }, "finishedAt"],
      [{ result: "done" }, "result"],
      [{ departmentName: "不存在的局" }, "departmentName"],
    ];
    for (const [over, path] of cases) {
      const res = await push(caseBody({ caseNo: "WB-BAD-0001", ...over }));
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    // A key issued to unit B may not push cases of unit A1.
    const outside = await push(caseBody({ caseNo: "WB-BAD-0002" }), unitBKey);
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0].path).toBe("departmentName");
    expect((await push(caseBody({ caseNo: "WB-BAD-0003" }), "zw_not_a_key")).statusCode).toBe(401);
    const rows = await queryRows<{ n: number }>(
      h.database.db,
      sql`select count(*)::int as n from online_cases where case_no like 'WB-BAD-%'`,
    );
    expect(rows[0]?.n).toBe(0);
  });

  it("shows the unit its cases with personal data masked; another unit gets a 404", async () => {
    const list = await h.built.app.inject({
      url: "/api/online-cases?from=2025-03-03&to=2025-03-03",
      headers: authHeaders(handlerA1),
    });
    expect(list.statusCode, list.body).toBe(200);
    const item = list.json().items.find((c: { caseNo: string }) => c.caseNo === "WB202503030001");
    expect(item).toMatchObject({ unitId: h.tenant.units.a1.id, phone: "136****5678", result: "approved" });
    expect(item.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(list.body).not.toContain("13612345678");
    const before = await h.built.app.inject({
      url: "/api/online-cases?to=2025-03-02",
      headers: authHeaders(handlerA1),
    });
    expect(before.json().total).toBe(0);
    const other = await h.built.app.inject({ url: "/api/online-cases", headers: authHeaders(handlerB1) });
    expect(other.json().total).toBe(0);
    const hidden = await h.built.app.inject({ url: `/api/online-cases/${item.id}`, headers: authHeaders(handlerB1) });
    expect(hidden.statusCode).toBe(404);
  });
});

describe("rating an online case", () => {
  it("rates it by the portal's case number and phone; a bad rating goes to the department for rectification", async () => {
    const wrongTail = await rate({
      subjectKind: "service_case",
      number: "WB202503030001",
      phoneTail: "0000",
      ratingCode: onlineRatingCode,
      level: 1,
      reasons: ["服务态度差"],
    });
    expect(wrongTail.statusCode, wrongTail.body).toBe(404);
    const res = await rate({
      subjectKind: "service_case",
      number: "WB202503030001",
      phoneTail: "5678",
      ratingCode: onlineRatingCode,
      level: 1,
      reasons: ["多次跑动"],
      comment: "网上申请后仍被要求到现场提交原件。",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().rectification).toBe(true);
    const twice = await rate({
      subjectKind: "service_case",
      number: "WB202503030001",
      phoneTail: "5678",
      ratingCode: onlineRatingCode,
      level: 5,
    });
    expect(twice.statusCode).toBe(409);
    const list = (
      await h.built.app.inject({ url: "/api/ratings?subjectKind=service_case", headers: authHeaders(supervisor) })
    ).json();
    const rating = list.items.find((r: { subjectLabel: string }) => r.subjectLabel.includes("WB202503030001"));
    expect(rating).toMatchObject({ unitId: h.tenant.units.a1.id, level: 1 });
    const [row] = await queryRows<Record<string, unknown>>(
      h.database.db,
      sql`select window_name, staff_name, item_code from ratings where id = ${rating.id}`,
    );
    expect(row).toEqual({ window_name: null, staff_name: "黄经办", item_code: caseBody().itemCode });
    expect(rating.subjectLabel).toBe("食品经营许可（新办）（网上办理 WB202503030001）");
    const detail = (
      await h.built.app.inject({ url: `/api/ratings/${rating.id}`, headers: authHeaders(supervisor) })
    ).json();
    const ticket = await h.built.app.inject({
      url: `/api/work-orders/${detail.rectificationWorkOrderId}`,
      headers: authHeaders(handlerA1),
    });
    expect(ticket.statusCode, ticket.body).toBe(200);
    expect(ticket.json().title).toContain("差评整改");
  });

  it("records 基本满意 for an online case left unrated for 7 days, once", async () => {
    const pushed = await push(caseBody({ caseNo: "WB202503030002", phone: "13600000002" }));
    expect(pushed.statusCode).toBe(201);
    clock.set("2025-03-11T09:00:00+08:00");
    expect(await applyDefaultRatings(h.database.db, clock)).toBeGreaterThanOrEqual(1);
    // A second sweep adds nothing for this case (other test files share the server, so its total is not ours).
    await applyDefaultRatings(h.database.db, clock);
    const rows = await queryRows<{ level: number; is_default: boolean }>(
      h.database.db,
      sql`select level, is_default from ratings where subject_id = ${pushed.json().id}`,
    );
    expect(rows).toEqual([{ level: 3, is_default: true }]);
  });

  it("gives the rates by staff member and item, each count opening the same ratings; ratings without a window are in no window group", async () => {
    const get = (url: string) => h.built.app.inject({ url, headers: authHeaders(supervisor) });
    const byStaff = await get("/api/ratings/rates?groupBy=staff");
    expect(byStaff.statusCode, byStaff.body).toBe(200);
    const staff = byStaff.json().groups.find((g: { key: string }) => g.key === "黄经办");
    expect(staff.counts).toMatchObject({ ratings: 2, bad: 1, defaulted: 1 });
    expect(staff.unratedRate).toBe(0.5);
    const badOfStaff = await get(`/api/ratings?staffName=${encodeURIComponent("黄经办")}&metric=bad`);
    expect(badOfStaff.json().total).toBe(staff.counts.bad);
    const byItem = (await get("/api/ratings/rates?groupBy=item")).json();
    const item = byItem.groups.find((g: { key: string }) => g.key === caseBody().itemCode);
    expect(item.counts.ratings).toBe(2);
    const ofItem = await get(`/api/ratings?itemCode=${caseBody().itemCode}`);
    expect(ofItem.json().total).toBe(item.counts.ratings);
    const byWindow = (await get("/api/ratings/rates?groupBy=window")).json();
    expect(byWindow.groups).toEqual([]);
    expect(byWindow.total.counts.ratings).toBeGreaterThanOrEqual(2);
    expect((await get("/api/ratings/rates?groupBy=weekday")).statusCode).toBe(400);
  });
});
