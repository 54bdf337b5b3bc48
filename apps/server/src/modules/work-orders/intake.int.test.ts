import { beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../test/factories/user.factory.ts";
import { buildCityTicket } from "../../../test/factories/work-order.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";
import { issueApiKey } from "../api-keys/api-keys.service.ts";

const h = setUpHarness();
let key: string;

beforeAll(async () => {
  key = (
    await issueApiKey(
      { db: h.database.db, tenantId: h.tenant.id, orgUnitId: h.tenant.units.root.id, createdBy: "t" },
      { name: "市平台", scopes: ["tickets:write"] },
    )
  ).secret;
});

const send = (payload: object) =>
  h.built.app.inject({ method: "POST", url: "/api/intake/city-tickets", headers: { "x-api-key": key }, payload });

describe("intake from the city platform", () => {
  it("creates once and answers a retry with the same ticket", async () => {
    const ticket = buildCityTicket();
    const first = await send(ticket);
    expect(first.statusCode).toBe(201);
    const retry = await send(ticket);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ id: first.json().id, created: false });
  });

  it("refuses a different payload under the same number with 409 intake_conflict", async () => {
    const ticket = buildCityTicket();
    await send(ticket);
    const changed = await send({ ...ticket, content: "内容改了" });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error.details.code).toBe("intake_conflict");
  });

  it("makes exactly one ticket out of 20 concurrent retries", async () => {
    const ticket = buildCityTicket();
    const answers = await Promise.all(Array.from({ length: 20 }, () => send(ticket)));
    expect(answers.every((a) => a.statusCode === 200 || a.statusCode === 201)).toBe(true);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
  });

  it("needs a key with the tickets:write scope and a valid body", async () => {
    const readOnly = (
      await issueApiKey(
        { db: h.database.db, tenantId: h.tenant.id, orgUnitId: h.tenant.units.root.id, createdBy: "t" },
        { name: "只读", scopes: ["tickets:read"] },
      )
    ).secret;
    expect(
      (await h.built.app.inject({ method: "POST", url: "/api/intake/city-tickets", payload: buildCityTicket() }))
        .statusCode,
    ).toBe(401);
    expect(
      (
        await h.built.app.inject({
          method: "POST",
          url: "/api/intake/city-tickets",
          headers: { "x-api-key": readOnly },
          payload: buildCityTicket(),
        })
      ).statusCode,
    ).toBe(403);
    const bad = await send({ ...buildCityTicket(), category: "闲聊", receivedAt: "yesterday", townCode: "12" });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(["category", "receivedAt", "townCode"]);
  });

  it("computes deadlines from the working calendar", async () => {
    const res = await send(buildCityTicket({ category: "consult" }));
    const dispatcher = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["dispatcher"]);
    const wo = (
      await h.built.app.inject({ url: `/api/work-orders/${res.json().id}`, headers: authHeaders(dispatcher) })
    ).json();
    expect(wo.closeDueAt).toBe("2022-10-09T09:00:00.000Z");
    expect(wo.acceptDueAt).toBe("2022-10-08T09:00:00.000Z");
    expect(wo.callerPhone).toBe("138****8000");
    expect(wo.events.map((e: { action: string }) => e.action)).toEqual(["receive"]);
  });
});

describe("import from the city's export", () => {
  const csv = (rows: string[]) =>
    Buffer.from(`工单编号,受理时间,诉求分类,标题,诉求内容,联系电话\n${rows.join("\n")}\n`, "utf8");
  const post = (body: Buffer, dryRun: boolean, user: { cookie: string; csrf: string }) =>
    h.built.app.inject({
      method: "POST",
      url: `/api/work-orders/import?dryRun=${dryRun}`,
      headers: { ...authHeaders(user), "content-type": "text/csv" },
      payload: body,
    });

  it("reports row-numbered errors and writes nothing when any row is bad", async () => {
    const dispatcher = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["dispatcher"]);
    const tag = Date.now().toString(36).toUpperCase();
    const file = csv([
      `IMP${tag}A,2022-05-01T09:00:00+08:00,投诉,路灯不亮,村口路灯坏了,13800001111`,
      `IMP${tag}B,not-a-date,投诉,路灯不亮,村口路灯坏了,13800001111`,
      `IMP${tag}C,2022-05-01T09:00:00+08:00,聊天,路灯不亮,村口路灯坏了,13800001111`,
      `IMP${tag}A,2022-05-01T09:00:00+08:00,投诉,路灯不亮,村口路灯坏了,13800001111`,
    ]);
    const res = await post(file, false, dispatcher);
    expect(res.statusCode).toBe(200);
    const errors = res.json().errors as Array<{ row: number; field: string }>;
    expect(errors.map((e) => `${e.row}:${e.field}`)).toEqual(["3:受理时间", "4:诉求分类", "5:工单编号"]);
    expect(res.json().created).toBe(0);
    const list = await h.built.app.inject({ url: `/api/work-orders?q=IMP${tag}A`, headers: authHeaders(dispatcher) });
    expect(list.json().total).toBe(0);
  });

  it("dry-runs, then imports, then counts a re-import as existing", async () => {
    const dispatcher = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["dispatcher"]);
    const tag = Date.now().toString(36).toUpperCase();
    const file = csv([
      `IMP${tag}1,2022-05-01T09:00:00+08:00,咨询,社保查询,怎么查社保,13800002222`,
      `IMP${tag}2,2022-05-02T09:00:00+08:00,求助,积水,路面积水,13800003333`,
    ]);
    expect((await post(file, true, dispatcher)).json()).toMatchObject({
      dryRun: true,
      rows: 2,
      created: 2,
      existing: 0,
      errors: [],
    });
    expect(
      (await h.built.app.inject({ url: `/api/work-orders?q=IMP${tag}1`, headers: authHeaders(dispatcher) })).json()
        .total,
    ).toBe(0);
    expect((await post(file, false, dispatcher)).json()).toMatchObject({ dryRun: false, created: 2, existing: 0 });
    expect((await post(file, false, dispatcher)).json()).toMatchObject({ created: 0, existing: 2 });
  });

  it("says clearly that .xls and other files are not accepted", async () => {
    const dispatcher = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["dispatcher"]);
    const res = await h.built.app.inject({
      method: "POST",
      url: "/api/work-orders/import?dryRun=true",
      headers: {
        ...authHeaders(dispatcher),
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      },
      payload: Buffer.from("not a zip"),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain(".xls");
  });
});
