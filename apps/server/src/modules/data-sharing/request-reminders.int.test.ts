import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Workbench } from "../../../../../packages/contracts/src/workbench.ts";
import { requestInput, resourceInput } from "../../../test/factories/data-resource.factory.ts";
import { movableClock } from "../../../test/factories/hall.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { runRequestReminders } from "./request-reminders.job.ts";

// National Day 2022: 10-01..10-07 off, Saturday 10-08 and Sunday 10-09 are working days.
const clock = movableClock("2022-09-26T10:00:00+08:00");
const h = setUpHarness({ clock });
let provider: TestUser;
let consumer: TestUser;
let code = "";

const call = (who: TestUser, method: "GET" | "POST", url: string, payload?: object) =>
  h.built.app.inject({ method, url, headers: authHeaders(who), ...(payload ? { payload } : {}) });
const run = async (at: string) => {
  clock.set(at);
  return runRequestReminders(h.database.db, clock, h.tenant.id);
};
async function ask(at: string): Promise<{ id: string; dueAt: string }> {
  clock.set(at);
  const res = await call(
    consumer,
    "POST",
    "/api/data/requests",
    requestInput(code, h.tenant.units.a1.id, {
      purpose: "核验申请人提交的企业信息",
      legalBasis: "《优化营商环境条例》第三十五条",
      periodTo: "2023-09-30",
    }),
  );
  expect(res.statusCode).toBe(201);
  return res.json();
}
const toApprove = async (query = "") =>
  (await call(provider, "GET", `/api/data/requests?box=to_approve&status=pending${query}`)).json().items as Array<{
    id: string;
    deadline: string | null;
  }>;
const stageOf = async (id: string) => (await toApprove()).find((r) => r.id === id)?.deadline;
const task = async (who: TestUser, key: string) =>
  ((await call(who, "GET", "/api/workbench")).json() as Workbench).tasks.find((t) => t.key === key)?.count;
const reminds = async (id: string) =>
  (
    await queryRows<{ n: number }>(
      h.database.db,
      sql`select count(*)::int as n from audit_log where entity_id = ${id} and action = 'data_request.remind'`,
    )
  )[0]?.n;

beforeAll(async () => {
  provider = await buildUser(h.database.db, h.tenant.id, h.tenant.units.b.id, ["data_officer"]);
  consumer = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["data_officer"]);
  const input = resourceInput(h.tenant.units.b1.id, { shareType: "conditional", shareCondition: "仅限执法使用" });
  expect((await call(provider, "POST", "/api/data/resources", input)).statusCode).toBe(201);
  code = input.code;
});

describe("共享申请审批期限提醒", () => {
  it("reminds the provider once per stage on the statutory calendar, across National Day", async () => {
    // Monday 09-26 + 5 working days = Saturday 10-08 (a make-up working day); Thursday 09-29 + 5 = Tuesday 10-11.
    const early = await ask("2022-09-26T10:00:00+08:00");
    const late = await ask("2022-09-29T10:00:00+08:00");
    expect(early.dueAt).toBe("2022-10-08T10:00:00.000Z");
    expect(late.dueAt).toBe("2022-10-11T10:00:00.000Z");

    // Thursday 09-29: the next working day is 09-30, before either deadline.
    expect((await run("2022-09-29T18:00:00+08:00")).reminded).toBe(0);
    expect(await stageOf(early.id)).toBeNull();

    // Friday 09-30: the next working day is 10-08 — eight calendar days ahead, but the early one is due then.
    expect((await run("2022-09-30T09:00:00+08:00")).reminded).toBe(1);
    expect((await run("2022-09-30T15:00:00+08:00")).reminded).toBe(0);
    expect((await run("2022-10-03T10:00:00+08:00")).reminded).toBe(0);
    expect(await stageOf(early.id)).toBe("due_soon");
    expect(await stageOf(late.id)).toBeNull();
    expect(await reminds(early.id)).toBe(1);
    expect(await task(provider, "data.requests.due_soon")).toBe(1);
    expect(await task(provider, "data.requests.overdue")).toBe(0);
    // The consumer's officers decide nothing here: their counts stay at zero.
    expect(await task(consumer, "data.requests.due_soon")).toBe(0);
    expect((await toApprove("&deadline=due_soon")).map((r) => r.id)).toEqual([early.id]);

    // Sunday 10-09 (a working day): the early one is past 10-08 18:00; the late one is due in two working days.
    expect((await run("2022-10-09T09:00:00+08:00")).reminded).toBe(1);
    expect(await stageOf(early.id)).toBe("overdue");
    expect(await stageOf(late.id)).toBeNull();
    expect(await task(provider, "data.requests.overdue")).toBe(1);
    expect(await task(provider, "data.requests.due_soon")).toBe(0);
    expect((await toApprove("&deadline=overdue")).map((r) => r.id)).toEqual([early.id]);

    // Monday 10-10: the late one is due tomorrow.
    expect((await run("2022-10-10T09:00:00+08:00")).reminded).toBe(1);
    expect(await stageOf(late.id)).toBe("due_soon");
    expect(await reminds(early.id)).toBe(2);

    // Decided, a request is no longer tagged nor reminded.
    const refused = await call(provider, "POST", `/api/data/requests/${late.id}/decision`, {
      decision: "refuse",
      reason: "申请用途与资源共享条件不符",
    });
    expect(refused.statusCode).toBe(200);
    expect(refused.json().deadline).toBeNull();
    expect((await run("2022-10-12T09:00:00+08:00")).reminded).toBe(0);
    expect(await reminds(late.id)).toBe(1);
    expect(await task(provider, "data.requests.due_soon")).toBe(0);
  });

  it("a deadline filter outside the two stages is a 400 in Chinese", async () => {
    const res = await call(provider, "GET", "/api/data/requests?box=to_approve&deadline=soon");
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("即将到期");
  });
});
