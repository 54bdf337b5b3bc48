import type { Ctx } from "../../platform/actor.ts";
import { HALL_METRIC_FORMULAS, hallVolumes } from "../appointments/stats.service.ts";
import { readYearData } from "../budget/budget.service.ts";
import { catalogFigures } from "../catalog/catalog-figures.ts";
import { latestEvaluation } from "../self-evaluation/self-evaluation.service.ts";
import { computeMetrics, type MetricsQuery } from "../work-orders/metrics.service.ts";
import { listCampaigns } from "../work-orders/settings.service.ts";
import { dataFigures } from "./data-figures.ts";
import type { Figures, ReportScores } from "./report-model.ts";

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const wan = (fen: number) => Math.round(fen / 10_000) / 100;

/** Year bounds in business time (Asia/Shanghai), `to` exclusive as the list filters use it. */
function yearRange(year: number) {
  return { from: `${year}-01-01T00:00:00+08:00`, to: `${year + 1}-01-01T00:00:00+08:00` };
}

function listHref(q: Record<string, string | undefined>): string {
  const params = new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => e[1] !== undefined));
  return `/work-orders?${params.toString()}`;
}

/**
 * Every number the report can show, computed now from the modules' records. Aggregates are
 * taken district-wide (a system actor): the report is the bureau's account of the whole district.
 */
export async function collectFigures(sys: Ctx, year: number): Promise<{ figures: Figures; scores: ReportScores }> {
  const figures: Figures = {};
  const { from, to } = yearRange(year);
  const metrics = async (q: Partial<MetricsQuery>) =>
    (await computeMetrics(sys, { groupBy: "none", ...q } as MetricsQuery)).total;

  const hotline = await metrics({ kind: "hotline", from, to });
  const hl = { kind: "hotline", from, to };
  if (hotline.counts.volume > 0) {
    figures["hotline.tickets"] = {
      value: hotline.counts.volume,
      label: "12345热线受理工单",
      format: "count",
      href: listHref(hl),
      note: "本年度受理的 12345 热线工单数",
    };
    if (hotline.yoyGrowth !== null) {
      figures["hotline.yoyGrowth"] = {
        value: hotline.yoyGrowth,
        label: "工单量同比增长",
        format: "rate",
        href: listHref(hl),
        note: `（本年 ${hotline.counts.volume} − 上年 ${hotline.previousVolume}）÷ 上年 ${hotline.previousVolume}`,
      };
      figures["hotline.previousTickets"] = {
        value: hotline.previousVolume,
        label: "上年受理工单",
        format: "count",
        href: listHref({ kind: "hotline", from: yearRange(year - 1).from, to: from }),
        note: "上一年度受理的 12345 热线工单数",
      };
    }
    if (hotline.onTimeCloseRate !== null) {
      figures["hotline.onTimeRate"] = {
        value: hotline.onTimeCloseRate,
        label: "按时办结率",
        format: "rate",
        href: listHref({ ...hl, metric: "closeOnTime" }),
        note: `按时办结 ${hotline.counts.closeOnTime} ÷ 应办结 ${hotline.counts.closeDue}`,
      };
    }
    figures["hotline.praises"] = {
      value: hotline.counts.praises,
      label: "群众表扬",
      format: "count",
      href: listHref({ ...hl, metric: "praises" }),
      note: "回访中群众表扬的工单数",
    };
  }

  for (const c of (await listCampaigns(sys)).items) {
    if (c.startsOn > `${year}-12-31` || c.endsOn < `${year}-01-01`) {
      continue;
    }
    const m = await metrics({ campaign: c.tag });
    if (m.counts.volume === 0) {
      continue;
    }
    const k = `campaign.${c.tag}`;
    const cq = { campaign: c.tag };
    figures[`${k}.tickets`] = {
      value: m.counts.volume,
      label: `${c.name}受理`,
      format: "count",
      href: listHref(cq),
      note: `${c.startsOn} 至 ${c.endsOn} 受理并标注“${c.tag}”的工单`,
    };
    figures[`${k}.closed`] = {
      value: m.counts.closed,
      label: `${c.name}办结`,
      format: "count",
      href: listHref({ ...cq, metric: "closed" }),
      note: "已办结的工单数",
    };
    if (m.onTimeCloseRate !== null) {
      figures[`${k}.onTimeRate`] = {
        value: m.onTimeCloseRate,
        label: `${c.name}按时办结率`,
        format: "rate",
        href: listHref({ ...cq, metric: "closeOnTime" }),
        note: `按时办结 ${m.counts.closeOnTime} ÷ 应办结 ${m.counts.closeDue}`,
      };
    }
    if (m.counts.closeDue > m.counts.closeOnTime) {
      figures[`${k}.late`] = {
        value: m.counts.closeDue - m.counts.closeOnTime,
        label: `${c.name}超时办结`,
        format: "count",
        href: listHref({ ...cq, metric: "closeOnTime" }),
        note: `应办结 ${m.counts.closeDue} − 按时办结 ${m.counts.closeOnTime}`,
      };
    }
    if (m.satisfactionRate !== null) {
      figures[`${k}.satisfactionRate`] = {
        value: m.satisfactionRate,
        label: `${c.name}满意率`,
        format: "rate",
        href: listHref({ ...cq, metric: "satisfied" }),
        note: `满意 ${m.counts.satisfied} ÷ 回访成功 ${m.counts.followedUp}`,
      };
    }
  }

  const bad = await metrics({ kind: "bad_rating", from, to });
  if (bad.counts.volume > 0) {
    const bq = { kind: "bad_rating", from, to };
    figures["badRatings.tickets"] = {
      value: bad.counts.volume,
      label: "差评整改工单",
      format: "count",
      href: listHref(bq),
      note: "本年度差评生成的整改工单数",
    };
    if (bad.onTimeCloseRate !== null) {
      figures["badRatings.onTimeRectificationRate"] = {
        value: bad.onTimeCloseRate,
        label: "按时整改率",
        format: "rate",
        href: listHref({ ...bq, metric: "closeOnTime" }),
        note: `按时整改 ${bad.counts.closeOnTime} ÷ 应整改 ${bad.counts.closeDue}`,
      };
    }
    if (bad.counts.closeDue > bad.counts.closeOnTime) {
      figures["badRatings.lateRectifications"] = {
        value: bad.counts.closeDue - bad.counts.closeOnTime,
        label: "超时整改的差评工单",
        format: "count",
        href: listHref({ ...bq, metric: "closeOnTime" }),
        note: `应整改 ${bad.counts.closeDue} − 按时整改 ${bad.counts.closeOnTime}`,
      };
    }
  }

  // The district service centre (halls of the district level) over the calendar year.
  const hallFilter = { level: "district" as const, from: `${year}-01-01`, to: `${year}-12-31` };
  const hall = await hallVolumes(sys, hallFilter);
  if (hall.visitors > 0 || hall.cases > 0) {
    const href = `/hall/metrics?${new URLSearchParams({ ...hallFilter, groupBy: "month" }).toString()}`;
    figures["hall.visitors"] = {
      value: hall.visitors,
      label: "区政务服务中心来访人次",
      format: "count",
      href,
      note: `区级政务服务中心 ${year} 年${HALL_METRIC_FORMULAS.visitors ?? ""}`,
    };
    figures["hall.serviceCases"] = {
      value: hall.cases,
      label: "区政务服务中心受理办件",
      format: "count",
      href,
      note: `区级政务服务中心 ${year} 年${HALL_METRIC_FORMULAS.cases ?? ""}（一次取号可办理多项业务，每项一件）`,
    };
  }

  const ai = await metrics({ kind: "grid_event", channel: "ai_reporter", to });
  if (ai.counts.volume > 0) {
    figures["gridEvents.aiReported"] = {
      value: ai.counts.volume,
      label: "AI 智慧网格员上报事件（累计）",
      format: "count",
      href: listHref({ kind: "grid_event", channel: "ai_reporter", to }),
      note: `截至 ${year} 年底累计`,
    };
  }
  const dep = await metrics({ kind: "deputies", to });
  if (dep.counts.volume > 0) {
    const dq = { kind: "deputies", to };
    figures["deputies.items"] = {
      value: dep.counts.volume,
      label: "两代表一委员事项（累计）",
      format: "count",
      href: listHref(dq),
      note: `截至 ${year} 年底累计`,
    };
    figures["deputies.closedRate"] = {
      value: round(dep.counts.closed / dep.counts.volume, 2),
      label: "办结率",
      format: "rate",
      href: listHref({ ...dq, metric: "closed" }),
      note: `办结 ${dep.counts.closed} ÷ 事项 ${dep.counts.volume}，保留两位小数`,
    };
    if (dep.counts.followedUp > 0) {
      figures["deputies.satisfactionRate"] = {
        value: round(dep.counts.satisfied / dep.counts.followedUp, 2),
        label: "群众满意率",
        format: "rate",
        href: listHref({ ...dq, metric: "satisfied" }),
        note: `满意 ${dep.counts.satisfied} ÷ 回访成功 ${dep.counts.followedUp}，保留两位小数`,
      };
    }
  }

  // The catalog as it stood at the year's end; an empty catalog gives no figures (its paragraph is left out).
  const catalog = await catalogFigures(sys.db, sys.actor.tenantId, `${year}-12-31`);
  if ((catalog["catalog.onApplicationItems"]?.value ?? 0) > 0) {
    Object.assign(figures, catalog);
  }

  const budget = await readYearData(sys.db, sys.actor.tenantId, year);
  if (budget) {
    const { summary: s, projects } = budget;
    const href = `/budget/${year}`;
    const w = (key: string, fen: number, label: string, note: string) => {
      figures[key] = { value: wan(fen), label, format: "wan", href, note };
    };
    // The 决算 statement's totals as entered win over sums of the records: the report states the
    // books, and where the records disagree with them the budget page and the warnings say so.
    const y = budget.data.year;
    const stated = (key: string, fen: number | null, computed: number, label: string, note: string) =>
      fen === null ? w(key, computed, label, note) : w(key, fen, label, "决算报表填报数");
    stated("budget.revenueWan", y.finalRevenueFen, s.revenueActualFen, "本年收入合计", "各收入来源决算数之和");
    w("budget.fiscalRevenueWan", s.fiscalActualFen, "财政拨款收入", "财政拨款收入决算数");
    stated(
      "budget.expenditureWan",
      y.finalExpenditureFen,
      s.expenditureFen,
      "本年支出合计",
      "基本支出 + 二级项目执行数之和",
    );
    stated("budget.basicExpenditureWan", y.finalBasicFen, s.basicExecutedFen, "基本支出", "基本支出执行数");
    w("budget.projectBudgetWan", s.projectBudgetFen, "项目年度预算数", "二级项目年度预算数（含调整）之和");
    stated("budget.projectExpenditureWan", y.finalProjectFen, s.projectExecutedFen, "项目支出", "二级项目执行数之和");
    w("budget.projectListExecutedWan", s.projectExecutedFen, "二级项目预算完成数合计", "二级项目执行数之和");
    stated("budget.carryOverWan", y.finalClosingBalanceFen, s.carryOverFen, "年末结转结余", "二级项目结转结余之和");
    if (y.finalOpeningBalanceFen !== null) {
      w("budget.openingBalanceWan", y.finalOpeningBalanceFen, "年初结转结余", "决算报表填报数");
    }
    figures["budget.projects"] = {
      value: s.level2Projects,
      label: "二级项目",
      format: "count",
      href,
      note: "本年度二级预算项目数",
    };
    figures["budget.level1Projects"] = {
      value: s.level1Projects,
      label: "一级项目",
      format: "count",
      href,
      note: "本年度一级预算项目数",
    };
    w(
      "budget.governmentFundWan",
      projects.filter((p) => p.level === 2 && p.fundType === "government_fund").reduce((a, p) => a + p.executedFen, 0),
      "政府性基金预算项目资金",
      "资金性质为政府性基金预算的二级项目执行数之和",
    );
    figures["budget.governmentFundProjects"] = {
      value: s.governmentFundProjects,
      label: "政府性基金预算项目",
      format: "count",
      href,
      note: "资金性质为政府性基金预算的二级项目数",
    };
    if (s.executionRate !== null) {
      figures["budget.projectExecutionRate"] = {
        value: s.executionRate,
        label: "项目预算完成率",
        format: "rate",
        href,
        note: "二级项目执行数之和 ÷ 年度预算数之和",
      };
    }
    figures["budget.indicators"] = {
      value: s.indicators,
      label: "绩效指标",
      format: "count",
      href,
      note: "各二级项目的绩效指标数",
    };
    figures["budget.indicatorsMet"] = {
      value: s.indicatorsMet,
      label: "达标指标",
      format: "count",
      href,
      note: "实际完成值达到指标值的指标数",
    };
    for (const p of projects.filter((x) => x.level === 2)) {
      const ph = `${href}#project-${p.code}`;
      figures[`project.${p.code}.budgetWan`] = {
        value: wan(p.budgetFen + p.adjustmentFen),
        label: `${p.name} 年度预算数`,
        format: "wan",
        href: ph,
        note: "年初预算 + 调整",
      };
      figures[`project.${p.code}.executedWan`] = {
        value: wan(p.executedFen),
        label: `${p.name} 预算完成数`,
        format: "wan",
        href: ph,
        note: "执行数",
      };
      if (p.executionRate !== null) {
        figures[`project.${p.code}.executionRate`] = {
          value: p.executionRate,
          label: `${p.name} 预算完成率`,
          format: "rate",
          href: ph,
          note: "执行数 ÷ 年度预算数",
        };
      }
    }
    for (const f of budget.data.facts) {
      figures[`fact.${f.key}`] = {
        value: f.value,
        label: f.label,
        format: "number",
        href: `${href}#facts`,
        note: `人工登记：${f.sourceNote}`,
        manual: true,
      };
    }
  }

  Object.assign(figures, await dataFigures(sys.db, sys.actor.tenantId, year));

  const scores: ReportScores = { evaluationId: null, version: null, status: null, total: null, grade: null, items: {} };
  const ev = budget ? await latestEvaluation(sys.db, sys.actor.tenantId, year) : undefined;
  if (ev) {
    Object.assign(scores, {
      evaluationId: ev.id,
      version: ev.version,
      status: ev.status,
      total: ev.tree.total,
      grade: ev.tree.grade,
    });
    for (const i of ev.tree.items) {
      scores.items[i.code] = { name: i.name, max: i.maxPoints, score: i.score };
      if (i.score !== null) {
        figures[`score.${i.code}`] = {
          value: i.score,
          label: `${i.name}得分`,
          format: "points",
          href: `/evaluations/${ev.id}#item-${i.code}`,
          note: i.computation ?? i.justification ?? "",
        };
      }
      figures[`score.${i.code}.max`] = {
        value: i.maxPoints,
        label: `${i.name}分值`,
        format: "points",
        href: `/evaluations/${ev.id}#item-${i.code}`,
        note: "指标体系规定的分值",
      };
    }
    if (ev.tree.total !== null) {
      figures["score.total"] = {
        value: ev.tree.total,
        label: "自评总分",
        format: "points",
        href: `/evaluations/${ev.id}`,
        note: "管理效能 + 履职效能 + 加减分",
      };
    }
  }
  return { figures, scores };
}
