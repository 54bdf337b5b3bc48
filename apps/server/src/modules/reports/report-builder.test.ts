import { describe, expect, it } from "vitest";
import { type BuildInput, buildReport } from "./report-builder.ts";
import { blockText } from "./report-model.ts";

const input = (over: Partial<BuildInput> = {}): BuildInput => ({
  tenant: { code: "440114", name: "花都区" },
  year: 2022,
  orgName: "测试局",
  unitNames: ["办公室", "政务信息化科"],
  figures: {
    "org.internalUnits": { value: 2, label: "内设机构", format: "count", href: "/org", note: "" },
  },
  scores: { evaluationId: null, version: null, status: null, total: null, grade: null, items: {} },
  tree: null,
  projects: [],
  edited: new Map(),
  identityBreaks: [],
  signedAt: new Date("2023-01-10T02:00:00Z"),
  ...over,
});
const paragraphs = (doc: ReturnType<typeof buildReport>) =>
  doc.blocks.flatMap((b) => (b.kind === "paragraph" ? [blockText(b.runs)] : []));

describe("the report's structure", () => {
  it("names the internal units from the org tree and ends with the unit and date", () => {
    const text = paragraphs(buildReport(input()));
    expect(text).toContain("2.部门机构设置情况。测试局的内设机构 2 个，分别是办公室、政务信息化科。");
    expect(text.slice(-2)).toEqual(["测试局", "2023 年 1 月 10 日"]);
  });

  it("leaves the officer's empty slots out silently and says when the records show no problem", () => {
    const doc = buildReport(input());
    expect(doc.warnings.join("")).not.toContain("存在问题");
    expect(paragraphs(doc)).toContain("经核对决算数据与明细记录、年度中预算调整、绩效指标完成和整改时限，未发现问题。");
  });

  it("numbers the officer's own problems after those the records show", () => {
    const doc = buildReport(
      input({
        edited: new Map([["problems.officer1", "大厅人员管理。进驻编外人员统一雇员化管理。"]]),
        projects: [{ code: "2022-101-01", name: "办公场租", level: 2, adjustmentFen: 100_000, indicators: [] }],
      }),
    );
    const text = paragraphs(doc);
    expect(text).toContain("（一）预算编制的前瞻性有待加强。1 个项目年度中调整预算：办公场租调增 0.10 万元。");
    expect(text).toContain("（二）大厅人员管理。进驻编外人员统一雇员化管理。");
    expect(text.join("")).not.toContain("未发现问题");
  });
});
