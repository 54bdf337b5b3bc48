import { WORK_PARAGRAPHS } from "./template-work.ts";

/**
 * The built-in narrative of the 部门整体支出绩效自评报告, in the seed's structure. Text is
 * editable per tenant and year; every number is a {{figure}} computed at build time (or a fact
 * registered with its source). A paragraph whose figures a module cannot give (no data yet) is left
 * out, with a warning; a paragraph whose text is empty (a slot for the tenant's own text) is left out
 * silently.
 */
export type TemplateParagraph = { key: string; section: SectionKey; label: string; text: string };

export const SECTIONS = [
  { key: "overview", heading: "（一）部门概况", parent: "一、基本情况" },
  { key: "work", heading: "（二）年度总体工作和重点工作任务", parent: "一、基本情况" },
  { key: "finance", heading: "（三）部门整体收支情况", parent: "一、基本情况" },
  { key: "management", heading: "（四）部门整体绩效管理情况", parent: "一、基本情况" },
  { key: "conclusion", heading: "（一）自评结论综述", parent: "二、综合评价分析" },
  { key: "scores", heading: "（二）各项工作任务绩效目标完成情况分析", parent: "二、综合评价分析" },
  { key: "projects", heading: "（三）各重点任务项目支出完成情况分析", parent: "二、综合评价分析" },
  { key: "results", heading: "（四）主要工作成效", parent: "二、综合评价分析" },
  { key: "problems", heading: null, parent: "三、存在的主要问题" },
  { key: "measures", heading: null, parent: "四、下一步改进措施" },
] as const;
export type SectionKey = (typeof SECTIONS)[number]["key"];

/** Slots for the officer's own account of the year's problems, beside those the data shows. */
const OFFICER_PROBLEMS = [1, 2, 3, 4].map(
  (n): TemplateParagraph => ({ key: `problems.officer${n}`, section: "problems", label: `存在问题（${n}）`, text: "" }),
);

export const TEMPLATE: TemplateParagraph[] = [
  {
    key: "overview.functions",
    section: "overview",
    label: "主要职能",
    text: "主要职能。负责统筹推进全区行政审批制度改革和政务服务体系建设，负责政务服务事项目录管理和标准化建设，统筹管理区政务服务大厅工作；统筹全区政务信息化建设和管理工作，组织协调推进政务数据资源共享和开放；负责区城市社区网格化服务的协调、指导、督办和考核；牵头负责区 12345 政府服务热线的建设管理工作；完成上级交办的其他任务。",
  },
  {
    key: "overview.units",
    section: "overview",
    label: "机构设置",
    text: "部门机构设置情况。{{org}}的内设机构 {{org.internalUnits}} 个，分别是{{units}}。",
  },
  {
    key: "overview.staffing",
    section: "overview",
    label: "人员编制",
    text: "人员编制情况。本部门核定编制 {{fact.staffAuthorized}} 名，年末实有人员 {{fact.staffActual}} 名。",
  },
  ...WORK_PARAGRAPHS,
  {
    key: "finance.summary",
    section: "finance",
    label: "收支情况",
    text: "{{org}} {{year}} 年度总收入 {{budget.revenueWan}} 万元，其中财政拨款收入 {{budget.fiscalRevenueWan}} 万元；{{year}} 年度总支出 {{budget.expenditureWan}} 万元，其中基本支出 {{budget.basicExpenditureWan}} 万元，项目支出 {{budget.projectExpenditureWan}} 万元。",
  },
  {
    key: "management.summary",
    section: "management",
    label: "绩效管理情况",
    text: "根据市、区绩效管理工作的有关规定，我部门结合工作重点和实际情况制定了绩效目标和指标，并以此作为开展绩效目标和指标跟踪评价的依据，积极有效地开展绩效自评管理工作，进一步规范了财政资金的管理。",
  },
  {
    key: "conclusion.summary",
    section: "conclusion",
    label: "自评结论综述",
    text: "根据财政预算绩效管理要求，我部门组织对 {{year}} 年度一般公共预算项目支出开展绩效自评，其中一级项目 {{budget.level1Projects}} 个，二级项目 {{budget.projects}} 个，共涉及资金 {{budget.projectExpenditureWan}} 万元；组织对 {{year}} 年度 {{budget.governmentFundProjects}} 个政府性基金预算项目开展绩效自评，共涉及资金 {{budget.governmentFundWan}} 万元；组织部门整体支出绩效自评，涉及支出 {{budget.expenditureWan}} 万元。",
  },
  {
    key: "results.catalog",
    section: "results",
    label: "一网通办",
    text: "一网通办，融政务便民利企。我区 {{catalog.onApplicationItems}} 个依申请类政务服务事项有 {{catalog.materialsReducedItems}} 个已落实“减材料”优化，落实率 {{catalog.materialsReducedRate}}；{{catalog.materials}} 个办理材料有 {{catalog.exemptMaterials}} 个材料已实现“免提交”，材料免提交比例 {{catalog.exemptRate}}。",
  },
  {
    key: "results.hall",
    section: "results",
    label: "统一预约",
    text: "以“统一预约”为切入点，推进政务服务线上线下深度融合。全年共接待服务人数 {{hall.visitors}} 人，受理业务量 {{hall.serviceCases}} 宗。镇（街）政务服务大厅已上线 {{appointments.bookableItems.town}} 个可预约事项，村（社区）党群服务中心已上线 {{appointments.bookableItems.village}} 个可预约事项。",
  },
  {
    key: "results.hotline",
    section: "results",
    label: "热线成效",
    text: "一线连心，全力为民解烦忧。全年受理转办工单 {{hotline.tickets}} 宗，按时完成率 {{hotline.onTimeRate}}，收到群众表扬 {{hotline.praises}} 宗。",
  },
  ...OFFICER_PROBLEMS,
  {
    key: "measures.text",
    section: "measures",
    label: "下一步改进措施",
    text: "进一步加强预算管理，注重预算的前瞻性、科学性和合理性，提高资金执行率，确保相关项目资金在新的一年有效落实。",
  },
];

export const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.\u4e00-\u9fa5-]+)\s*\}\}/g;

/** The figure keys a text refers to. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? "");
}
