import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ItemInputSchema } from "../../../../../packages/contracts/src/catalog.ts";
import {
  buildHall,
  buildIdNumber,
  movableClock,
  seatClerk,
  type TestHall,
} from "../../../test/factories/hall.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";
import { silentLogger } from "../../platform/actor.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { createItem } from "../catalog/catalog.service.ts";
import { runDeferralJob } from "./deferrals.job.ts";

// Thursday before National Day 2022: the promised limit runs across the holiday.
const clock = movableClock("2022-09-29T10:00:00+08:00");
const h = setUpHarness({ clock });
let hall: TestHall;
let staff: TestUser;
let otherStaff: TestUser;
let supervisor: TestUser;

const material = (name: string, required: boolean, deferrable: boolean) => ({
  name,
  kind: "copy",
  copies: 1,
  source: "applicant",
  required,
  deferrable,
  trustLevel: "B",
});

async function catalogItem(code: string, name: string, deferrable: boolean): Promise<void> {
  const ctx = {
    db: h.database.db,
    actor: { kind: "system" as const, tenantId: h.tenant.id, name: "测试" },
    clock: movableClock("2022-01-04T09:00:00+08:00"),
    log: silentLogger,
    requestId: "t",
  };
  await createItem(
    ctx,
    ItemInputSchema.parse({
      code,
      name,
      level: "main",
      type: "confirmation",
      departmentId: h.tenant.units.a1.id,
      implementingBody: "测试局",
      legalBasis: "《不动产登记暂行条例》",
      exerciseLevel: "district",
      statutoryLimitDays: 30,
      promisedLimitDays: 5,
      visitsRequired: 1,
      onlineDepth: "online",
      onApplication: true,
      materialsReduced: false,
      bookableTown: false,
      bookableVillage: false,
      deferrable,
      policyBenefit: false,
      materials: [material("不动产权证书", true, false), material("户口簿复印件", false, deferrable)],
    }),
  );
}

const post = (who: TestUser, url: string, payload: object) =>
  h.built.app.inject({ method: "POST", url, headers: authHeaders(who), payload });

/** A walk-in with an ID number served at `group` and finished as accepted: a case to defer. */
async function acceptedCase(groupIndex: number, itemCode: string, idNumber: string): Promise<string> {
  const group = hall.groups[groupIndex];
  const windowId = group?.windows[0] ?? "";
  // The clerk moves to the group's window: a clerk works only the window assigned to them.
  await seatClerk(h.database.db, windowId, staff.id);
  const checkIn = await post(staff, `/api/halls/${hall.id}/check-ins`, {
    kind: "walk_in",
    groupId: group?.id,
    itemCode,
    personName: "黄申请",
    idNumber,
    phone: "13912340000",
  });
  expect(checkIn.statusCode, checkIn.body).toBe(201);
  for (const action of ["call_next", "start"]) {
    expect((await post(staff, `/api/hall-windows/${windowId}/actions`, { action })).statusCode).toBe(200);
  }
  const done = await post(staff, `/api/hall-windows/${windowId}/actions`, { action: "finish", result: "accepted" });
  expect(done.statusCode, done.body).toBe(200);
  return done.json().caseId;
}

const promise = "本人承诺在补正期限内补齐所缺材料，逾期未补齐同意终止办理。";
const defer = (caseId: string, extra: object = {}) =>
  post(staff, "/api/deferrals", {
    caseId,
    missingMaterials: ["户口簿复印件"],
    promiseText: promise,
    promiseSignedAt: "2022-09-29T10:05:00+08:00",
    ...extra,
  });

beforeAll(async () => {
  hall = await buildHall(h.database.db, h.tenant.id, h.tenant.units.a1.id, clock);
  staff = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a1.id, ["hall_staff"]);
  otherStaff = await buildUser(h.database.db, h.tenant.id, h.tenant.units.b1.id, ["hall_staff"]);
  supervisor = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["supervisor"]);
  await catalogItem("I-B1", "不动产转移登记", true);
  await catalogItem("I-A1", "居民身份证换领", false);
});

describe("容缺受理 of a service case", () => {
  it("refuses items off the list, required materials and a deadline past the promised limit", async () => {
    const offCase = await acceptedCase(0, "I-A1", buildIdNumber());
    const options = (id: string) =>
      h.built.app.inject({ url: `/api/deferrals/options/${id}`, headers: authHeaders(staff) }).then((r) => r.json());
    expect((await options(offCase)).refusal).toBe("事项“居民身份证换领”不在容缺受理清单内");
    const off = await defer(offCase);
    expect(off.statusCode).toBe(409);
    expect(off.json().error.message).toBe("事项“居民身份证换领”不在容缺受理清单内");

    const caseId = await acceptedCase(1, "I-B1", buildIdNumber());
    expect(await options(caseId)).toMatchObject({
      itemName: "不动产转移登记",
      onList: true,
      deferrableMaterials: ["户口簿复印件"],
      promisedLimitDays: 5,
      promisedDueAt: "2022-10-11T09:00:00.000Z",
      refusal: null,
    });
    const main = await defer(caseId, { missingMaterials: ["不动产权证书"] });
    expect(main.statusCode).toBe(400);
    expect(main.json().error.details).toEqual([
      { path: "missingMaterials.0", message: "“不动产权证书”不是该事项可容缺的次要材料，主要材料须齐全" },
    ]);
    // 5 working days from 09-29 across the holiday: 09-30, 10-08, 10-09, 10-10, 10-11.
    const late = await defer(caseId, { makeUpDueOn: "2022-10-12" });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.details[0]).toEqual({
      path: "makeUpDueOn",
      message: "补正期限不得晚于承诺办结时限（2022-10-11，5 个工作日）",
    });
    const noPromise = await defer(caseId, { promiseText: "同意" });
    expect(noPromise.statusCode).toBe(400);
  });

  it("refuses an applicant on the bad-credit list until they are taken off it", async () => {
    const idNumber = buildIdNumber();
    const flag = await post(supervisor, "/api/credit-flags", {
      idNumber,
      personName: "黄申请",
      reason: "失信被执行人",
      source: "信用中国（广东）",
      listedOn: "2022-06-01",
    });
    expect(flag.statusCode, flag.body).toBe(201);
    expect(flag.json().idNumber).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`);
    const caseId = await acceptedCase(1, "I-B1", idNumber);
    const refused = await defer(caseId);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.code).toBe("bad_credit");
    expect(
      (await post(supervisor, `/api/credit-flags/${flag.json().id}/lift`, { note: "已履行，信用修复" })).statusCode,
    ).toBe(200);
    const accepted = await defer(caseId);
    expect(accepted.statusCode).toBe(201);
    // Closed at once so the job's counts below are this file's next deferral's alone.
    await post(staff, `/api/deferrals/${accepted.json().id}/actions`, { action: "make_up", note: "当场补齐" });
  });

  it("records the promise, reminds before the deadline and terminates when it passes, once each", async () => {
    const caseId = await acceptedCase(1, "I-B1", buildIdNumber());
    const res = await defer(caseId, { makeUpDueOn: "2022-10-10" });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({
      status: "awaiting",
      promisedDueAt: "2022-10-11T09:00:00.000Z",
      makeUpDueAt: "2022-10-10T09:00:00.000Z",
      missingMaterials: ["户口簿复印件"],
    });
    expect(d.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect((await defer(caseId)).statusCode).toBe(409);
    expect(
      (await h.built.app.inject({ url: `/api/deferrals/${d.id}`, headers: authHeaders(otherStaff) })).statusCode,
    ).toBe(404);
    const cases = await h.built.app.inject({
      url: `/api/appointments/cases?hallId=${hall.id}`,
      headers: authHeaders(staff),
    });
    expect(cases.json().items.find((c: { id: string }) => c.id === caseId).result).toBe("deferred");

    const run = () => runDeferralJob(h.database.db, clock, h.tenant.id);
    clock.set("2022-10-08T10:00:00+08:00");
    expect(await run()).toEqual({ reminded: 0, terminated: 0 });
    clock.set("2022-10-09T09:30:00+08:00"); // the make-up Sunday: the working day before the deadline
    expect((await run()).reminded).toBe(1);
    expect((await run()).reminded).toBe(0);
    clock.set("2022-10-10T16:59:00+08:00");
    expect(await run()).toMatchObject({ reminded: 1, terminated: 0 });
    clock.set("2022-10-10T17:01:00+08:00");
    const [a, b] = await Promise.all([run(), run()]);
    expect((a?.terminated ?? 0) + (b?.terminated ?? 0)).toBe(1);
    const after = (await h.built.app.inject({ url: `/api/deferrals/${d.id}`, headers: authHeaders(staff) })).json();
    expect(after.status).toBe("terminated");
    expect(after.events.map((e: { action: string }) => e.action)).toEqual(["accept", "remind", "remind", "terminate"]);
    const again = await post(staff, `/api/deferrals/${d.id}/actions`, { action: "make_up", note: "材料已补" });
    expect(again.statusCode).toBe(409);
    clock.set("2022-09-29T10:00:00+08:00");
  });

  it("closes as made up when the materials come in, and lists by status within scope", async () => {
    const caseId = await acceptedCase(1, "I-B1", buildIdNumber());
    const d = (await defer(caseId)).json();
    const made = await post(staff, `/api/deferrals/${d.id}/actions`, { action: "make_up", note: "户口簿复印件已补交" });
    expect(made.statusCode, made.body).toBe(200);
    expect(made.json()).toMatchObject({ status: "made_up", closeNote: "户口簿复印件已补交" });
    const list = await h.built.app.inject({ url: "/api/deferrals?status=made_up", headers: authHeaders(staff) });
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(d.id);
    // The list and the detail say which case by its 办件编号 and where by the hall's name, not by ids.
    const [known] = await queryRows<{ case_no: string; hall: string }>(
      h.database.db,
      sql`select c.case_no, h.name as hall from service_cases c join halls h on h.id = c.hall_id where c.id = ${caseId}`,
    );
    expect(known?.case_no).toMatch(/^BJ\d{4}-\d{7}$/);
    const shown = { caseNo: known?.case_no, hallName: known?.hall };
    expect(list.json().items.find((x: { id: string }) => x.id === d.id)).toMatchObject(shown);
    expect(made.json()).toMatchObject(shown);
    const other = await h.built.app.inject({ url: "/api/deferrals", headers: authHeaders(otherStaff) });
    expect(other.json().total).toBe(0);
    const auditor = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["auditor"]);
    const audit = await h.built.app.inject({ url: "/api/audit?entityType=deferral", headers: authHeaders(auditor) });
    const actions = audit.json().items.filter((e: { entityId: string }) => e.entityId === d.id);
    expect(actions.map((e: { action: string }) => e.action).sort()).toEqual(["deferral.create", "deferral.make_up"]);
  });
});
