import { Select } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import type { Project } from "../../../../../packages/contracts/src/budget.ts";
import { CategoryChart, type ChartSeries } from "../../shared/category-chart.tsx";

type Month = { month: number; executed: number; cumulative: number; plan: number };

const SERIES: ChartSeries<Month>[] = [
  { name: "当月执行（万元）", type: "bar", value: (m) => m.executed },
  { name: "累计执行（万元）", type: "line", value: (m) => m.cumulative },
  { name: "直线计划（万元）", type: "line", value: (m) => m.plan, color: "#bfbfbf" },
];

const toWan = (fen: number) => fen / 1_000_000;

/**
 * A project's execution month by month against a straight-line plan: the year's budget (with its
 * adjustment) spread evenly, so by the end of month m the plan is m/12 of it.
 */
export function monthsOf(p: Project): Month[] {
  const budget = p.budgetFen + p.adjustmentFen;
  let sum = 0;
  return (p.months ?? []).map((fen, i) => {
    sum += fen;
    return { month: i + 1, executed: toWan(fen), cumulative: toWan(sum), plan: toWan((budget * (i + 1)) / 12) };
  });
}

/** 预算执行进度 per project (those with monthly figures); a month opens the project's row below. */
export function BudgetExecutionChart({ projects }: { projects: readonly Project[] }) {
  const navigate = useNavigate();
  const withMonths = projects.filter((p) => p.months !== null);
  const [code, setCode] = useState<string | undefined>(undefined);
  const project = withMonths.find((p) => p.code === code) ?? withMonths[0];
  if (!project) {
    return null;
  }
  return (
    <CategoryChart<Month>
      title={`预算执行进度：${project.name}`}
      data={monthsOf(project)}
      category={{ title: "月份", label: (m) => `${m.month}月` }}
      series={SERIES}
      format="decimal"
      selectHint="点击查看该项目明细"
      onSelect={() => {
        // The hash is the page's link form (report figures use it); a repeat click scrolls again.
        void navigate(`#project-${project.code}`);
        document.getElementById(`project-${project.code}`)?.scrollIntoView({ block: "center" });
      }}
      extra={
        <Select
          size="small"
          aria-label="预算项目"
          style={{ width: 260 }}
          showSearch
          optionFilterProp="label"
          value={project.code}
          onChange={setCode}
          options={withMonths.map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }))}
        />
      }
    />
  );
}
