import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ItemInput } from "../../../../../packages/contracts/src/catalog.ts";
import type { Role } from "../../../../../packages/contracts/src/common.ts";
import { itemInput } from "../../../test/factories/catalog-item.factory.ts";
import { buildTenant, type TestTenant } from "../../../test/factories/tenant.factory.ts";
import { openTestDatabase } from "../../../test/test-db.ts";
import { type Ctx, silentLogger } from "../../platform/actor.ts";
import type { Database } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { AppError } from "../../platform/errors.ts";
import { addPolicyCase, createItem, getItem, listItemVersions, updateItem, withdrawItem } from "./catalog.service.ts";
import { saveBundle } from "./catalog-bundles.service.ts";
import { isOnDeferrableList } from "./catalog-deferrable.ts";
import { catalogFigures } from "./catalog-figures.ts";

let database: Database;
let tenant: TestTenant;
let now = new Date("2022-03-01T02:00:00Z");
const clock = { now: () => new Date(now) };

function ctxAs(role: Role, unit: { id: string; path: string; name: string }): Ctx {
  return {
    db: database.db,
    clock,
    log: silentLogger,
    requestId: "t",
    actor: {
      kind: "user",
      tenantId: tenant.id,
      userId: "00000000-0000-4000-8000-000000000001",
      username: `u-${role}`,
      displayName: `测试${role}`,
      grants: [
        {
          id: "00000000-0000-4000-8000-000000000002",
          role,
          orgUnitId: unit.id,
          orgUnitName: unit.name,
          path: unit.path,
        },
      ],
      csrfToken: "x",
    },
  };
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) {
    throw new Error(`expected an AppError, got ${String(err)}`);
  }
  return err;
}

beforeAll(async () => {
  database = await openTestDatabase();
  tenant = await buildTenant(database.db);
});
afterAll(async () => {
  await database.close();
});

describe("item versions", () => {
  it("reads the item and its materials as they were on any date, with who changed what", async () => {
    const manager = ctxAs("catalog_manager", tenant.units.root);
    now = new Date("2022-03-01T02:00:00Z");
    const input = itemInput(tenant.units.a1.id);
    const created = await createItem(manager, input);
    expect(created.version).toBe(1);

    now = new Date("2022-06-01T02:00:00Z");
    const extra: ItemInput["materials"][number] = {
      name: "场所平面图",
      kind: "copy",
      copies: 1,
      source: "applicant",
      exemptDataSource: null,
      required: false,
      deferrable: true,
      trustLevel: "B",
      template: "",
      basis: "",
    };
    await updateItem(manager, created.id, {
      ...input,
      promisedLimitDays: 3,
      deferrable: true,
      materials: [...input.materials, extra],
    });
    now = new Date("2023-01-10T02:00:00Z");
    const v2 = await getItem(manager, created.id);
    await updateItem(manager, created.id, {
      ...input,
      promisedLimitDays: 3,
      materials: input.materials.slice(0, 1),
    });
    expect(v2.version).toBe(2);

    const before = await getItem(manager, created.id, "2022-05-31");
    expect([before.version, before.promisedLimitDays, before.materials.length, before.deferrable]).toEqual([
      1,
      5,
      2,
      false,
    ]);
    const endOf2022 = await getItem(manager, created.id, "2022-12-31");
    expect([endOf2022.version, endOf2022.promisedLimitDays, endOf2022.materials.map((m) => m.name)]).toEqual([
      2,
      3,
      ["食品经营许可申请书", "营业执照", "场所平面图"],
    ]);
    const current = await getItem(manager, created.id);
    expect([current.version, current.materials.length, current.deferrable]).toEqual([3, 1, false]);
    expect((await rejection(getItem(manager, created.id, "2022-02-28"))).code).toBe("not_found");

    const history = await listItemVersions(manager, created.id);
    expect(history.items.map((h) => h.version)).toEqual([3, 2, 1]);
    expect(history.items[1]?.changes.map((c) => c.label)).toEqual([
      "承诺办结时限（工作日）",
      "容缺受理清单",
      "材料“场所平面图”",
    ]);
    expect(history.items[1]?.changes[0]).toMatchObject({ before: "5", after: "3" });
    expect(history.items[0]?.changedBy).toBe("测试catalog_manager");

    expect(await isOnDeferrableList(database.db, tenant.id, input.code, "2022-05-31")).toBe(false);
    expect(await isOnDeferrableList(database.db, tenant.id, input.code, "2022-12-31")).toBe(true);
    expect(await isOnDeferrableList(database.db, tenant.id, input.code, "2023-01-10")).toBe(false);

    const audit = await queryRows<{ action: string }>(
      database.db,
      sql`select action from audit_log where entity_id = ${created.id} order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(["catalog_item.create", "catalog_item.update", "catalog_item.update"]);
  });

  it("writes no version for an edit that changes nothing", async () => {
    const manager = ctxAs("catalog_manager", tenant.units.root);
    const input = itemInput(tenant.units.a1.id);
    const created = await createItem(manager, input);
    const same = await updateItem(manager, created.id, input);
    expect(same.version).toBe(1);
    expect((await listItemVersions(manager, created.id)).items).toHaveLength(1);
  });

  it("lets staff read but not edit, hides items outside the grant, and names the bad field", async () => {
    const manager = ctxAs("catalog_manager", tenant.units.root);
    const created = await createItem(manager, itemInput(tenant.units.a1.id));
    const hall = ctxAs("hall_staff", tenant.units.a);
    expect((await getItem(hall, created.id)).canEdit).toBe(false);
    expect(
      (await rejection(updateItem(hall, created.id, itemInput(tenant.units.a1.id, { code: created.code })))).code,
    ).toBe("forbidden");
    const otherManager = ctxAs("catalog_manager", tenant.units.b);
    expect((await rejection(getItem(otherManager, created.id))).code).toBe("not_found");
    expect((await rejection(createItem(otherManager, itemInput(tenant.units.a1.id)))).code).toBe("not_found");
    const orphan = await rejection(
      createItem(manager, itemInput(tenant.units.a1.id, { level: "sub", parentCode: "NO-SUCH-ITEM" })),
    );
    expect(orphan.code).toBe("validation");
    expect(orphan.details).toEqual([{ path: "parentCode", message: "上级事项 NO-SUCH-ITEM 不存在" }]);
    const dup = await rejection(createItem(manager, itemInput(tenant.units.a1.id, { code: created.code })));
    expect(dup.code).toBe("conflict");
  });
});

describe("catalogFigures", () => {
  it("counts the catalog as it was at the end of the date", async () => {
    const own = await buildTenant(database.db);
    tenant = own;
    const manager = ctxAs("catalog_manager", own.units.root);
    now = new Date("2022-05-01T02:00:00Z");
    const a = await createItem(manager, itemInput(own.units.a1.id, { crossRegionScopes: ["province", "national"] }));
    const b = await createItem(
      manager,
      itemInput(own.units.b1.id, { materialsReduced: false, policyBenefit: true, bookableTown: true }),
    );
    await addPolicyCase(manager, b.id, {
      caseNo: `C-${b.code}-1`,
      grantedOn: "2022-05-02",
      beneficiaryKind: "enterprise",
      amountFen: 100,
    });
    await saveBundle(manager, {
      code: `B-${a.code}`,
      name: "开办餐馆一件事",
      description: "",
      itemCodes: [a.code, b.code],
    });
    now = new Date("2023-02-01T02:00:00Z");
    await createItem(manager, itemInput(own.units.b1.id, { bookableVillage: true }));
    await withdrawItem(manager, a.id);

    const f = await catalogFigures(database.db, own.id, "2022-12-31");
    const values = Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.value]));
    expect(values).toEqual({
      "catalog.onApplicationItems": 2,
      "catalog.materialsReducedItems": 1,
      "catalog.materialsReducedRate": 0.5,
      "catalog.materials": 4,
      "catalog.exemptMaterials": 2,
      "catalog.exemptRate": 0.5,
      "catalog.bundles": 1,
      "catalog.deferrableItems": 0,
      "catalog.deferrableDepartments": 0,
      "catalog.crossRegionEntries": 2,
      "catalog.policyBenefitItems": 1,
      "catalog.policyBenefitCases": 1,
      "appointments.bookableItems.town": 1,
      "appointments.bookableItems.village": 0,
    });
    expect(f["catalog.exemptRate"]?.note).toBe("免提交材料 2 ÷ 全部材料 4");
    const later = await catalogFigures(database.db, own.id, "2023-02-01");
    expect([later["catalog.onApplicationItems"]?.value, later["appointments.bookableItems.village"]?.value]).toEqual([
      2, 1,
    ]);
    expect(later["catalog.policyBenefitCases"]?.value).toBe(0);
  });
});
