import { describe, expect, it } from "vitest";
import type { Project } from "../../../../../packages/contracts/src/budget.ts";
import { blockText, type Figures } from "./report-model.ts";
import { problemsFromData, signOff } from "./report-problems.ts";

type P = Pick<Project, "code" | "name" | "level" | "adjustmentFen" | "indicators">;
const indicator = (met: boolean, actual: number): Project["indicators"][number] => ({
  id: "00000000-0000-4000-8000-000000000001",
  category: "satisfaction",
  name: "服务对象满意度",
  comparator: ">=",
  target: 90,
  unit: "%",
  actual,
  met,
});
const project = (over: Partial<P>): P => ({
  code: "2022-101-01",
  name: "办公场租",
  level: 2,
  adjustmentFen: 0,
  indicators: [indicator(true, 95)],
  ...over,
});
const count = (value: number) => ({ value, label: "", format: "count" as const, href: "", note: "" });
const text = (runs: ReturnType<typeof problemsFromData>) => runs.map((r) => blockText(r));

describe("存在的主要问题 from the records", () => {
  it("says nothing when the records show no problem", () => {
    expect(problemsFromData({ figures: {}, projects: [project({})], identityBreaks: [] })).toEqual([]);
  });

  it("names the adjusted projects, the indicators below target, the late rectifications and the gap of the 决算", () => {
    const figures: Figures = {
      "badRatings.tickets": count(131),
      "badRatings.lateRectifications": count(2),
      "badRatings.onTimeRectificationRate": { ...count(0.9847), format: "rate" },
    };
    const got = text(
      problemsFromData({
        figures,
        projects: [
          project({ adjustmentFen: 1_250_000 }),
          project({
            code: "2022-102-06",
            name: "信息化项目经费",
            adjustmentFen: -300_000,
            indicators: [indicator(false, 85)],
          }),
          project({ code: "2022-102", name: "一级项目", level: 1, adjustmentFen: 5_000_000 }),
        ],
        identityBreaks: [
          {
            key: "project_list",
            message: "25 个二级项目预算完成数合计 7,298.04 万元 ≠ 决算项目支出 7,278.02 万元，相差 20.02 万元",
            leftFen: 72_980_400,
            rightFen: 72_780_200,
            differenceFen: 200_200,
          },
        ],
      }),
    );
    expect(got).toEqual([
      "决算数据与明细记录不一致。25 个二级项目预算完成数合计 7,298.04 万元，与决算项目支出 7,278.02 万元不一致，相差 20.02 万元，报告按决算报表填报数陈述，须核实后更正预算数据或决算数。",
      "预算编制的前瞻性有待加强。2 个项目年度中调整预算：办公场租调增 1.25 万元；信息化项目经费调减 0.30 万元。",
      "部分绩效指标未达到指标值。共 1 个指标未达标：信息化项目经费“服务对象满意度”指标值 ≥90%，实际完成 85%。",
      "差评整改未全部按时完成。全年差评整改工单 131 宗，其中 2 宗超过整改时限，按时整改率 98.47%。",
    ]);
  });

  it("signs off with the unit and the date in Shanghai", () => {
    const blocks = signOff("广州市花都区政务服务数据管理局", new Date("2023-01-31T17:00:00Z"));
    expect(blocks.map((b) => (b.kind === "paragraph" ? [blockText(b.runs), b.align] : []))).toEqual([
      ["广州市花都区政务服务数据管理局", "right"],
      ["2023 年 2 月 1 日", "right"],
    ]);
  });
});
