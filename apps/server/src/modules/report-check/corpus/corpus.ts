import { readdirSync, readFileSync } from "node:fs";
import { matchMarker } from "../markers.ts";
import { checkReportText, type FindingKind } from "../report-check.service.ts";

/**
 * The evaluation corpus: openings of real published reports (each .txt cites its source on its
 * first line) with hand-read expected findings (.json), and mutants of each with one injected
 * defect. Shared by the corpus test and the benchmark that writes docs/benchmarks.md.
 */
export interface Expected {
  kind: FindingKind;
  line: number;
}

interface Edit {
  kind: FindingKind;
  line: number;
  from: string;
  to: string;
  expect: Expected[];
}

interface Spec {
  expected: (Expected & { why?: string })[];
  /** A paragraph start where injected paragraphs go (1-based line of the original). */
  insertAt: number;
  /** A line whose first long sentence is copied, broken across a blank line, to duplicateAt (none: no such sentence). */
  duplicateOf?: number;
  /** Where the copy goes (within the same section or sub-section); insertAt when not given. */
  duplicateAt?: number;
  /** Defects injected by editing the text where it has the structure for them. */
  edits: Edit[];
}

export interface CorpusCase {
  document: string;
  /** "original", or the kind of defect injected. */
  mutant: string;
  text: string;
  expected: Expected[];
}

const DIR = new URL("./", import.meta.url);

/** Paragraphs injected before `insertAt`, each holding one defect; `at` is the finding's line within. */
const INJECTED: { kind: FindingKind; lines: string[]; at: number }[] = [
  {
    kind: "sum_mismatch",
    lines: ["本年度项目支出 300.00 万元，其中：系统运维 120.00 万元；设备购置 90.00 万元；宣传培训 80.00 万元。"],
    at: 0,
  },
  {
    kind: "balance_mismatch",
    lines: ["本年度收入 520.00 万元，年初结转结余 30.00 万元；本年度支出 500.00 万元，年末结转结余 40.00 万元。"],
    at: 0,
  },
  { kind: "rate_mismatch", lines: ["全年受理群众来电 1200 件，办结 1100 件，办结率 95.00%。"], at: 0 },
  { kind: "unit_mismatch", lines: ["部门项目支出预算 368.50 万元。", "上述项目共涉及资金 368.50 元。"], at: 1 },
  {
    kind: "score_sum_mismatch",
    lines: ["①绩效管理分值 10 分，自评得分 9 分：一是目标设置，自评得分 5 分；二是绩效监控，自评得分 5 分。"],
    at: 0,
  },
  { kind: "cap_exceeded", lines: ["①资金管理分值 4 分，自评得分 5 分。"], at: 0 },
  { kind: "count_mismatch", lines: ["本单位下设 3 个科室，即办公室、财务室。"], at: 0 },
];

/** The first sentence of a line with at least 20 Chinese characters, its marker taken off. */
function firstLongSentence(line: string): string {
  // Markers are matched as the checker sees them, with full-width brackets.
  const marker = matchMarker(line.replace(/\(/g, "（").replace(/\)/g, "）"), true);
  const body = marker ? line.slice(marker.length) : line;
  for (const m of body.matchAll(/[^。；;]+[。；;]/g)) {
    if ((m[0].match(/[\u4e00-\u9fff]/g) ?? []).length >= 20) {
      return m[0];
    }
  }
  throw new Error(`no long sentence on: ${line}`);
}

function insert(lines: string[], at: number, added: string[]): string {
  return [...lines.slice(0, at - 1), ...added, ...lines.slice(at - 1)].join("\n");
}

function shift(expected: Expected[], at: number, by: number): Expected[] {
  return expected.map((e) => (e.line >= at ? { ...e, line: e.line + by } : e));
}

function edit(lines: string[], e: Edit): string {
  const current = lines[e.line - 1];
  if (current === undefined || !current.includes(e.from)) {
    throw new Error(`line ${e.line} does not contain "${e.from}"`);
  }
  return lines.map((l, i) => (i === e.line - 1 ? l.replace(e.from, e.to) : l)).join("\n");
}

/** Every case of the corpus: each original, then its mutants. */
export function corpusCases(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  const documents = readdirSync(DIR)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => f.slice(0, -4))
    .sort();
  for (const document of documents) {
    const text = readFileSync(new URL(`${document}.txt`, DIR), "utf8");
    const spec: Spec = JSON.parse(readFileSync(new URL(`${document}.json`, DIR), "utf8"));
    const lines = text.split("\n");
    const expected = spec.expected.map(({ kind, line }) => ({ kind, line }));
    cases.push({ document, mutant: "original", text, expected });
    for (const e of spec.edits) {
      cases.push({ document, mutant: e.kind, text: edit(lines, e), expected: [...expected, ...e.expect] });
    }
    for (const inj of INJECTED) {
      cases.push({
        document,
        mutant: inj.kind,
        text: insert(lines, spec.insertAt, inj.lines),
        expected: [
          ...shift(expected, spec.insertAt, inj.lines.length),
          { kind: inj.kind, line: spec.insertAt + inj.at },
        ],
      });
    }
    if (spec.duplicateOf === undefined) {
      continue;
    }
    // The copy comes first when the copied line follows the insertion point: the later copy is reported.
    const sentence = firstLongSentence(lines[spec.duplicateOf - 1] ?? "");
    const half = Math.floor(sentence.length / 2);
    const copy = [sentence.slice(0, half), "", sentence.slice(half)];
    const at = spec.duplicateAt ?? spec.insertAt;
    const reported = spec.duplicateOf >= at ? spec.duplicateOf + copy.length : at;
    cases.push({
      document,
      mutant: "duplicate_sentence",
      text: insert(lines, at, copy),
      expected: [...shift(expected, at, copy.length), { kind: "duplicate_sentence", line: reported }],
    });
  }
  return cases;
}

export interface CaseResult {
  case: CorpusCase;
  truePositives: number;
  falsePositives: string[];
  falseNegatives: string[];
}

/** Findings against expectations, matched by kind and line (as a multiset). */
export function scoreCase(c: CorpusCase): CaseResult {
  const remaining = c.expected.map((e) => `${e.kind}@${e.line}`);
  const falsePositives: string[] = [];
  let truePositives = 0;
  for (const f of checkReportText(c.text)) {
    const key = `${f.kind}@${f.line}`;
    const i = remaining.indexOf(key);
    if (i >= 0) {
      remaining.splice(i, 1);
      truePositives++;
    } else {
      falsePositives.push(`${key} ${f.message}`);
    }
  }
  return { case: c, truePositives, falsePositives, falseNegatives: remaining };
}

export interface CorpusScore {
  documents: number;
  cases: number;
  mutants: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  results: CaseResult[];
}

export function scoreCorpus(): CorpusScore {
  const results = corpusCases().map(scoreCase);
  const tp = results.reduce((a, r) => a + r.truePositives, 0);
  const fp = results.reduce((a, r) => a + r.falsePositives.length, 0);
  const fn = results.reduce((a, r) => a + r.falseNegatives.length, 0);
  return {
    documents: new Set(results.map((r) => r.case.document)).size,
    cases: results.length,
    mutants: results.filter((r) => r.case.mutant !== "original").length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    results,
  };
}
