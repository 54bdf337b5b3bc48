import { randomUUID } from "node:crypto";
import type { CreateWindowGroupInput } from "../../../../../packages/contracts/src/appointments.ts";
import { type Ctx, silentLogger } from "../../platform/actor.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { demoMainItems } from "../catalog/demo-catalog.ts";
import { findOrgTree } from "../org/org.service.ts";
import { findHalls, insertHalls } from "./halls.repo.ts";
import { levelOf } from "./halls.service.ts";
import { seatDemoClerks } from "./window-staff.ts";

// A few items of the demo catalog per hall level, by name (their codes follow from the org tree);
// the full lists (873 town, 585 village items) come with the catalog.
type DemoGroup = Omit<CreateWindowGroupInput, "items"> & { items: Array<{ itemName: string; bookable: boolean }> };
const windows = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${from + i}号窗口`);

/** The district centre: eight window groups, 86 windows (its 2022 volume needs about that many). */
const DISTRICT_GROUPS: DemoGroup[] = [
  {
    prefix: "A",
    name: "综合受理",
    slotCapacity: 10,
    items: [
      { itemName: "居民身份证申领", bookable: true },
      { itemName: "户口迁移", bookable: true },
      { itemName: "无犯罪记录证明开具", bookable: false },
      { itemName: "居住证签注", bookable: true },
    ],
    windows: windows(1, 16),
  },
  {
    prefix: "B",
    name: "不动产登记",
    slotCapacity: 8,
    items: [
      { itemName: "不动产转移登记", bookable: true },
      { itemName: "不动产抵押登记", bookable: true },
      { itemName: "不动产登记资料查询", bookable: false },
      { itemName: "不动产首次登记", bookable: true },
    ],
    windows: windows(17, 30),
  },
  {
    prefix: "C",
    name: "社保医保",
    slotCapacity: 8,
    items: [
      { itemName: "社会保险参保登记", bookable: true },
      { itemName: "异地就医备案", bookable: true },
      { itemName: "社会保障卡申领", bookable: true },
      { itemName: "城乡居民基本医疗保险参保登记", bookable: false },
    ],
    windows: windows(31, 42),
  },
  {
    prefix: "D",
    name: "企业开办",
    slotCapacity: 6,
    items: [
      { itemName: "企业设立登记", bookable: true },
      { itemName: "食品经营许可", bookable: true },
      { itemName: "企业变更登记", bookable: true },
      { itemName: "公章刻制备案", bookable: false },
    ],
    windows: windows(43, 52),
  },
  {
    prefix: "E",
    name: "税务",
    slotCapacity: 8,
    items: [
      { itemName: "发票领用", bookable: true },
      { itemName: "税务登记", bookable: false },
      { itemName: "个人所得税汇算清缴", bookable: true },
    ],
    windows: windows(53, 64),
  },
  {
    prefix: "F",
    name: "住房公积金",
    slotCapacity: 6,
    items: [
      { itemName: "住房公积金提取", bookable: true },
      { itemName: "住房公积金个人住房贷款", bookable: true },
      { itemName: "住房公积金单位缴存登记", bookable: false },
    ],
    windows: windows(65, 72),
  },
  {
    prefix: "G",
    name: "工程建设",
    slotCapacity: 4,
    items: [
      { itemName: "建设工程规划许可", bookable: true },
      { itemName: "建筑工程施工许可证核发", bookable: true },
      { itemName: "房屋建筑工程竣工验收备案", bookable: false },
    ],
    windows: windows(73, 78),
  },
  {
    prefix: "H",
    name: "出入境与车驾管",
    slotCapacity: 6,
    items: [
      { itemName: "内地居民往来港澳通行证签发", bookable: true },
      { itemName: "驾驶证换证", bookable: true },
      { itemName: "机动车登记", bookable: false },
    ],
    windows: windows(79, 86),
  },
];

const TOWN_GROUP: DemoGroup = {
  prefix: "A",
  name: "综合窗口",
  slotCapacity: 5,
  items: [
    { itemName: "城乡居民基本医疗保险参保登记", bookable: true },
    { itemName: "最低生活保障审批", bookable: true },
    { itemName: "计划生育家庭特别扶助金发放", bookable: true },
  ],
  windows: ["1号窗口", "2号窗口"],
};

const VILLAGE_GROUP: DemoGroup = {
  prefix: "A",
  name: "代办窗口",
  slotCapacity: 3,
  items: [
    { itemName: "残疾人两项补贴", bookable: true },
    { itemName: "高龄津贴发放", bookable: true },
  ],
  windows: ["代办窗口"],
};

/**
 * Demo halls: the district centre (on 区政务服务中心), one hall per town/street and one service
 * station per village/community. Skipped when the tenant already has halls. Written set-based in
 * one transaction (272 halls, all or none; a few statements instead of some 4,700), with each
 * hall's creation and window groups in the audit log as the staff form would record them.
 */
export async function loadHallDemo(db: Db, clock: Clock, tenantId: string): Promise<number> {
  if ((await findHalls(db, { tenantId })).length > 0) {
    return 0;
  }
  const ctx: Ctx = {
    db,
    actor: { kind: "system", tenantId, name: "演示数据" },
    clock,
    log: silentLogger,
    requestId: randomUUID(),
  };
  const units = await findOrgTree(ctx);
  const catalog = demoMainItems(units);
  const codeOf = (name: string) => {
    const item = catalog.get(name);
    if (!item) {
      throw new Error(`演示大厅事项“${name}”不在演示事项目录中`);
    }
    return item.code;
  };
  const plan: Array<{ unit: (typeof units)[number]; name: string; groups: DemoGroup[] }> = [];
  const centre = units.find((u) => u.name === "区政务服务中心");
  if (centre) {
    plan.push({ unit: centre, name: "花都区政务服务中心", groups: DISTRICT_GROUPS });
  }
  for (const u of units.filter((x) => x.kind === "town" || x.kind === "street")) {
    plan.push({ unit: u, name: `${u.name}政务服务中心`, groups: [TOWN_GROUP] });
  }
  // Village names repeat across towns (two 杨二村): the station carries its town's name too.
  const byId = new Map(units.map((u) => [u.id, u]));
  for (const u of units.filter((x) => x.kind === "village" || x.kind === "community")) {
    const town = u.parentId ? byId.get(u.parentId)?.name : undefined;
    plan.push({
      unit: u,
      name: `${town ?? ""}${u.name.replace(/委员会$|委会$/, "")}党群服务站`,
      groups: [VILLAGE_GROUP],
    });
  }
  const rows = plan.map((p) => {
    const hall = {
      id: randomUUID(),
      tenantId,
      orgUnitId: p.unit.id,
      scopePath: p.unit.path,
      name: p.name,
      level: levelOf(p.unit.kind),
      address: p.name.replace(/政务服务中心|党群服务站/, ""),
      sessions: null,
    };
    const groups = p.groups.map((g) => ({ ...g, id: randomUUID() }));
    return { hall, groups, orgUnit: p.unit.name };
  });
  const groups = rows.flatMap((r) => r.groups.map((g) => ({ hall: r.hall, g })));
  await db.transaction(async (tx) => {
    await insertHalls(
      tx,
      rows.map((r) => r.hall),
      groups.map(({ hall, g }) => ({
        id: g.id,
        tenantId,
        hallId: hall.id,
        prefix: g.prefix,
        name: g.name,
        slotCapacity: g.slotCapacity,
      })),
      groups.flatMap(({ g }) => g.items.map((i) => ({ tenantId, groupId: g.id, itemCode: codeOf(i.itemName), ...i }))),
      groups.flatMap(({ hall, g }) =>
        g.windows.map((name) => ({ id: randomUUID(), tenantId, hallId: hall.id, groupId: g.id, name })),
      ),
    );
    for (const r of rows) {
      await recordAudit(
        { ...ctx, db: tx },
        {
          action: "hall.create",
          entityType: "hall",
          entityId: r.hall.id,
          scopePath: r.hall.scopePath,
          summary: {
            name: r.hall.name,
            level: r.hall.level,
            orgUnit: r.orgUnit,
            groups: r.groups.map((g) => ({
              prefix: g.prefix,
              name: g.name,
              items: g.items.length,
              windows: g.windows,
            })),
          },
        },
      );
    }
  });
  for (const r of rows.filter((x) => x.hall.level === "district")) {
    await seatDemoClerks(db, r.hall);
  }
  return rows.length;
}
