import { randomUUID } from "node:crypto";
import type { CreateWindowGroupInput } from "../../../../../packages/contracts/src/appointments.ts";
import { type Ctx, silentLogger } from "../../platform/actor.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { findOrgTree } from "../org/org.service.ts";
import { findHalls } from "./halls.repo.ts";
import { addWindowGroup, createHall } from "./halls.service.ts";

// A few real item names per hall level; the full lists (873 town, 585 village items) come with the catalog.
const DISTRICT_GROUPS: CreateWindowGroupInput[] = [
  {
    prefix: "A",
    name: "综合受理",
    slotCapacity: 10,
    items: [
      { itemCode: "GD-0001", itemName: "居民身份证换领", bookable: true },
      { itemCode: "GD-0002", itemName: "户口迁移", bookable: true },
      { itemCode: "GD-0003", itemName: "政务服务咨询", bookable: false },
    ],
    windows: ["1号窗口", "2号窗口", "3号窗口"],
  },
  {
    prefix: "B",
    name: "不动产登记",
    slotCapacity: 8,
    items: [
      { itemCode: "GD-0101", itemName: "不动产转移登记", bookable: true },
      { itemCode: "GD-0102", itemName: "不动产抵押登记", bookable: true },
    ],
    windows: ["4号窗口", "5号窗口"],
  },
  {
    prefix: "C",
    name: "社保医保",
    slotCapacity: 8,
    items: [
      { itemCode: "GD-0201", itemName: "社会保险参保登记", bookable: true },
      { itemCode: "GD-0202", itemName: "医保异地就医备案", bookable: true },
    ],
    windows: ["6号窗口", "7号窗口"],
  },
  {
    prefix: "D",
    name: "企业开办",
    slotCapacity: 6,
    items: [
      { itemCode: "GD-0301", itemName: "企业设立登记", bookable: true },
      { itemCode: "GD-0302", itemName: "食品经营许可", bookable: true },
    ],
    windows: ["8号窗口"],
  },
];

const TOWN_GROUP: CreateWindowGroupInput = {
  prefix: "A",
  name: "综合窗口",
  slotCapacity: 5,
  items: [
    { itemCode: "GD-1001", itemName: "城乡居民养老保险参保登记", bookable: true },
    { itemCode: "GD-1002", itemName: "最低生活保障申请", bookable: true },
    { itemCode: "GD-1003", itemName: "计划生育家庭奖励扶助", bookable: true },
  ],
  windows: ["1号窗口", "2号窗口"],
};

const VILLAGE_GROUP: CreateWindowGroupInput = {
  prefix: "A",
  name: "代办窗口",
  slotCapacity: 3,
  items: [
    { itemCode: "GD-2001", itemName: "居住证明代办", bookable: true },
    { itemCode: "GD-2002", itemName: "高龄津贴申领", bookable: true },
  ],
  windows: ["代办窗口"],
};

/**
 * Demo halls: the district centre (on 区政务服务中心), one hall per town/street and one service
 * station per village/community. Skipped when the tenant already has halls.
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
  let made = 0;
  const open = async (orgUnitId: string, name: string, groups: CreateWindowGroupInput[]) => {
    const hall = await createHall(ctx, { orgUnitId, name, address: name.replace(/政务服务中心|党群服务站/, "") });
    for (const g of groups) {
      await addWindowGroup(ctx, hall.id, g);
    }
    made += 1;
  };
  const centre = units.find((u) => u.name === "区政务服务中心");
  if (centre) {
    await open(centre.id, "花都区政务服务中心", DISTRICT_GROUPS);
  }
  for (const u of units.filter((x) => x.kind === "town" || x.kind === "street")) {
    await open(u.id, `${u.name}政务服务中心`, [TOWN_GROUP]);
  }
  // Village names repeat across towns (two 杨二村): the station carries its town's name too.
  const byId = new Map(units.map((u) => [u.id, u]));
  for (const u of units.filter((x) => x.kind === "village" || x.kind === "community")) {
    const town = u.parentId ? byId.get(u.parentId)?.name : undefined;
    await open(u.id, `${town ?? ""}${u.name.replace(/委员会$|委会$/, "")}党群服务站`, [VILLAGE_GROUP]);
  }
  return made;
}
