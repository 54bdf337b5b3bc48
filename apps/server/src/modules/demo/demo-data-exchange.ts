import type { Db } from "../../platform/db/client.ts";
import type { Rng } from "../catalog/demo-catalog.ts";
import { dataGrants, dataRequests } from "../data-sharing/data-sharing.schema.ts";
import { type ExchangeEntry, logExchangeBatch } from "../data-sharing/exchange-log.service.ts";
import { type DemoUnits, demoUuid, type LoadedResource, type Unit } from "./demo-data-catalog.ts";
import type { UsedGrant } from "./demo-data-keys.ts";

/*
 * 2022's 共享交换: the towns and departments ask for the 基础库, the 专题库 and the towns' 城中村
 * data (a few 有条件 requests still pending or refused), and the exchange log records the year of
 * traffic — weekly 库表交换 of whole tables and everyday interface calls, some refused — whose served
 * rows add up to the report's "向相关职能部门及各镇街共享交换超过 10 亿条数据".
 */

/** The report's figure: 1,000,000,000 < x < 1,050,000,000 reads "超过 10 亿". */
export const SHARED_2022 = { min: 1_000_000_000, max: 1_050_000_000 } as const;

type Ask = { resource: LoadedResource; consumer: Unit; outcome: "granted" | "pending" | "refused"; day: string };

function asks(resources: readonly LoadedResource[], units: DemoUnits, rng: Rng): Ask[] {
  const named = (name: string) => resources.find((r) => r.spec.name === name);
  const day = () => `2022-01-${String(5 + Math.floor(rng() * 20)).padStart(2, "0")}`;
  const out: Ask[] = [];
  const ask = (name: string, consumer: Unit, outcome: Ask["outcome"] = "granted") => {
    const resource = named(name);
    if (resource && resource.unit.id !== consumer.id) {
      out.push({ resource, consumer, outcome, day: day() });
    }
  };
  for (const town of units.towns) {
    for (const name of ["自然人基础信息库", "法人基础信息库", "地址基础信息库", "“穗康”专题库·健康码与核酸检测"]) {
      ask(name, town);
    }
    ask("社保专题库·参保人员信息", town, rng() < 0.15 ? "pending" : "granted");
  }
  const dept = (key: string) => units.unitOf(key);
  ask("自然人基础信息库", dept("区人力资源和社会保障局"));
  ask("自然人基础信息库", dept("区民政局"));
  ask("自然人基础信息库", dept("区卫生健康局"));
  ask("自然人基础信息库", dept("区统计局"), "pending");
  ask("自然人基础信息库", dept("区文化广电旅游体育局"), "refused");
  ask("法人基础信息库", dept("区市场监督管理局"));
  ask("法人基础信息库", dept("区发展和改革局"));
  ask("公共信用信息", dept("区市场监督管理局"));
  ask("社保专题库·参保人员信息", dept("区科学技术局"), "pending");
  ask("“穗康”专题库·健康码与核酸检测", dept("区商务局"), "refused");
  ask("网格事件专题库", dept("区城市管理和综合执法局"));
  // The centre verifies every 免提交 material against its source while a case is handled.
  for (const r of resources.filter((x) => x.spec.format === "api")) {
    ask(r.spec.name, units.unitOf("区政务服务中心"));
  }
  // The grid centre and the departments read the towns' 城中村 data.
  const grid = units.unitOf("区城市社区网格化服务管理中心");
  for (const r of resources.filter((x) => x.spec.subclass === "城中村治理")) {
    if (/出租屋|流动人口|四标四实/.test(r.spec.name)) {
      out.push({ resource: r, consumer: grid, outcome: "granted", day: day() });
    }
    if (/违法建设/.test(r.spec.name)) {
      out.push({ resource: r, consumer: dept("区城市管理和综合执法局"), outcome: "granted", day: day() });
    }
  }
  return out;
}

const at = (day: string, hour: number, minute = 0) =>
  new Date(`${day}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}:00+08:00`);
const nextDay = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Requests, grants and the 2022 exchange log; returns the counts and the year's served rows. */
export async function insertExchange(
  db: Db,
  tenantId: string,
  resources: readonly LoadedResource[],
  units: DemoUnits,
  seed: string,
  rng: Rng,
) {
  const list = asks(resources, units, rng);
  const requests = list.map((a, i) => {
    const conditional = a.resource.spec.sharing.shareType === "conditional";
    // The consumer asks for the fields it needs: the non-personal ones and the key.
    const fields = a.resource.spec.fields.filter((f) => f.key || !f.personal).map((f) => f.name);
    const decided = a.outcome === "pending" ? null : at(nextDay(a.day, conditional ? 3 : 0), 16);
    return {
      ask: a,
      row: {
        id: demoUuid(`${seed}:data_request:${i}`),
        tenantId,
        resourceId: a.resource.id,
        consumerUnitId: a.consumer.id,
        consumerPath: a.consumer.path,
        providerPath: a.resource.unit.path,
        purpose:
          a.consumer.kind === "town" || a.consumer.kind === "street"
            ? "镇街城中村治理与疫情防控"
            : "履行法定职责的业务办理与核验",
        legalBasis: "《广东省政务数据资源共享管理办法（试行）》第十七条",
        fields,
        periodFrom: a.day,
        periodTo: "2027-12-31",
        status: a.outcome,
        dueAt: conditional ? at(nextDay(a.day, 7), 18) : null,
        decidedAt: decided,
        decidedBy: decided ? (conditional ? `${a.resource.unit.name}数据管理员` : "系统（无条件共享）") : null,
        decisionNote: a.outcome === "refused" ? "申请用途与本单位法定职责无直接关系，且未说明必要性，不予共享" : null,
        createdBy: `${a.consumer.name}数据管理员`,
        createdAt: at(a.day, 10),
      },
    };
  });
  await db.insert(dataRequests).values(requests.map((r) => r.row));
  const grants = requests
    .filter((r) => r.ask.outcome === "granted")
    .map(({ ask, row }) => ({
      id: demoUuid(`${seed}:data_grant:${row.id}`),
      tenantId,
      requestId: row.id,
      resourceId: row.resourceId,
      consumerUnitId: row.consumerUnitId,
      consumerPath: row.consumerPath,
      providerPath: row.providerPath,
      fields: row.fields,
      personal: false,
      conditions: ask.resource.spec.sharing.shareType === "conditional" ? "个人信息脱敏使用，不得向第三方提供" : "",
      validFrom: (row.decidedAt ?? at(ask.day, 10)).toISOString().slice(0, 10),
      validTo: "2027-12-31",
      status: "active",
      createdAt: row.decidedAt ?? at(ask.day, 10),
      ask,
    }));
  await db.insert(dataGrants).values(grants.map(({ ask: _a, ...g }) => g));

  const entries: ExchangeEntry[] = [];
  const base = (g: (typeof grants)[number], when: Date, k: number) => ({
    tenantId,
    at: when,
    consumerUnitId: g.consumerUnitId,
    consumerPath: g.consumerPath,
    providerPath: g.providerPath,
    grantId: g.id,
    resourceId: g.resourceId,
    resourceCode: g.ask.resource.code,
    requestId: `demo-xchg-${g.ask.resource.code}-${k}`,
  });
  // Weekly 库表交换 of the tables, on Tuesday nights; the rows are scaled to the year's total below.
  const bulk: Array<{ entry: ExchangeEntry; raw: number }> = [];
  for (const g of grants.filter((x) => x.ask.resource.spec.format === "table")) {
    for (let day = nextDay(g.validFrom, 1), k = 0; day < "2023-01-01"; day = nextDay(day, 1)) {
      if (new Date(`${day}T00:00:00Z`).getUTCDay() !== 2) {
        continue;
      }
      k += 1;
      const entry = { ...base(g, at(day, 2, Math.floor(rng() * 50)), k), fields: g.fields, filter: {} };
      bulk.push({
        entry: { ...entry, rowsReturned: 0, outcome: "served", reason: null },
        raw: g.ask.resource.spec.batchRows * (0.8 + 0.4 * rng()),
      });
    }
  }
  // Interface calls: the centre's 免提交 checks (one row each), and now and then a refusal.
  const calls: ExchangeEntry[] = [];
  for (const g of grants.filter((x) => x.ask.resource.spec.format === "api")) {
    const key = g.ask.resource.spec.fields.find((f) => f.key)?.name ?? "";
    for (let k = 0; k < 80; k++) {
      const day = nextDay("2022-01-04", Math.floor(rng() * 360));
      const refused = rng() < 0.04;
      const wanted = refused ? [...g.fields, "联系电话"] : g.fields;
      calls.push({
        ...base(g, at(day, 9 + Math.floor(rng() * 8), Math.floor(rng() * 60)), 10_000 + k),
        fields: wanted,
        filter: { [key]: "（已脱敏）" },
        rowsReturned: refused ? 0 : 1,
        outcome: refused ? "refused" : "served",
        reason: refused ? "信息项“联系电话”不在授权范围内" : null,
      });
    }
  }
  const servedByCalls = calls.reduce((s, c) => s + c.rowsReturned, 0);
  const target = SHARED_2022.min + 10_000_000 + Math.floor(rng() * 20_000_000) - servedByCalls;
  const rawSum = bulk.reduce((s, b) => s + b.raw, 0);
  const rows = bulk.map((b) => Math.max(1, Math.round((b.raw * target) / rawSum)));
  const biggest = rows.indexOf(Math.max(...rows));
  rows[biggest] = (rows[biggest] ?? 0) + target - rows.reduce((s, n) => s + n, 0);
  bulk.forEach((b, i) => {
    entries.push({ ...b.entry, rowsReturned: rows[i] ?? 0 });
  });
  entries.push(...calls);
  entries.sort((a, b) => a.at.getTime() - b.at.getTime() || a.requestId.localeCompare(b.requestId));
  await logExchangeBatch(db, tenantId, entries);
  const last = new Map<string, Date>();
  for (const e of entries) {
    if (e.grantId) {
      last.set(e.grantId, e.at);
    }
  }
  const used: UsedGrant[] = grants.flatMap((g) => {
    const lastUsed = last.get(g.id);
    return lastUsed
      ? [
          {
            id: g.id,
            consumerUnitId: g.consumerUnitId,
            consumerName: g.ask.consumer.name,
            resourceName: g.ask.resource.spec.name,
            createdAt: g.createdAt,
            lastUsed,
          },
        ]
      : [];
  });
  return {
    requests: requests.length,
    grants: grants.length,
    entries: entries.length,
    served: target + servedByCalls,
    used,
  };
}
