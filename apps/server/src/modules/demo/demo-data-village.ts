import { CONDITIONAL, fields, type ResourceSpec, SHARED } from "./demo-data-fields.ts";

/*
 * The 20 categories of 城中村治理 core data the 2022 report says were catalogued: every town and
 * street provides its own resource of each category under the same name (subclass 城中村治理), so
 * the district reads one category across towns and a town shares its own with its villages.
 */
const VILLAGE_PLACE = ["村居:C50:rq", "经济社:C50", "详细地址:C200"];

type Category = [name: string, cycle: ResourceSpec["updateCycle"], personal: boolean, rows: number, specs: string[]];

const CATEGORIES: Category[] = [
  ["城中村出租屋信息", "weekly", true, 4_000, ["房屋编码:C32:k", ...VILLAGE_PLACE, "房东姓名:C50:p", "出租间数:N4"]],
  [
    "城中村流动人口信息",
    "weekly",
    true,
    9_000,
    ["公民身份号码:C18:kp", "姓名:C50:pr", ...VILLAGE_PLACE, "居住事由:C20|务工、经商、投靠亲友、其他", "登记日期:D10"],
  ],
  [
    "城中村户籍人口信息",
    "monthly",
    true,
    6_000,
    ["公民身份号码:C18:kp", "姓名:C50:pr", ...VILLAGE_PLACE, "户号:C20:p"],
  ],
  [
    "城中村房屋建筑信息",
    "monthly",
    false,
    3_000,
    ["楼栋编码:C32:k", ...VILLAGE_PLACE, "建筑层数:N3", "建筑面积:N10", "房屋用途:C20|自住、出租、商用、厂房、混合"],
  ],
  [
    "城中村消防安全隐患",
    "weekly",
    false,
    600,
    [
      "隐患编号:C32:k",
      ...VILLAGE_PLACE,
      "隐患类型:C20|电动车违规充电、通道堵塞、私拉乱接、消防设施缺失",
      "整改状态:C10|待整改、已整改",
    ],
  ],
  [
    "城中村三线整治台账",
    "monthly",
    false,
    500,
    ["整治点编号:C32:k", ...VILLAGE_PLACE, "线路类型:C10|电力、通信、广电", "整治进度:C10|未开工、施工中、已完成"],
  ],
  [
    "城中村违法建设台账",
    "weekly",
    false,
    300,
    ["违建编号:C32:k", ...VILLAGE_PLACE, "违建面积:N10", "处置状态:C10|已拆除、整改中、待处置"],
  ],
  [
    "村集体经济组织信息",
    "yearly",
    false,
    50,
    ["组织代码:C18:k", "组织名称:C100:r", "村居:C50", "成员数:N6", "年度收入:N14"],
  ],
  [
    "村集体资产（物业）信息",
    "quarterly",
    false,
    400,
    ["资产编号:C32:k", ...VILLAGE_PLACE, "资产类型:C20|厂房、铺位、土地、办公用房", "出租状态:C10|已出租、空置"],
  ],
  ["门前三包责任单位", "monthly", false, 800, ["责任单位:C200:k", ...VILLAGE_PLACE, "责任人:C50:p", "签订日期:D10"]],
  [
    "小散工程与零星作业",
    "weekly",
    false,
    200,
    ["工程编号:C32:k", ...VILLAGE_PLACE, "施工单位:C200", "作业类型:C20|装修、拆除、管线、其他", "备案日期:D10"],
  ],
  [
    "城中村视频监控点位",
    "quarterly",
    false,
    300,
    ["点位编号:C32:k", ...VILLAGE_PLACE, "经度:N12", "纬度:N12", "建设单位:C100"],
  ],
  [
    "网格划分与网格员信息",
    "monthly",
    true,
    100,
    ["网格编码:C20:k", "村居:C50:r", "网格员姓名:C50:p", "网格员电话:C20:p", "管辖户数:N6"],
  ],
  [
    "重点人员服务管理信息",
    "weekly",
    true,
    150,
    ["公民身份号码:C18:kp", "姓名:C50:pr", "村居:C50", "人员类别:C20", "帮扶措施:C500"],
  ],
  [
    "独居老人与困难群众",
    "monthly",
    true,
    200,
    ["公民身份号码:C18:kp", "姓名:C50:pr", "村居:C50", "困难类型:C20|独居老人、低保、特困、残疾", "联系人电话:C20:p"],
  ],
  ["“四标四实”标准地址", "weekly", false, 5_000, ["标准地址编码:C32:k", ...VILLAGE_PLACE, "门牌号:C20", "楼栋号:C20"]],
  [
    "城中村个体工商户",
    "monthly",
    false,
    1_200,
    ["统一社会信用代码:C18:k", "名称:C200:r", ...VILLAGE_PLACE, "经营者:C50:p", "行业:C50"],
  ],
  [
    "垃圾收运点与环境卫生",
    "monthly",
    false,
    100,
    ["收运点编号:C20:k", ...VILLAGE_PLACE, "收运频次:C20", "保洁责任人:C50:p"],
  ],
  [
    "河涌水系与排水设施",
    "quarterly",
    false,
    150,
    ["设施编号:C32:k", ...VILLAGE_PLACE, "设施类型:C20|河涌、排水管、截污井、泵站", "管护单位:C100"],
  ],
  [
    "村（居）民小组与两委成员",
    "yearly",
    true,
    60,
    ["小组编码:C20:k", "村居:C50:r", "组长姓名:C50:p", "两委成员:C500:p", "户数:N6"],
  ],
];

/** One town's resources of the 20 categories. */
export function villageSpecs(townName: string): ResourceSpec[] {
  return CATEGORIES.map(([name, updateCycle, personal, batchRows, specs], i) => ({
    name,
    provider: { kind: "town" },
    classification: "thematic",
    subclass: "城中村治理",
    item: `08${String(i + 1).padStart(2, "0")}`,
    format: "table",
    sharing: personal
      ? {
          ...CONDITIONAL,
          shareCondition: "含个人信息：仅向区级职能部门及本镇街网格、村居两委共享，用于城中村治理，个人信息脱敏提供",
        }
      : SHARED,
    updateCycle,
    summary: `${townName}“${name}”：城中村治理核心数据，镇街归集、村居采集，按权限分级使用`,
    fields: fields(...specs, "采集时间:T19:r"),
    batchRows,
  }));
}

export const VILLAGE_CATEGORY_NAMES: readonly string[] = CATEGORIES.map((c) => c[0]);
