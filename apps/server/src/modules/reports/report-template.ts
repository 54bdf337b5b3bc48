/**
 * The built-in narrative of the 部门整体支出绩效自评报告, in the seed's structure. Text is
 * editable per tenant and year; every number is a {{figure}} computed at build time. A paragraph
 * whose figures a module cannot give (no data yet) is left out, with a warning.
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
    text: "部门机构设置情况。本部门内设机构和下属单位按“三定”方案设置，具体见部门决算公开材料。",
  },
  {
    key: "work.hotline",
    section: "work",
    label: "12345 热线",
    text: "一线连心，全力为民解烦忧。{{year}} 年 1 月至 12 月，区 12345 政务服务便民热线共受理市 12345 政务服务便民热线转办工单 {{hotline.tickets}} 宗，同比增长 {{hotline.yoyGrowth}}，按时完成率 {{hotline.onTimeRate}}，收到群众表扬 {{hotline.praises}} 宗。",
  },
  {
    key: "work.rectification",
    section: "work",
    label: "涉整改工单",
    text: "高质高效办理涉整改工单。专项期间共受理涉整改工单 {{campaign.rectification.tickets}} 宗，已办结 {{campaign.rectification.closed}} 宗，按时办结率 {{campaign.rectification.onTimeRate}}，满意率 {{campaign.rectification.satisfactionRate}}。",
  },
  {
    key: "work.badRatings",
    section: "work",
    label: "好差评",
    text: "以“好差评”为抓手，以评促改以评促优。形成差评工单流转、督促整改、调查核实、结果反馈全闭环处理机制，全年共受理差评工单 {{badRatings.tickets}} 宗，按时整改率 {{badRatings.onTimeRectificationRate}}。",
  },
  {
    key: "work.catalog",
    section: "work",
    label: "政务服务事项",
    text: "持续加大营商环境创新改革力度。针对高频事项和重点领域，共推出“一件事”主题套餐服务 {{catalog.bundles}} 个；对“容缺受理”事项和清单实行动态化管理，我区有 {{catalog.deferrableDepartments}} 个部门的 {{catalog.deferrableItems}} 个事项已纳入容缺受理；我区共发布“跨域通办”政务服务事项 {{catalog.crossRegionEntries}} 项；实现 {{catalog.policyBenefitItems}} 项“政策兑现”事项统一办理，已受理政策兑现业务 {{catalog.policyBenefitCases}} 宗。",
  },
  {
    key: "work.grid",
    section: "work",
    label: "网格与两代表一委员",
    text: "推一网协同，提效社会治理。AI 智慧网格员累计上报事件 {{gridEvents.aiReported}} 宗；“两代表一委员”累计上报事项 {{deputies.items}} 个，目前办结率 {{deputies.closedRate}}，群众满意率 {{deputies.satisfactionRate}}。",
  },
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
    text: "根据财政预算绩效管理要求，我部门组织对 {{year}} 年度一般公共预算项目支出开展绩效自评，其中一级项目 {{budget.level1Projects}} 个，二级项目 {{budget.projects}} 个，共涉及资金 {{budget.projectExpenditureWan}} 万元；组织部门整体支出绩效自评，涉及支出 {{budget.expenditureWan}} 万元。",
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
  {
    key: "problems.text",
    section: "problems",
    label: "存在的主要问题",
    text: "预算编制的前瞻性有待加强。部分项目年中调整，预算编制与实际需求的衔接仍需改进。",
  },
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
