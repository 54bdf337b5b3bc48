import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { itemInput } from "../../../test/factories/catalog-item.factory.ts";
import { buildTenant, type TestTenant } from "../../../test/factories/tenant.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { authHeaders, buildTestApp } from "../../../test/test-app.ts";
import { openTestDatabase } from "../../../test/test-db.ts";
import { systemClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/client.ts";

let database: Database;
let tenant: TestTenant;
let built: Awaited<ReturnType<typeof buildTestApp>>;
let manager: TestUser;

beforeAll(async () => {
  database = await openTestDatabase();
  tenant = await buildTenant(database.db);
  built = await buildTestApp(database, systemClock);
  manager = await buildUser(database.db, tenant.id, tenant.units.root.id, ["catalog_manager"]);
});
afterAll(async () => {
  await built.app.close();
  await database.close();
});

const post = (url: string, payload: object) =>
  built.app.inject({ method: "POST", url, headers: authHeaders(manager), payload });

describe("catalog API", () => {
  it("answers bad input with the field and the reason in Chinese, writing nothing", async () => {
    const bad = {
      ...itemInput(tenant.units.a1.id),
      promisedLimitDays: 30,
      materials: [{ ...itemInput(tenant.units.a1.id).materials[1], exemptDataSource: null }],
    };
    const res = await post("/api/catalog/items", bad);
    expect(res.statusCode).toBe(400);
    const paths = (res.json().error.details as Array<{ path: string; message: string }>).map((d) => d);
    expect(paths).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ message: "承诺办结时限不能超过法定办结时限" }),
        expect.objectContaining({ message: "免提交材料须写明共享数据来源" }),
      ]),
    );
    const list = await built.app.inject({ url: `/api/catalog/items?q=${bad.code}`, headers: authHeaders(manager) });
    expect(list.json().total).toBe(0);
  });

  it("lets citizens find an item by a Chinese substring and read its guide without staff names", async () => {
    const input = itemInput(tenant.units.a1.id, {
      name: "公共场所卫生许可证核发",
      materials: [
        ...itemInput(tenant.units.a1.id).materials,
        {
          name: "卫生管理制度",
          kind: "copy",
          copies: 1,
          source: "applicant",
          exemptDataSource: null,
          required: false,
          deferrable: true,
          trustLevel: "B",
          template: "",
          basis: "",
        },
      ],
      deferrable: true,
    });
    expect((await post("/api/catalog/items", input)).statusCode).toBe(201);
    const search = await built.app.inject({
      url: `/api/public/catalog/items?tenant=${tenant.code}&q=${encodeURIComponent("场所卫生")}`,
    });
    expect(search.statusCode).toBe(200);
    expect(search.json().items.map((i: { code: string }) => i.code)).toEqual([input.code]);
    const byMaterial = await built.app.inject({
      url: `/api/public/catalog/items?tenant=${tenant.code}&q=${encodeURIComponent("卫生管理制度")}`,
    });
    expect(byMaterial.json().total).toBe(1);
    const guide = await built.app.inject({ url: `/api/public/catalog/items/${input.code}?tenant=${tenant.code}` });
    expect(guide.statusCode).toBe(200);
    const body = guide.json();
    expect(body.materials.find((m: { name: string }) => m.name === "营业执照")).toMatchObject({
      source: "shared_data",
      exemptDataSource: "广东省电子证照库·营业执照",
    });
    expect(body.materials.find((m: { name: string }) => m.name === "卫生管理制度")?.deferrable).toBe(true);
    expect(guide.body).not.toContain("测试");
    expect(guide.body).not.toContain(tenant.units.a1.id);
    const all = await built.app.inject({ url: `/api/public/catalog/items?tenant=${tenant.code}&q=` });
    expect([all.statusCode, all.json().total]).toEqual([200, 1]);
    const missing = await built.app.inject({ url: `/api/public/catalog/items/NOPE-1?tenant=${tenant.code}` });
    expect(missing.statusCode).toBe(404);
  });
});
