import { readFileSync } from "node:fs";

/** Test helpers: the seed report (a real published report, kept beside the tests) and edits of it. */
export function readSeed(): string {
  return readFileSync(new URL("./fixtures/seed-report.txt", import.meta.url), "utf8");
}

/** Replaces `from` by `to` on one 1-based line; throws when `from` is not there, so a drifted fixture fails loudly. */
export function editLine(text: string, line: number, from: string, to: string): string {
  const lines = text.split("\n");
  const current = lines[line - 1];
  if (current === undefined || !current.includes(from)) {
    throw new Error(`line ${line} does not contain "${from}": ${current}`);
  }
  lines[line - 1] = current.split(from).join(to);
  return lines.join("\n");
}

/** The seed with its known defects corrected, line numbers unchanged. */
export function fixSeed(seed: string): string {
  let t = seed;
  // 管理效能: the six groups give 45.
  t = editLine(t, 481, "自评得分 :44 分", "自评得分 :45 分");
  // 资金管理: items 3+3+2+2+3+3 = 16 within its cap.
  t = editLine(t, 514, "100%-90%，自评得分 4 分", "100%-90%，自评得分 3 分");
  // 项目支出 in 万元, as everywhere else.
  t = editLine(t, 469, "7,278.02 元", "7,278.02 万元");
  // The 25 budgets add up to 7,278.02 when the last one is 1,482.96.
  t = editLine(t, 683, "1,502.98", "1,482.96");
  // The sentence once.
  t = editLine(t, 309, "以上，累计处理核酸人员数据共约 4", "以上，");
  t = editLine(t, 311, "亿人次以上，累积下发", "累积下发");
  // 1. 2. 3. 4. 5. with no empty item.
  t = editLine(t, 718, "3.以网为媒", "4.以网为媒");
  t = editLine(t, 731, "4.一线连心", "5.一线连心");
  t = editLine(t, 737, "89 宗。5.", "89 宗。");
  return t;
}

/**
 * A made-up report of another department: one paragraph per line, no hard wraps, "1、" item
 * markers, its own names and figures. Every figure is consistent.
 */
export const OTHER_REPORT = [
  "2023年度某区市场监督管理局部门整体支出绩效自评报告",
  "一、基本情况",
  "（一）部门概况",
  "本局内设机构 6 个，编制人员 48 人（其中：行政编制 30 人，事业编制 18 人）。",
  "（二）部门整体收支情况",
  "2023 年度总收入 5,432.10 万元，其中财政拨款收入 5,000.00 万元，其他收入 432.10 万元。2023 年度总支出 5,432.10 万元，其中基本支出 2,100.60 万元，项目支出 3,331.50 万元。",
  "二、综合评价分析",
  "（一）自评结论综述",
  "本局对 2023 年度 4 个项目开展绩效自评，共涉及资金 3,331.50 万元，占项目支出总额的 100%。部门整体支出绩效自评得分 91 分，等级为优。",
  "（二）绩效目标完成情况",
  "1、管理效能分值 45 分，自评得分 43 分。",
  "（1）绩效管理分值 15 分，自评得分 14 分：一是绩效目标合理性，自评得分 2 分；二是绩效管理制度建设，自评得分 3 分；三是绩效目标完成率，自评得分 2 分；四是绩效结果应用，自评得分 1 分；五是绩效监控和评价开展情况，自评得分 4 分；六是绩效指标明确性，自评得分 2 分。",
  "（2）资金管理分值 16 分，自评得分 15 分：一是预算编制，自评得分 3 分；二是预算完成率，自评得分 3 分；三是预决算差异率，自评得分 2 分；四是结转结余率，自评得分 2 分；五是支出执行率，自评得分 2 分；六是财务管理制度健全性，自评得分 3 分。",
  "（3）采购管理分值 2 分，按计划完成政府采购，自评得分 2 分。",
  "（4）信息公开管理分值 4 分，自评得分 4 分：一是预决算信息公开，自评得分 2 分；二是绩效信息公开，自评得分 2 分。",
  "（5）资产管理分值 4 分，自评得分 4 分：一是资产账务核对，自评得分 1 分；二是资产管理制度，自评得分 1 分；三是固定资产利用率 100%，自评得分 2 分。",
  "（6）成本管理分值 4 分，自评得分 4 分：一是公用经费控制率，自评得分 2 分；二是三公经费控制率，自评得分 2 分。",
  "2、履职效能分值 50 分，自评得分 48 分。",
  "3、加减分项分值 5 分，自评得分 0 分。",
  "（三）重点项目支出情况",
  "1、食品安全抽检经费。年度预算数 1,200.00 万元，预算完成数 1,080.00 万元，预算完成率 90%。",
  "2、特种设备检验经费。年度预算数 850.50 万元，预算完成数 850.50 万元，预算完成率 100%。",
  "3、市场主体登记系统运维。年度预算数 681.00 万元，预算完成数 612.90 万元，预算完成率 90%。",
  "4、消费者权益保护宣传。年度预算数 600.00 万元，预算完成数 570.00 万元，预算完成率 95%。",
  "（四）主要工作成效",
  "1、登记注册便利化。全区 3,200 家新设企业中有 2,880 家实现全程网办，网办率 90.00%。",
  "2、投诉举报处理。全年受理投诉 1,250 件，办结 1,200 件，办结率 96.0%，群众满意率 97%。",
  "3、抽检监测。完成食品抽检 4,000 批，合格 3,920 批，合格率 98%。",
  "三、存在的主要问题",
  "部分项目预算执行进度偏慢，绩效目标设置不够细化。",
  "四、下一步改进措施",
  "（一）加强预算执行监控，确保资金及时支出。",
  "（二）细化绩效指标，提升绩效目标的可衡量性。",
  "",
].join("\n");
