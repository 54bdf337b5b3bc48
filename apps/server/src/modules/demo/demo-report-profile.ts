import type { FactInput } from "../../../../../packages/contracts/src/budget.ts";

/** Where the seed states a figure: its self-evaluation report, section by section. */
const SEED = "《2022 年度广州市花都区政务服务数据管理局部门整体支出绩效自评报告》";
const at = (where: string) => `${SEED}${where}`;

type DemoFact = Omit<FactInput, "evidence">;
const f = (key: string, label: string, value: number, unit: string, where: string): DemoFact => ({
  key,
  label,
  value,
  unit,
  sourceNote: at(where),
});

/**
 * The facts of the Huadu 2022 report that no module records (network, security, the website, the
 * inspection, the building…), registered as 其他绩效事实 with their source, each with a short
 * evidence note, as an officer would enter them. The staffing figures are not in the seed: they are
 * sample values, and their note says so.
 */
export const HUADU_2022_FACTS: DemoFact[] = [
  {
    key: "staffAuthorized",
    label: "核定编制",
    value: 46,
    unit: "名",
    sourceNote: "演示示例值：自评报告未载明编制数，实际以编办核定的“三定”方案为准",
  },
  {
    key: "staffActual",
    label: "年末实有人员",
    value: 42,
    unit: "名",
    sourceNote: "演示示例值：自评报告未载明实有人数，实际以年末人员统计为准",
  },
  f("cityReclaimedPowers", "市级收回行政权力事项", 24, "项", "一（二）（3）：广州市人民政府令第 188 号"),
  f("backboneGbps", "政务外网骨干网带宽", 40, "G", "一（二）（4）一是"),
  f("internetExits", "统一政务外网覆盖互联网出口", 758, "个", "一（二）（4）一是"),
  f("networkSavingsWan", "统一出口节约建设经费（以上）", 1100, "万元", "一（二）（4）一是"),
  f("leaseSavingsWan", "每年节省网络租赁费（以上）", 200, "万元", "一（二）（4）一是"),
  f("attacksBlockedWan", "安全态势感知平台捕获攻击（万次）", 45.19, "万次", "一（二）（4）一是，2022 年 1—12 月"),
  f("videoMeetings", "融合通信平台保障视频会议", 1003, "场", "一（二）（4）一是"),
  f("townsVisited", "城中村调研走访镇", 7, "个", "一（二）（4）二是"),
  f("villagesVisited", "城中村调研走访城中村", 5, "个", "一（二）（4）二是"),
  f("villageModelKm2", "城中村三维地图建模面积", 13.61, "平方公里", "一（二）（4）二是：狮岭镇联合村、合成村"),
  f("aiGridDailyEvents", "AI 智慧网格员每天报送网格事件（超过）", 100, "个", "一（二）（4）三是"),
  f("covidRecordsYi", "累计处理核酸人员数据（约，亿人次）", 4, "亿人次", "一（二）（4）六是"),
  f("releasedWan", "下发解除隔离人员名单（约，万人次）", 5, "万人次", "一（二）（4）六是"),
  f("pinkZoneWan", "下发粉区人员名单（约，万人次）", 3, "万人次", "一（二）（4）六是"),
  f("redZoneWan", "下发红区人员名单（万余人次）", 40, "万人次", "一（二）（4）六是"),
  f("mapKm2", "三维地图覆盖主城区（多，平方公里）", 100, "平方公里", "一（二）（4）七是"),
  f("mapLayers", "三维地图叠加图层（近）", 200, "个", "一（二）（4）七是"),
  f("buildingsWan", "可展示房屋（万栋）", 35, "万栋", "一（二）（4）七是"),
  f("doorplatesWan", "可展示门牌（万）", 31, "万", "一（二）（4）七是"),
  f("camerasWan", "可调用摄像头（万多路）", 4, "万路", "一（二）（4）七是"),
  f("inspectionProblemsFound", "专项巡视整改检查发现问题", 40, "个", "一（二）（5）三是：省委第五巡视组反馈意见整改"),
  f("inspectionProblemsFixed", "专项巡视整改完成整改", 40, "个", "一（二）（5）三是"),
  f("aiInspectors", "政务服务 AI 巡查员", 147, "位", "一（二）（5）三是"),
  f("fullTimeInspectors", "专职巡查督导人员", 3, "人", "一（二）（5）三是"),
  f("websitePosts", "政府网站发布政府信息", 10798, "条", "一（二）（6），2022 年 1—10 月"),
  f("websiteMessages", "政府网站处理网民留言", 8, "条", "一（二）（6），2022 年 1—10 月"),
  f("websiteSolicitations", "政府网站开展民意征集", 25, "次", "一（二）（6），2022 年 1—10 月"),
  f("websiteReported", "上报网站信息", 208, "条", "一（二）（6），2022 年 1—10 月"),
  f("websiteMaintenance", "为各部门、各镇街提供维护服务", 1728, "次", "一（二）（6），2022 年 1—10 月"),
  f("websiteIssues", "处理网站技术问题", 369, "个", "一（二）（6），2022 年 1—10 月"),
  f("newMediaKept", "保留政务新媒体备案账号", 12, "个", "一（二）（6）"),
  f("newMediaClosed", "注销关停政务新媒体账号", 8, "个", "一（二）（6）"),
  f("suppliesTicketHours", "物资及教育类涉疫工单办结时限", 6, "小时", "一（二）（7）二是"),
  f("airportReplyHours", "涉机场工单初步答复时限", 1, "小时", "一（二）（7）二是"),
  f("warmLineHours", "区级暖心热线服务时长", 24, "小时", "一（二）（7）二是"),
  f("warmLineCalls", "暖心热线接电（截至 10 月 31 日）", 7714, "个", "一（二）（7）二是"),
  f("buildingBudgetWan", "政务服务大楼经费项目年度预算", 2072, "万元", "三（一）"),
  f("hotlineContractStaff", "12345 花都分中心编外聘用人员", 20, "人", "三（二）"),
  f("hotlineGovEmployees", "其中：政府雇员", 4, "人", "三（二）"),
  f("hotlineOtherStaff", "其中：其他聘员", 16, "人", "三（二）"),
  f("plazaAreaM2", "下沉广场面积（约）", 655, "平方米", "三（三）"),
  f("parkingSpaces", "D、F 地块负一、负二层车位", 1308, "泊", "三（三）"),
  f("standardSpaces", "其中：标准车位", 1287, "泊", "三（三）"),
  f("accessibleSpaces", "其中：无障碍车位", 21, "泊", "三（三）"),
];

/** A small evidence note for a fact: where the officer took it from (UTF-8 text). */
export function evidenceOf(fact: DemoFact): NonNullable<FactInput["evidence"]> {
  const text = `佐证说明\n事项：${fact.label}\n数值：${fact.value}${fact.unit}\n来源：${fact.sourceNote}\n`;
  return { name: `${fact.key}.txt`, type: "text/plain; charset=utf-8", base64: Buffer.from(text).toString("base64") };
}

/**
 * The bureau's own texts in its report (kept per tenant and year as edited paragraphs): its
 * duties, and the officer's account of the year's problems, their numbers in registered facts.
 */
export const HUADU_2022_PARAGRAPHS: ReadonlyArray<[key: string, text: string]> = [
  [
    "overview.functions",
    "主要职能。贯彻执行国家、省、市有关政务服务和政务信息化管理相关的法律、法规、规章制度并组织实施，拟订并组织实施政务服务和政务信息化发展战略、中长期规划和年度计划；负责统筹推进全区行政审批制度改革、“放管服”改革、审批服务便民化相关工作，负责全区政务服务事项目录管理和标准化建设；负责统筹推进全区政务服务体系建设，统筹管理区政务服务大厅工作，负责区城市社区网格化服务的协调、指导、督办、考核等工作，牵头负责区 12345 政府服务热线的建设管理工作；负责统筹全区政务信息化建设和管理工作，统筹推进“数字政府”改革建设和电子政务标准化工作，负责全区政府网站、政务新媒体发展的统筹规划和安全管理；组织协调推进政务数据资源共享和开放工作；统筹全区电子政务基础设施、信息系统、数据资源等安全保障工作；负责全区公共资源交易管理相关工作，负责全区网上中介服务超市的管理工作；负责区门户网站内容建设及内容运维工作；完成区委、区政府和上级相关部门交办的其他任务。",
  ],
  [
    "problems.officer1",
    "确保大楼经费保障。政务中心大楼已正式投放使用并对市民开放，市民广场整体停车场和下沉广场暂由我局管理。结合实际情况，拟增加市民广场整体停车场和下沉广场管理费用，智能楼宇、网络管理、供电、空调、电梯等系统维保费用，合计政务服务大楼经费项目年度预算 {{fact.buildingBudgetWan}} 万元，急需得到区财政支持。",
  ],
  [
    "problems.officer2",
    "明确 12345 政府服务热线花都分中心实体化。花都分中心承担 12345 政府服务热线中心转办热线工单的分析、转办工作，但一直没有实体化，仅以挂牌方式开展工作，配备编外聘用人员 {{fact.hotlineContractStaff}} 人（其中：政府雇员 {{fact.hotlineGovEmployees}} 人，其他聘员 {{fact.hotlineOtherStaff}} 人）。随着业务增长，急需机构实体化、配备事业编制。",
  ],
  [
    "problems.officer3",
    "明确市民广场及其地下停车场管理部门。市民广场中心负一层的下沉广场面积约为 {{fact.plazaAreaM2}} 平方米，市民广场 D 地块、F 地块负一、负二层共计车位 {{fact.parkingSpaces}} 泊（标准车位 {{fact.standardSpaces}} 泊；无障碍车位 {{fact.accessibleSpaces}} 泊）。由于涉及用户单位比较多，建议整体建成移交后明确其管理部门。",
  ],
  [
    "problems.officer4",
    "大厅人员管理。为规范管理政务服务大厅，加强大厅人员管理，进驻编外人员由我局统一优化、雇员化管理，有利于推进行政审批改革，精简人员，提升政务服务水平。",
  ],
];
