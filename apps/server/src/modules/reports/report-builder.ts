import type { IdentityBreak, Project } from "../../../../../packages/contracts/src/budget.ts";
import type { ScoredTree } from "../self-evaluation/scoring-tree.ts";
import { type Block, type Figures, formatFigure, type ReportDoc, type ReportScores, type Run } from "./report-model.ts";
import { problemsFromData, signOff } from "./report-problems.ts";
import { PLACEHOLDER, SECTIONS, type SectionKey, TEMPLATE } from "./report-template.ts";
import { scoreProse } from "./score-prose.ts";

export type BuildInput = {
  tenant: { code: string; name: string };
  year: number;
  orgName: string;
  /** The bureau's internal units (org tree), named in 部门概况. */
  unitNames: string[];
  figures: Figures;
  scores: ReportScores;
  tree: ScoredTree | null;
  projects: Array<Pick<Project, "code" | "name" | "level" | "adjustmentFen" | "indicators">>;
  /** Paragraph texts edited by the tenant, by key. */
  edited: Map<string, string>;
  /** Identities of the year's 决算 statement that do not hold (budget summary). */
  identityBreaks: IdentityBreak[];
  /** The date of the sign-off at the end. */
  signedAt: Date;
};

/** Formats a 万元 amount the way the figures are written. */
const FEN_WAN = { value: 0, label: "", format: "wan", href: "", note: "" } as const;

const CN_ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const ordinal = (n: number) => CN_ORDINALS[n - 1] ?? String(n);

/** Numbering inside each section, applied at build time so a left-out paragraph leaves no gap. */
const NUMBERING: Partial<Record<SectionKey, (n: number) => string>> = {
  overview: (n) => `${n}.`,
  work: (n) => `（${n}）`,
  results: (n) => `${n}.`,
  problems: (n) => `（${ordinal(n)}）`,
};

/** Splits a text into literal runs and figure runs; `vars` are plain text values (year, org). */
export function fillText(
  text: string,
  figures: Figures,
  vars: Record<string, string>,
): { runs: Run[]; missing: string[] } {
  const runs: Run[] = [];
  const missing: string[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const key = m[1] ?? "";
    const at = m.index ?? 0;
    if (at > last) {
      runs.push({ text: text.slice(last, at) });
    }
    const v = vars[key];
    const f = figures[key];
    if (v !== undefined) {
      runs.push({ text: v });
    } else if (f) {
      // Facts entered by staff carry a mark; the appendix lists their sources.
      runs.push({ text: `${formatFigure(f)}${f.manual ? "※" : ""}`, figure: key });
    } else {
      missing.push(key);
      runs.push({ text: `〔缺少数据：${key}〕` });
    }
    last = at + m[0].length;
  }
  if (last < text.length) {
    runs.push({ text: text.slice(last) });
  }
  return { runs, missing };
}

const fig = (figures: Figures, key: string): Run =>
  figures[key] ? { text: formatFigure(figures[key]), figure: key } : { text: "—" };
const t = (text: string): Run => ({ text });

/** 二（二）: each level-1 node, its groups and their items, every score a figure. */
function scoreBlocks(tree: ScoredTree, figures: Figures): Block[] {
  const blocks: Block[] = [];
  const children = (code: string) => tree.items.filter((i) => i.parentCode === code);
  const roots = tree.items.filter((i) => i.parentCode === null);
  roots.forEach((root, n) => {
    blocks.push({
      kind: "paragraph",
      runs: [
        t(`${n + 1}.${root.name}分值 `),
        fig(figures, `score.${root.code}.max`),
        t(" 分，自评得分 "),
        fig(figures, `score.${root.code}`),
        t(" 分。"),
      ],
    });
    const groups = children(root.code);
    const leafOnly = groups.every((g) => children(g.code).length === 0);
    if (leafOnly) {
      const notes = groups
        .map((g) => scoreProse(g.justification ?? g.computation ?? ""))
        .filter((x): x is string => Boolean(x));
      if (notes.length > 0) {
        blocks.push({ kind: "paragraph", runs: [t(`${notes.join("；")}。`)] });
      }
      return;
    }
    groups.forEach((g, gi) => {
      const runs: Run[] = [
        t(`（${gi + 1}）${g.name}分值 `),
        fig(figures, `score.${g.code}.max`),
        t(" 分，自评得分 "),
        fig(figures, `score.${g.code}`),
        t(" 分"),
      ];
      if (g.capped && g.rawSum !== null) {
        runs.push(t(`（各项得分合计 ${g.rawSum} 分，超过分值，按分值计）`));
      }
      runs.push(t("："));
      children(g.code).forEach((item, ii) => {
        const why = scoreProse(item.justification ?? item.computation ?? "");
        runs.push(
          t(`${ordinal(ii + 1)}是${item.name}：${why ? `${why}，` : ""}自评得分 `),
          fig(figures, `score.${item.code}`),
          t(" 分"),
        );
        runs.push(t(ii === children(g.code).length - 1 ? "。" : "；"));
      });
      blocks.push({ kind: "paragraph", runs });
    });
  });
  return blocks;
}

/** 二（三）: one paragraph per level-2 project and a table with the total. */
function projectBlocks(input: BuildInput): Block[] {
  const { figures } = input;
  const projects = input.projects.filter((p) => p.level === 2);
  const blocks: Block[] = projects.map((p, n) => ({
    kind: "paragraph",
    runs: [
      // "18. 2021 年…": a space keeps a name that starts with a digit from reading as a decimal.
      t(`${n + 1}.${/^\d/.test(p.name) ? " " : ""}${p.name}。年度预算数 `),
      fig(figures, `project.${p.code}.budgetWan`),
      t(" 万元，预算完成数 "),
      fig(figures, `project.${p.code}.executedWan`),
      t(" 万元，预算完成率 "),
      fig(figures, `project.${p.code}.executionRate`),
      t("。"),
    ],
  }));
  // A list that does not add up to the stated 项目支出 is not given a total of its own, which would
  // contradict the 决算 figure stated in 一（三）: the report says how far apart the two are.
  const gap = input.identityBreaks.find((b) => b.key === "project_list");
  if (projects.length > 0 && gap) {
    blocks.push({
      kind: "paragraph",
      runs: [
        t("以上 "),
        fig(figures, "budget.projects"),
        t(" 个项目年度预算数合计 "),
        fig(figures, "budget.projectBudgetWan"),
        t(" 万元，预算完成数合计 "),
        fig(figures, "budget.projectListExecutedWan"),
        t(" 万元，与决算项目支出 "),
        fig(figures, "budget.projectExpenditureWan"),
        t(` 万元相差 ${formatFigure({ ...FEN_WAN, value: Math.abs(gap.differenceFen) / 1_000_000 })} 万元。`),
      ],
    });
  } else if (projects.length > 0) {
    blocks.push({
      kind: "paragraph",
      runs: [
        t("以上 "),
        fig(figures, "budget.projects"),
        t(" 个项目年度预算数合计 "),
        fig(figures, "budget.projectBudgetWan"),
        t(" 万元，预算完成数合计 "),
        fig(figures, "budget.projectListExecutedWan"),
        t(" 万元，预算完成率 "),
        fig(figures, "budget.projectExecutionRate"),
        t("。"),
      ],
    });
  }
  if (projects.length > 0) {
    blocks.push({
      kind: "table",
      header: ["序号", "项目名称", "年度预算数（万元）", "预算完成数（万元）", "预算完成率"],
      rows: projects.map((p, n) => [
        [t(String(n + 1))],
        [t(p.name)],
        [fig(figures, `project.${p.code}.budgetWan`)],
        [fig(figures, `project.${p.code}.executedWan`)],
        [fig(figures, `project.${p.code}.executionRate`)],
      ]),
    });
  }
  return blocks;
}

/** Assembles the report in the seed's structure from computed figures and the narrative. */
export function buildReport(input: BuildInput): ReportDoc {
  const { figures } = input;
  const vars = { year: String(input.year), org: input.orgName, units: input.unitNames.join("、") };
  const warnings: string[] = input.identityBreaks.map(
    (b) => `决算数据不一致：${b.message}。报告按决算报表填报数陈述，请核实后更正预算数据或决算数`,
  );
  const blocks: Block[] = [];
  let parent = "";
  for (const section of SECTIONS) {
    if (section.parent !== parent) {
      parent = section.parent;
      blocks.push({ kind: "heading", level: 1, runs: [t(parent)] });
    }
    if (section.heading) {
      blocks.push({ kind: "heading", level: 2, runs: [t(section.heading)] });
    }
    let n = 0;
    if (section.key === "problems") {
      // The problems the records show come first, then the officer's own paragraphs.
      for (const runs of problemsFromData(input)) {
        n += 1;
        blocks.push({ kind: "paragraph", runs: [t(`（${ordinal(n)}）`), ...runs] });
      }
    }
    for (const p of TEMPLATE.filter((x) => x.section === section.key)) {
      const text = input.edited.get(p.key) ?? p.text;
      if (text.trim() === "") {
        continue;
      }
      const { runs, missing } = fillText(text, figures, vars);
      if (missing.length > 0) {
        warnings.push(`“${p.label}”段落引用的数据暂无：${missing.join("、")}，本次未写入报告`);
        continue;
      }
      n += 1;
      const number = NUMBERING[section.key]?.(n);
      blocks.push({ kind: "paragraph", key: p.key, runs: number ? [t(number), ...runs] : runs });
    }
    if (section.key === "conclusion" && input.scores.total !== null) {
      blocks.push({
        kind: "paragraph",
        runs: [
          t("经自评，本部门整体支出绩效自评得分 "),
          fig(figures, "score.total"),
          t(` 分，等级为“${input.scores.grade ?? ""}”。`),
        ],
      });
    }
    if (section.key === "scores") {
      if (input.tree) {
        blocks.push(...scoreBlocks(input.tree, figures));
      } else {
        warnings.push("本年度尚未开展绩效自评，评分部分为空");
      }
    }
    if (section.key === "projects") {
      blocks.push(...projectBlocks(input));
    }
    if (section.key === "problems" && n === 0) {
      blocks.push({
        kind: "paragraph",
        runs: [t("经核对决算数据与明细记录、年度中预算调整、绩效指标完成和整改时限，未发现问题。")],
      });
    }
  }
  blocks.push(...signOff(input.orgName, input.signedAt));
  const used = new Set(
    blocks.flatMap((b) => (b.kind === "table" ? [] : b.runs.flatMap((r) => ("figure" in r ? [r.figure] : [])))),
  );
  const manual = Object.entries(figures).filter(([k, f]) => f.manual && used.has(k));
  if (manual.length > 0) {
    blocks.push({ kind: "heading", level: 2, runs: [t("附：人工登记的绩效事实（文中标※的数字）")] });
    blocks.push({
      kind: "table",
      header: ["事项", "数值", "来源说明"],
      rows: manual.map(([k, f]) => [
        [t(f.label)],
        [{ text: formatFigure(f), figure: k }],
        [t(f.note.replace(/^人工登记：/, ""))],
      ]),
    });
  }
  return {
    tenant: input.tenant,
    year: input.year,
    title: `${input.year} 年度${input.orgName}部门整体支出绩效自评报告`,
    figures,
    scores: input.scores,
    blocks,
    warnings,
  };
}
