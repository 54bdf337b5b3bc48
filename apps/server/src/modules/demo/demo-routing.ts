import { createHash } from "node:crypto";
import type { DISTRICT_DEPARTMENTS } from "../tenants/standard-units.ts";

type Department = (typeof DISTRICT_DEPARTMENTS)[number];

/**
 * Who handles a kind of problem: the district departments responsible for it (first = usual) and
 * whether the town/street of the address handles it itself (城管、环卫、网格 work is done locally).
 * Keyed by the subject titles of demo-texts.ts; dispatch in the generated history follows it, so
 * the routing suggestions learn real responsibilities.
 */
export type Route = { departments: readonly Department[]; town: boolean };

export const ROUTES: Record<string, Route> = {
  咨询新生儿入户办理流程: { departments: ["公安分局"], town: false },
  咨询灵活就业社保缴费: { departments: ["区人力资源和社会保障局", "税务局"], town: false },
  咨询营业执照变更: { departments: ["区市场监督管理局"], town: false },
  咨询核酸检测点开放时间: { departments: ["区卫生健康局"], town: true },
  咨询居住证办理: { departments: ["公安分局"], town: true },
  咨询医保异地就医备案: { departments: ["区医疗保障局"], town: false },
  路灯损坏不亮: { departments: ["区城市管理和综合执法局"], town: true },
  道路积水严重: { departments: ["区水务局", "区城市管理和综合执法局"], town: true },
  小区停水未通知: { departments: ["区水务局"], town: false },
  垃圾清运不及时: { departments: ["区城市管理和综合执法局"], town: true },
  井盖缺失存在隐患: { departments: ["区城市管理和综合执法局", "区水务局"], town: true },
  树木倒伏阻碍通行: { departments: ["区林业和园林局"], town: true },
  夜间施工噪音扰民: { departments: ["生态环境分局", "区住房和城乡建设局"], town: true },
  餐饮油烟扰民: { departments: ["生态环境分局", "区城市管理和综合执法局"], town: true },
  违章占道经营: { departments: ["区城市管理和综合执法局"], town: true },
  物业服务不到位: { departments: ["区住房和城乡建设局"], town: true },
  拖欠工资: { departments: ["区人力资源和社会保障局"], town: false },
  车辆乱停乱放: { departments: ["公安分局"], town: true },
  举报违法建设: { departments: ["区城市管理和综合执法局", "规划和自然资源分局"], town: true },
  举报无证经营: { departments: ["区市场监督管理局"], town: true },
  举报偷排污水: { departments: ["生态环境分局", "区水务局"], town: true },
  建议增设公交线路: { departments: ["区交通运输局"], town: false },
  建议增加充电桩: { departments: ["区发展和改革局", "供电局"], town: false },
  建议完善无障碍设施: { departments: ["区住房和城乡建设局", "区残疾人联合会"], town: false },
  "AI识别：占道经营": { departments: ["区城市管理和综合执法局"], town: true },
  "AI识别：垃圾满溢": { departments: ["区城市管理和综合执法局"], town: true },
  "AI识别：非机动车乱停放": { departments: ["公安分局"], town: true },
  "AI识别：积水": { departments: ["区水务局"], town: true },
  "代表建议：改善学校周边交通": { departments: ["公安分局", "区教育局"], town: false },
  "委员建议：加强农贸市场管理": { departments: ["区市场监督管理局"], town: true },
  "代表反映：村道破损": { departments: ["区交通运输局", "区农业农村局"], town: true },
  咨询督察交办问题整改进度: { departments: ["生态环境分局"], town: false },
  河涌黑臭整治后反弹: { departments: ["区水务局", "生态环境分局"], town: true },
  城中村消防通道堵塞: { departments: ["消防救援大队", "区城市管理和综合执法局"], town: true },
  工地扬尘污染未整改: { departments: ["区住房和城乡建设局", "生态环境分局"], town: true },
  工业园区废气异味: { departments: ["生态环境分局"], town: false },
  举报违建拆除后复建: { departments: ["区城市管理和综合执法局", "规划和自然资源分局"], town: true },
  举报养殖场污水直排: { departments: ["区农业农村局", "生态环境分局"], town: true },
  建议公开整改清单: { departments: ["生态环境分局"], town: false },
};

/**
 * The part of a department's short name its full org name always contains: 公安分局 is
 * 广州市公安局花都区分局, 区水务局 is 广州市花都区水务局 (see departmentFullName).
 */
export const nameFragment = (short: string) => short.replace(/^区/, "").replace(/分局$/, "局");

export type NamedUnit = { id: string; path: string; name: string };

/** The org units a subject goes to; empty when the tenant has none of them (renamed units). */
export function routeUnits(title: string, units: readonly NamedUnit[]): NamedUnit[] {
  const route = ROUTES[title];
  if (!route) {
    return [];
  }
  return route.departments.flatMap((d) => {
    const found = units.find((u) => u.name.includes(nameFragment(d)));
    return found ? [found] : [];
  });
}

/**
 * A unit's standing as a number in [0, 1) from its name and the seed: some units answer late or
 * see more redos and returns than others, as real ones do, and the same ones on every load.
 */
export function unitStanding(seed: string, name: string): number {
  return (
    Number.parseInt(createHash("sha256").update(`${seed}:standing:${name}`).digest("hex").slice(0, 8), 16) / 2 ** 32
  );
}
