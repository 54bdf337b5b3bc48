import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { ResourceInput } from "../../../../../packages/contracts/src/data-sharing.ts";
import { resourceInput } from "../../../test/factories/data-resource.factory.ts";
import { movableClock } from "../../../test/factories/hall.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";
import { queryRows } from "../../platform/db/rows.ts";

// Thursday before National Day 2022: the provider's 5 working days run across the holiday.
const clock = movableClock("2022-09-29T10:00:00+08:00");
const h = setUpHarness({ clock });
let provider: TestUser; // data officer of department B (provides)
let consumer: TestUser; // data officer of department A (requests)
let district: TestUser;

const call = (who: TestUser, method: "GET" | "POST", url: string, payload?: object) =>
  h.built.app.inject({ method, url, headers: authHeaders(who), ...(payload ? { payload } : {}) });

async function resourceOfB(overrides: Partial<ResourceInput>): Promise<string> {
  const input = resourceInput(h.tenant.units.b1.id, overrides);
  expect((await call(provider, "POST", "/api/data/resources", input)).statusCode).toBe(201);
  return input.code;
}

const ask = (code: string, fields = ["统一社会信用代码", "企业名称", "法定代表人"]) =>
  call(consumer, "POST", "/api/data/requests", {
    resourceCode: code,
    consumerUnitId: h.tenant.units.a1.id,
    purpose: "核验申请人提交的企业信息",
    legalBasis: "《优化营商环境条例》第三十五条",
    fields,
    periodFrom: "2022-10-01",
    periodTo: "2023-09-30",
  });

const auditOf = async (id: string) =>
  (
    await queryRows<{ action: string }>(
      h.database.db,
      sql`select action from audit_log where tenant_id = ${h.tenant.id} and entity_id = ${id} order by at, seq`,
    )
  ).map((r) => r.action);

beforeAll(async () => {
  provider = await buildUser(h.database.db, h.tenant.id, h.tenant.units.b.id, ["data_officer"]);
  consumer = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["data_officer"]);
  district = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["data_officer"]);
});

describe("共享申请", () => {
  it("无条件共享 is granted at once, and the resource is then visible to the consumer", async () => {
    const code = await resourceOfB({});
    expect((await call(consumer, "GET", `/api/data/resources/${code}`)).statusCode).toBe(404);
    const res = await ask(code);
    expect(res.statusCode).toBe(201);
    expect(res.json().status).toBe("granted");
    expect(res.json().dueAt).toBeNull();
    // Granted today for a period that begins on 10-01.
    expect(res.json().grant).toMatchObject({
      status: "not_started",
      fields: ["统一社会信用代码", "企业名称", "法定代表人"],
      personal: false,
      validFrom: "2022-10-01",
      validTo: "2023-09-30",
    });
    // Shared to A1, so A's officer now sees it in the catalog (not before).
    expect((await call(consumer, "GET", `/api/data/resources/${code}`)).statusCode).toBe(200);
    expect(await auditOf(res.json().id)).toEqual(["data_request.create"]);
    expect(await auditOf(res.json().grant.id)).toEqual(["data_grant.create"]);
  });

  it("resourceCode narrows the list to one resource's requests (its page's grants), with the total to match", async () => {
    const one = await resourceOfB({});
    const other = await resourceOfB({});
    expect((await ask(one)).statusCode).toBe(201);
    expect((await ask(other)).statusCode).toBe(201);
    const res = await call(provider, "GET", `/api/data/requests?box=to_approve&status=granted&resourceCode=${one}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(1);
    expect(res.json().items.map((r: { resourceCode: string }) => r.resourceCode)).toEqual([one]);
    const bad = await call(provider, "GET", "/api/data/requests?resourceCode=abc");
    expect(bad.statusCode).toBe(400);
  });

  it("不予共享 cannot be requested: 409 with the basis", async () => {
    const code = await resourceOfB({ shareType: "none", shareCondition: "《中华人民共和国个人信息保护法》第十三条" });
    const res = await ask(code);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain("不予共享");
    expect(res.json().error.message).toContain("个人信息保护法");
  });

  it("有条件共享: pending with a deadline of 5 working days; the provider approves fewer fields and a shorter period", async () => {
    const code = await resourceOfB({ shareType: "conditional", shareCondition: "仅限市场监管执法使用" });
    const res = await ask(code);
    expect(res.statusCode).toBe(201);
    const request = res.json();
    expect(request.status).toBe("pending");
    expect(request.grant).toBeNull();
    // 9-30 (1), National Day 10-1..10-7, 10-8 and 10-9 are make-up working days (2, 3), 10-10 (4), 10-11 (5).
    expect(request.dueAt).toBe("2022-10-11T10:00:00.000Z");

    const mine = (await call(consumer, "GET", "/api/data/requests?box=mine")).json();
    expect(mine.items.map((r: { id: string }) => r.id)).toContain(request.id);
    const toApprove = (await call(provider, "GET", "/api/data/requests?box=to_approve&status=pending")).json();
    expect(toApprove.items.map((r: { id: string }) => r.id)).toContain(request.id);
    expect((await call(consumer, "GET", "/api/data/requests?box=to_approve")).json().items).toEqual([]);

    // The consumer cannot decide its own request; beyond the request is refused with the field.
    expect(
      (await call(consumer, "POST", `/api/data/requests/${request.id}/decision`, { decision: "approve" })).statusCode,
    ).toBe(403);
    const beyond = await call(provider, "POST", `/api/data/requests/${request.id}/decision`, {
      decision: "approve",
      fields: ["企业名称", "注册资本"],
      periodTo: "2024-01-01",
    });
    expect(beyond.statusCode).toBe(400);
    expect(beyond.json().error.details.map((d: { path: string }) => d.path)).toEqual(["fields.1", "periodTo"]);

    const approved = await call(provider, "POST", `/api/data/requests/${request.id}/decision`, {
      decision: "approve",
      fields: ["统一社会信用代码", "企业名称"],
      periodTo: "2023-03-31",
      conditions: "不得向第三方提供",
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe("granted");
    expect(approved.json().grant).toMatchObject({
      fields: ["统一社会信用代码", "企业名称"],
      validFrom: "2022-10-01",
      validTo: "2023-03-31",
      conditions: "不得向第三方提供",
    });
    const again = await call(provider, "POST", `/api/data/requests/${request.id}/decision`, {
      decision: "refuse",
      reason: "重复",
    });
    expect(again.statusCode).toBe(409);
    expect(await auditOf(request.id)).toEqual(["data_request.create", "data_request.approve"]);

    const revoked = await call(provider, "POST", `/api/data/grants/${approved.json().grant.id}/revoke`, {
      reason: "执法事项已办结",
    });
    expect(revoked.json()).toMatchObject({ status: "revoked", revokeReason: "执法事项已办结" });
    expect(await auditOf(approved.json().grant.id)).toEqual(["data_grant.create", "data_grant.revoke"]);
  });

  it("the provider refuses with a reason; strangers see nothing", async () => {
    const code = await resourceOfB({ shareType: "conditional", shareCondition: "仅限市场监管执法使用" });
    const request = (await ask(code, ["企业名称"])).json();
    const noReason = await call(provider, "POST", `/api/data/requests/${request.id}/decision`, { decision: "refuse" });
    expect(noReason.statusCode).toBe(400);
    const refused = await call(provider, "POST", `/api/data/requests/${request.id}/decision`, {
      decision: "refuse",
      reason: "申请用途与共享条件不符",
    });
    expect(refused.json()).toMatchObject({ status: "refused", decisionNote: "申请用途与共享条件不符", grant: null });
    expect(await auditOf(request.id)).toEqual(["data_request.create", "data_request.refuse"]);
    const stranger = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a1.id, ["handler"]);
    expect((await call(stranger, "GET", `/api/data/requests/${request.id}`)).statusCode).toBe(403);
    expect((await call(district, "GET", `/api/data/requests/${request.id}`)).statusCode).toBe(200);
  });

  it("bad input: unknown field → 400 with its path; unknown resource → 404; a unit outside the actor's scope → 404", async () => {
    const code = await resourceOfB({});
    const unknownField = await ask(code, ["企业名称", "身高"]);
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().error.details[0]).toEqual({
      path: "fields.1",
      message: expect.stringContaining("身高"),
    });
    expect((await ask("39999999-99999")).statusCode).toBe(404);
    const body = {
      resourceCode: code,
      consumerUnitId: h.tenant.units.b1.id,
      purpose: "核验申请人提交的企业信息",
      legalBasis: "依据",
      fields: ["企业名称"],
      periodFrom: "2022-10-01",
      periodTo: "2022-12-31",
    };
    expect((await call(consumer, "POST", "/api/data/requests", body)).statusCode).toBe(404);
    const backwards = await call(consumer, "POST", "/api/data/requests", {
      ...body,
      consumerUnitId: h.tenant.units.a1.id,
      periodTo: "2022-09-30",
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details[0].path).toBe("periodTo");
  });
});
