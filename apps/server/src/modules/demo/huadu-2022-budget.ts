/**
 * Huadu's 2022 budget as its self-evaluation report lists it: the 25 level-2 projects (from the
 * seed's facts file, each executed in full) grouped under 4 level-1 projects (the report gives the
 * count, not the names: the names here are ours), and the totals the seed does not state.
 */
export const HUADU_2022_LEVEL1: ReadonlyArray<[code: string, name: string]> = [
  ["101", "政务服务运行保障"],
  ["102", "政务信息化建设与运维"],
  ["103", "城市运行管理与网格化服务"],
  ["104", "政务服务中心大楼建设"],
];

/**
 * The level-1 code of each of the seed's 25 projects, in the seed's order (its "no"); names and
 * amounts come from data/seed/huadu-2022-facts.json.
 */
export const HUADU_2022_PROJECT_PARENTS: ReadonlyArray<string> = [
  "102",
  "101",
  "101",
  "101",
  "101",
  "102",
  "103",
  "102",
  "103",
  "102",
  "102",
  "103",
  "102",
  "102",
  "103",
  "102",
  "101",
  "102",
  "102",
  "102",
  "101",
  "102",
  "102",
  "103",
  "104",
];

/**
 * Year totals the seed does not state, in 万元 (plausible); the stated 决算 totals come from
 * data/seed/huadu-2022-facts.json.
 */
export const HUADU_2022_TOTALS = {
  publicFundsBudgetWan: "186.40",
  publicFundsActualWan: "179.62",
  threePublicBudgetWan: "6.00",
  threePublicActualWan: "4.35",
  procurementPlanWan: "4100.00",
  procurementActualWan: "3986.51",
  fixedAssetsTotalWan: "5321.70",
  fixedAssetsInUseWan: "5321.70",
} as const;

/** Manual scores with the officer's reasons, as the seed report words them. */
export const HUADU_2022_MANUAL_SCORES: ReadonlyArray<[code: string, score: number, justification: string]> = [
  ["1.1.1", 2, "本部门所设立的整体绩效目标依据充分，符合客观实际"],
  ["1.1.2", 3, "本部门使用《广州市市级财政专项资金管理办法》的资金管理制度，明确绩效要求"],
  [
    "1.1.4",
    2,
    "本部门能及时反馈处理监控预警提醒信息，对预算执行较慢、自评结果较差的项目，深入分析及说明原因，并提出整改措施和解决办法",
  ],
  ["1.1.5", 4, "本部门按要求开展部门整体支出绩效监控和绩效评价"],
  ["1.1.6", 2, "绩效指标中包含能够明确体现部门履职效果的社会经济指标，具有清晰、可衡量的指标值"],
  ["1.2.1", 3, "预算编制基础信息准确完整，在规定时间内报送"],
  ["1.2.5", 3, "本部门已制定相关财务管理制度并得到有效执行"],
  [
    "1.2.6",
    3,
    "已制定预算资金管理办法、内部财务管理制度、会计核算制度等管理制度，相关制度合法、合规、完整并得到有效执行",
  ],
  ["1.4.1", 2, "本部门按时完成部门预算及上年度部门决算信息公开"],
  ["1.4.2", 2, "本部门已将绩效目标等绩效信息按规定在政府门户网站公开"],
  ["1.5.1", 1, "已完成本年度资产账与财务账核对"],
  ["1.5.2", 1, "已制定资产管理制度，且相关资产管理制度有效执行"],
  ["3.1", 0, "本年度无加减分项"],
];
