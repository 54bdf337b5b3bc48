import type { ResourceField } from "../../../../../packages/contracts/src/data-sharing.ts";
import type { DataRow } from "../../../../../packages/contracts/src/data-sharing-batches.ts";
import type { Db } from "../../platform/db/client.ts";
import type { Rng } from "../catalog/demo-catalog.ts";
import { checkRows, facetOf, queryFieldOf, rowsChecksum } from "../data-sharing/batch-rows.ts";
import { dataBatches, dataRows } from "../data-sharing/data-sharing.schema.ts";
import { demoUuid, type LoadedResource } from "./demo-data-catalog.ts";

/*
 * The 无条件开放 resources carry a few stored rows, so the open-data portal (/public/data) has files
 * to download. Each arrives as one pushed batch checked against its 信息项 like any other: the rows
 * the demo spoils on purpose (a required name left empty) are quarantined, the rest stored.
 */

const NAMES: Record<string, (town: string, i: number) => string> = {
  生活垃圾收集点: (t, i) => `${t}${i + 1}号垃圾分类收集点`,
  中小学校名录: (t, i) => `花都区${t}${["中心小学", "第一中学", "实验学校", "第二小学"][i % 4]}`,
  医疗卫生机构名录: (t, i) => `${t}${["社区卫生服务中心", "卫生院", "村卫生站", "门诊部"][i % 4]}`,
  公交站点信息: (t, i) => `${t}${["公交总站", "市场站", "政府站", "文化广场站"][i % 4]}`,
  养老服务机构名录: (t, i) => `${t}${["颐康中心", "长者饭堂", "敬老院"][i % 3]}`,
  A级旅游景区: (_t, i) =>
    ["芙蓉嶂旅游区", "九龙湖度假区", "圆玄道观", "花都湖公园", "盘古王公园", "香草世界"][i % 6] ?? "",
  医保定点医药机构: (t, i) => `${t}${["大药房", "社区卫生服务中心", "门诊部"][i % 3]}`,
  人民调解组织: (t, i) => `${t}${["", "联合", "社区"][Math.floor(i / 10) % 3]}人民调解委员会`,
};
const TEXT: Record<string, readonly string[]> = {
  指标名称: ["地区生产总值", "规模以上工业增加值", "社会消费品零售总额", "固定资产投资", "一般公共预算收入"],
  树种: ["榕树", "樟树", "木棉", "龙眼", "荔枝", "朴树"],
  途经线路: ["花都2路、花都9路", "花都15路", "花都6路、花都22路", "9路（广州）"],
  开放时间: ["07:00-09:00、18:00-21:00", "全天"],
  联系电话: ["020-86881234", "020-36901122", "020-86830456"],
};

function cell(f: ResourceField, resource: string, townName: string, i: number, rng: Rng): string | number | boolean {
  const town = townName.replace(/街道$|镇$/, "");
  const named = NAMES[resource];
  if (named && /名称$/.test(f.name)) {
    return named(town, i);
  }
  if (f.codeList) {
    return f.codeList[i % f.codeList.length] ?? "";
  }
  const list = TEXT[f.name];
  if (list) {
    return list[i % list.length] ?? "";
  }
  if (f.name === "统计月份") {
    return `2022${String((i % 12) + 1).padStart(2, "0")}`;
  }
  if (f.key) {
    return `HD${String(i + 1).padStart(Math.min(6, f.length - 2), "0")}`;
  }
  if (f.name === "镇街") {
    return townName;
  }
  if (/地址/.test(f.name)) {
    return `广州市花都区${town}${["迎宾大道", "公益路", "凤凰路", "云山大道", "商业大道"][i % 5]}${10 + i * 3}号`;
  }
  if (f.required && f.type === "C") {
    return `${town}${resource}${i + 1}`;
  }
  switch (f.type) {
    case "N":
      return f.name === "经度"
        ? Number((113.1 + rng() * 0.3).toFixed(6))
        : f.name === "纬度"
          ? Number((23.35 + rng() * 0.25).toFixed(6))
          : Math.floor(10 + rng() * 990);
    case "D":
      return `2022-${String(1 + Math.floor(rng() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rng() * 28)).padStart(2, "0")}`;
    case "T":
      return "2022-12-30T17:00:00+08:00";
    case "L":
      return rng() < 0.5;
    default:
      return f.length >= 20 ? "按规定执行" : "—";
  }
}

/** Stored rows and their batch for every 无条件开放 resource; returns the rows accepted (2022). */
export async function insertOpenRows(
  db: Db,
  tenantId: string,
  resources: readonly LoadedResource[],
  towns: readonly string[],
  seed: string,
  rng: Rng,
): Promise<number> {
  let accepted = 0;
  for (const r of resources.filter((x) => x.spec.sharing.openType === "unconditional")) {
    const n = 12 + Math.floor(rng() * 10);
    const rows: DataRow[] = [...Array(n).keys()].map((i) => {
      const town = towns[i % towns.length] ?? "";
      return Object.fromEntries(r.spec.fields.map((f) => [f.name, cell(f, r.spec.name, town, i, rng)]));
    });
    // One row in three batches arrives without its name: the check quarantines it, as it would live.
    const required = r.spec.fields.find((f) => f.required && !f.key);
    if (required && rng() < 0.34) {
      rows.push({ ...rows[0], [required.name]: "" });
    }
    const { good, bad } = checkRows(r.spec.fields, rows);
    const query = queryFieldOf(r.spec.fields);
    const batchId = demoUuid(`${seed}:data_batch:${r.code}:open`);
    await db.insert(dataBatches).values({
      id: batchId,
      tenantId,
      resourceId: r.id,
      batchId: "OPEN-2022-12",
      mode: "quarantine",
      received: rows.length,
      accepted: good.length,
      quarantined: bad.length,
      checksum: rowsChecksum(rows),
      quarantine: bad,
      receivedAt: new Date("2022-12-30T10:00:00+08:00"),
      createdBy: "演示数据",
    });
    await db.insert(dataRows).values(
      good.map((g) => ({
        tenantId,
        resourceId: r.id,
        key: g.key,
        data: g.data,
        batchId,
        facet: facetOf(query, g.data),
      })),
    );
    accepted += good.length;
  }
  return accepted;
}
