import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { itemInput } from "../../../test/factories/catalog-item.factory.ts";
import { resourceInput } from "../../../test/factories/data-resource.factory.ts";
import { buildTenant, type TestTenant } from "../../../test/factories/tenant.factory.ts";
import { openTestDatabase } from "../../../test/test-db.ts";
import { type Ctx, silentLogger } from "../../platform/actor.ts";
import type { Database } from "../../platform/db/client.ts";
import { createItem } from "../catalog/catalog.service.ts";
import { dataBatches, dataExchangeLog, dataResources, dataSystems } from "../data-sharing/data-sharing.schema.ts";
import { dataFigures } from "./data-figures.ts";
import { formatFigure } from "./report-model.ts";

let database: Database;
let tenant: TestTenant;

async function resource(name: string, subclass: string, unitId: string, path: string): Promise<string> {
  const id = randomUUID();
  const r = resourceInput(unitId, { name, subclass });
  const at = new Date("2022-01-04T00:00:00Z");
  await database.db.insert(dataResources).values({
    ...r,
    id,
    tenantId: tenant.id,
    scopePath: path,
    version: 1,
    createdAt: at,
    updatedAt: at,
  });
  return id;
}

async function batch(resourceId: string, accepted: number, receivedAt: string) {
  await database.db.insert(dataBatches).values({
    id: randomUUID(),
    tenantId: tenant.id,
    resourceId,
    batchId: randomUUID(),
    mode: "registered",
    received: accepted,
    accepted,
    quarantined: 0,
    checksum: "x",
    quarantine: [],
    receivedAt: new Date(receivedAt),
    createdBy: "测试",
  });
}

let seq = 0;
async function served(resourceId: string, rows: number, at: string, outcome = "served") {
  seq += 1;
  await database.db.insert(dataExchangeLog).values({
    id: randomUUID(),
    tenantId: tenant.id,
    seq,
    at: new Date(at),
    consumerUnitId: tenant.units.b.id,
    consumerPath: tenant.units.b.path,
    providerPath: tenant.units.a.path,
    resourceId,
    resourceCode: "x",
    fields: [],
    filter: {},
    rowsReturned: rows,
    requestId: "t",
    outcome,
    prevHash: "",
    hash: String(seq),
  });
}

async function system(onGovCloud: boolean) {
  await database.db.insert(dataSystems).values({
    id: randomUUID(),
    tenantId: tenant.id,
    name: `系统${randomUUID().slice(0, 6)}`,
    ownerUnitId: tenant.units.a.id,
    scopePath: tenant.units.a.path,
    onGovCloud,
    protectionLevel: 2,
    provides: [],
    consumes: [],
    updatedAt: new Date(),
  });
}

beforeAll(async () => {
  database = await openTestDatabase();
  tenant = await buildTenant(database.db);
});
afterAll(() => database.close());

describe("the data-sharing figures of the report", () => {
  it("gives nothing for a tenant without data-sharing records", async () => {
    const empty = await buildTenant(database.db);
    expect(await dataFigures(database.db, empty.id, 2022)).toEqual({});
  });

  it("sums the year's batches and served rows in Shanghai time, counts cloud systems and village categories", async () => {
    const { a, a1, b } = tenant.units;
    const licence = await resource("广东省电子证照库·营业执照", "市场监管", a.id, a.path);
    const villageA = await resource("城中村出租屋信息", "城中村治理", a1.id, a1.path);
    const villageB = await resource("城中村出租屋信息", "城中村治理", b.id, b.path);
    await resource("城中村消防设施", "城中村治理", b.id, b.path);
    // 00:30 on 1 January in Shanghai is still 2021 in UTC: it belongs to 2022.
    await batch(licence, 1_500_000_000, "2021-12-31T16:30:00Z");
    await batch(villageA, 603_000_000, "2022-06-01T00:00:00Z");
    await batch(villageB, 7, "2021-12-31T15:59:59Z"); // 2021 in Shanghai
    await batch(villageB, 9, "2022-12-31T16:00:00Z"); // 2023 in Shanghai
    await served(licence, 700_000_000, "2022-03-01T00:00:00Z");
    await served(villageA, 320_000_000, "2022-12-31T15:59:59Z");
    await served(villageA, 900_000_000, "2022-05-01T00:00:00Z", "refused");
    await served(villageA, 5, "2021-12-31T15:00:00Z");
    await system(true);
    await system(true);
    await system(false);
    const manager: Ctx = {
      db: database.db,
      clock: { now: () => new Date("2022-02-01T00:00:00Z") },
      log: silentLogger,
      requestId: "t",
      actor: { kind: "system", tenantId: tenant.id, name: "测试" },
    };
    // One item with a source that is catalogued (营业执照) and one that is not.
    const item = itemInput(a1.id);
    await createItem(manager, item);
    const other = itemInput(a1.id, {
      materials: (item.materials ?? []).map((m) =>
        m.exemptDataSource ? { ...m, exemptDataSource: "广东省电子证照库·身份证" } : m,
      ),
    });
    await createItem(manager, other);

    const f = await dataFigures(database.db, tenant.id, 2022);
    const values = Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.value]));
    expect(values).toEqual({
      "data.aggregatedRows": 2_103_000_000,
      "data.sharedRows": 1_020_000_000,
      "data.systemsOnCloud": 2,
      "data.villageCategories": 2,
      "data.resources": 4,
      "data.exemptSources": 1,
    });
    expect(f["data.aggregatedRows"] && formatFigure(f["data.aggregatedRows"])).toBe("21 亿");
    expect(f["data.sharedRows"] && formatFigure(f["data.sharedRows"])).toBe("10 亿");
    expect(f["data.systemsOnCloud"]?.note).toContain("台账共 3 个");
    expect(f["data.exemptSources"]?.note).toBe("现行事项中免提交材料的数据来源 2 个，其中已在信息资源目录编目 1 个");
    expect(f["data.sharedRows"]?.href).toBe("/data/exchange-log?from=2022-01-01&to=2022-12-31&outcome=served");
  });
});
