import { beforeAll, describe, expect, it } from "vitest";
import { itemInput } from "../../../test/factories/catalog-item.factory.ts";
import { resourceInput } from "../../../test/factories/data-resource.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";

const h = setUpHarness();
let district: TestUser;
let townA: TestUser;
let townB: TestUser;
let cataloguer: TestUser;
const LICENCE = "广东省电子证照库·营业执照";
const MISSING = "某省级平台·不存在的证明";

const call = (who: TestUser, method: "GET" | "POST", url: string, payload?: object) =>
  h.built.app.inject({ method, url, headers: authHeaders(who), ...(payload ? { payload } : {}) });

beforeAll(async () => {
  const { db } = h.database;
  district = await buildUser(db, h.tenant.id, h.tenant.units.root.id, ["data_officer"]);
  townA = await buildUser(db, h.tenant.id, h.tenant.units.a.id, ["data_officer"]);
  townB = await buildUser(db, h.tenant.id, h.tenant.units.b.id, ["data_officer"]);
  cataloguer = await buildUser(db, h.tenant.id, h.tenant.units.root.id, ["catalog_manager"]);
  // Two items name the licence; the second also names a source the data centre does not hold.
  const first = itemInput(h.tenant.units.a1.id);
  expect((await call(cataloguer, "POST", "/api/catalog/items", first)).statusCode).toBe(201);
  const [form, licence] = first.materials;
  const second = itemInput(h.tenant.units.a1.id, {
    name: "公共场所卫生许可",
    materials: [
      form as (typeof first.materials)[number],
      licence as (typeof first.materials)[number],
      { ...(licence as (typeof first.materials)[number]), name: "某证明", exemptDataSource: MISSING },
    ],
  });
  expect((await call(cataloguer, "POST", "/api/catalog/items", second)).statusCode).toBe(201);
});

describe("免提交 links between the service catalog and the resources", () => {
  it("lists the catalog items whose exempt materials name a resource, scoped like the resource", async () => {
    const resource = resourceInput(h.tenant.units.a1.id, { name: LICENCE });
    expect((await call(district, "POST", "/api/data/resources", resource)).statusCode).toBe(201);
    const url = `/api/data/resources/${resource.code}/exempt-materials`;
    const res = await call(townA, "GET", url);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ source: LICENCE, total: 2, materials: 2 });
    expect(body.items.map((i: { itemName: string }) => i.itemName).sort()).toEqual(
      ["公共场所卫生许可", "食品经营许可证核发"].sort(),
    );
    expect(body.items[0]).toMatchObject({ materials: 1, materialNames: ["营业执照"] });
    expect(body.items[0].departmentName).toBe(h.tenant.units.a1.name);
    // Out of the resource's scope: 404, as for the resource itself.
    expect((await call(townB, "GET", url)).statusCode).toBe(404);
    const paged = (await call(district, "GET", `${url}?pageSize=1&page=2`)).json();
    expect(paged).toMatchObject({ total: 2, materials: 2 });
    expect(paged.items).toHaveLength(1);
    expect((await call(district, "GET", `${url}?pageSize=0`)).statusCode).toBe(400);
  });

  it("flags a source that names no resource; only the district's data officers see the check", async () => {
    const res = await call(district, "GET", "/api/data/exempt-sources");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const bySource = new Map(body.items.map((s: { source: string }) => [s.source, s]));
    expect(bySource.get(MISSING)).toMatchObject({ resourceCode: null, flagged: true, items: 1, materials: 1 });
    expect(bySource.get(LICENCE)).toMatchObject({ flagged: false, resourceName: LICENCE, items: 2, materials: 2 });
    expect(body.flagged).toBe(1);
    // Flagged sources come first.
    expect(body.items[0].source).toBe(MISSING);
    const town = await call(townA, "GET", "/api/data/exempt-sources");
    expect(town.statusCode).toBe(403);
    expect(town.json().error.message).toContain("仅区级数据管理员");
    expect((await call(cataloguer, "GET", "/api/data/exempt-sources")).statusCode).toBe(403);
  });
});
