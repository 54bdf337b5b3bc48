import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { freshResourceCode, resourceInput } from "../../../test/factories/data-resource.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";
import { queryRows } from "../../platform/db/rows.ts";

const h = setUpHarness();
let district: TestUser;
let townA: TestUser;
let handler: TestUser;

const call = (who: TestUser, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
  h.built.app.inject({ method, url, headers: authHeaders(who), ...(payload ? { payload } : {}) });

beforeAll(async () => {
  district = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["data_officer"]);
  townA = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["data_officer"]);
  handler = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["handler"]);
});

describe("resource catalog: scope", () => {
  it("a unit's officer sees its subtree's resources only; the district's officers see all; out of scope is 404", async () => {
    const ofB1 = resourceInput(h.tenant.units.b1.id, { name: "乙局资源" });
    const ofA1 = resourceInput(h.tenant.units.a1.id, { name: "甲局资源" });
    expect((await call(district, "POST", "/api/data/resources", ofB1)).statusCode).toBe(201);
    expect((await call(townA, "POST", "/api/data/resources", ofA1)).statusCode).toBe(201);
    // A's officer may not catalogue for B1: the unit is not revealed.
    const foreign = await call(townA, "POST", "/api/data/resources", resourceInput(h.tenant.units.b1.id));
    expect(foreign.statusCode).toBe(404);

    expect((await call(townA, "GET", `/api/data/resources/${ofB1.code}`)).statusCode).toBe(404);
    expect((await call(townA, "GET", `/api/data/resources/${ofB1.code}/versions`)).statusCode).toBe(404);
    const edit = await call(townA, "PUT", `/api/data/resources/${ofB1.code}`, { ...ofB1, name: "改名" });
    expect(edit.statusCode).toBe(404);
    expect((await call(townA, "GET", `/api/data/resources/${ofA1.code}`)).json().providerName).toContain("甲局办公室");

    const mine = (await call(townA, "GET", "/api/data/resources?pageSize=200")).json();
    expect(mine.items.map((r: { code: string }) => r.code)).toEqual([ofA1.code]);
    const all = (await call(district, "GET", "/api/data/resources?pageSize=200")).json();
    expect(all.items.map((r: { code: string }) => r.code).sort()).toEqual([ofA1.code, ofB1.code].sort());
    expect((await call(handler, "GET", "/api/data/resources")).statusCode).toBe(403);

    const search = (await call(district, "GET", `/api/data/resources?q=${encodeURIComponent("乙局")}`)).json();
    expect(search.items.map((r: { code: string }) => r.code)).toEqual([ofB1.code]);
    const byProvider = (
      await call(district, "GET", `/api/data/resources?providerUnitId=${h.tenant.units.a1.id}`)
    ).json();
    expect(byProvider.total).toBe(1);

    const tree = (await call(townA, "GET", "/api/data/resources/tree")).json();
    expect(tree.byProvider).toEqual([{ unitId: h.tenant.units.a1.id, unitName: h.tenant.units.a1.name, count: 1 }]);
    const dept = tree.byClassification.find((c: { classification: string }) => c.classification === "department");
    expect(dept).toEqual({ classification: "department", count: 1, subclasses: [{ subclass: "市场监管", count: 1 }] });
  });

  it("共享目录: every unit's officer reads what may be asked for, never a 不予共享 resource or the holdings", async () => {
    const asked = resourceInput(h.tenant.units.b1.id, { shareType: "conditional", shareCondition: "仅限执法使用" });
    const kept = resourceInput(h.tenant.units.b1.id, { shareType: "none", shareCondition: "《统计法》第九条" });
    expect((await call(district, "POST", "/api/data/resources", asked)).statusCode).toBe(201);
    expect((await call(district, "POST", "/api/data/resources", kept)).statusCode).toBe(201);
    const entry = await call(townA, "GET", `/api/data/shared-catalog/${asked.code}`);
    expect(entry.statusCode).toBe(200);
    expect(entry.json().fields.map((f: { name: string }) => f.name)).toEqual(asked.fields.map((f) => f.name));
    expect((await call(townA, "GET", `/api/data/shared-catalog/${kept.code}`)).statusCode).toBe(404);
    const list = (await call(townA, "GET", "/api/data/shared-catalog?pageSize=200")).json();
    const codes = list.items.map((r: { code: string }) => r.code);
    expect(codes).toContain(asked.code);
    expect(codes).not.toContain(kept.code);
    // The catalog is not the holdings: the batches and the full resource stay with the provider.
    expect((await call(townA, "GET", `/api/data/resources/${asked.code}`)).statusCode).toBe(404);
    expect((await call(townA, "GET", `/api/data/resources/${asked.code}/batches`)).statusCode).toBe(404);
    expect((await call(handler, "GET", `/api/data/shared-catalog/${asked.code}`)).statusCode).toBe(403);
  });

  it("refuses incomplete metadata with the field and the reason in Chinese", async () => {
    const bad = {
      ...resourceInput(h.tenant.units.a1.id),
      shareType: "conditional",
      shareCondition: "",
      classification: "basic",
      subclass: "企业",
    };
    const res = await call(townA, "POST", "/api/data/resources", bad);
    expect(res.statusCode).toBe(400);
    const paths = (res.json().error.details as Array<{ path: string; message: string }>).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["code", "subclass", "shareCondition"]));
    expect(res.json().error.message).toContain("有条件共享须写明共享条件");

    const taken = resourceInput(h.tenant.units.a1.id);
    expect((await call(townA, "POST", "/api/data/resources", taken)).statusCode).toBe(201);
    expect((await call(townA, "POST", "/api/data/resources", taken)).statusCode).toBe(409);
  });
});

describe("resource catalog: versions", () => {
  it("every edit is a new version with who, when and what changed, and an audit entry", async () => {
    const input = resourceInput(h.tenant.units.a1.id);
    await call(townA, "POST", "/api/data/resources", input);
    const fields = [...input.fields, { name: "联系电话", type: "C", length: 20, required: false, personal: true }];
    const res = await call(townA, "PUT", `/api/data/resources/${input.code}`, {
      ...input,
      shareType: "conditional",
      shareCondition: "仅限市场监管执法使用",
      fields,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().version).toBe(2);
    // The same content again changes nothing: no new version.
    await call(townA, "PUT", `/api/data/resources/${input.code}`, {
      ...input,
      shareType: "conditional",
      shareCondition: "仅限市场监管执法使用",
      fields,
    });
    const versions = (await call(townA, "GET", `/api/data/resources/${input.code}/versions`)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(Object.keys(versions[0].diff).sort()).toEqual(["fields", "shareCondition", "shareType"]);
    expect(versions[0].diff.shareType).toEqual({ before: "unconditional", after: "conditional" });
    expect(versions[0].actorName).toBeTruthy();

    const renamed = await call(townA, "PUT", `/api/data/resources/${input.code}`, { ...input, code: "30000000-00000" });
    expect(renamed.statusCode).toBe(400);

    const audit = await queryRows<{ action: string }>(
      h.database.db,
      sql`select action from audit_log where tenant_id = ${h.tenant.id} and entity_id = ${res.json().id} order by at, seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(["data_resource.create", "data_resource.update"]);
  });
});

describe("信息系统台账", () => {
  it("registers systems with the resources they provide; unknown codes are refused", async () => {
    const input = resourceInput(h.tenant.units.a1.id);
    await call(townA, "POST", "/api/data/resources", input);
    const body = {
      name: "市场监管业务系统",
      ownerUnitId: h.tenant.units.a1.id,
      onGovCloud: true,
      protectionLevel: 3,
      provides: [input.code],
    };
    const created = await call(townA, "POST", "/api/data/systems", body);
    expect(created.statusCode).toBe(201);
    const unknown = await call(townA, "POST", "/api/data/systems", { ...body, consumes: ["19999999-99999"] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0]).toEqual({
      path: "consumes.0",
      message: "资源代码 19999999-99999 不在资源目录中",
    });
    const updated = await call(townA, "PUT", `/api/data/systems/${created.json().id}`, { ...body, protectionLevel: 2 });
    expect(updated.json().protectionLevel).toBe(2);
    const list = (await call(townA, "GET", "/api/data/systems")).json();
    expect(list.items.map((s: { name: string }) => s.name)).toContain("市场监管业务系统");
    const other = await buildUser(h.database.db, h.tenant.id, h.tenant.units.b.id, ["data_officer"]);
    expect((await call(other, "PUT", `/api/data/systems/${created.json().id}`, body)).statusCode).toBe(404);
    expect((await call(other, "GET", "/api/data/systems")).json().total).toBe(0);
  });

  it("filters systems by 政务云 and counts those on it over all pages; resources by subclass", async () => {
    const unit = h.tenant.units.b1.id;
    const officer = await buildUser(h.database.db, h.tenant.id, unit, ["data_officer"]);
    const system = (name: string, onGovCloud: boolean) =>
      call(officer, "POST", "/api/data/systems", { name, ownerUnitId: unit, onGovCloud, protectionLevel: 2 });
    for (const [name, cloud] of [
      ["乙局审批系统", true],
      ["乙局档案系统", true],
      ["乙局门禁系统", false],
    ] as const) {
      expect((await system(name, cloud)).statusCode).toBe(201);
    }
    const page = (await call(officer, "GET", "/api/data/systems?pageSize=1")).json();
    expect([page.total, page.onGovCloud, page.items.length]).toEqual([3, 2, 1]);
    const cloud = (await call(officer, "GET", "/api/data/systems?onGovCloud=true")).json();
    expect(cloud.items.map((s: { name: string }) => s.name).sort()).toEqual(["乙局审批系统", "乙局档案系统"]);
    const own = (await call(officer, "GET", "/api/data/systems?onGovCloud=false")).json();
    expect(own.items.map((s: { name: string }) => s.name)).toEqual(["乙局门禁系统"]);
    expect((await call(officer, "GET", "/api/data/systems?onGovCloud=maybe")).statusCode).toBe(400);

    const village = resourceInput(unit, {
      subclass: "城中村治理",
      classification: "thematic",
      code: freshResourceCode("2"),
    });
    const created = await call(officer, "POST", "/api/data/resources", village);
    expect(created.statusCode).toBe(201);
    await call(officer, "POST", "/api/data/resources", resourceInput(unit));
    const bySubclass = (
      await call(officer, "GET", `/api/data/resources?subclass=${encodeURIComponent("城中村治理")}`)
    ).json();
    expect(bySubclass.items.map((r: { code: string }) => r.code)).toEqual([village.code]);
  });
});
