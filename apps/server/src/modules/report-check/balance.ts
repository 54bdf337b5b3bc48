import type { ReportText } from "./normalize-text.ts";
import type { Outline } from "./numbering.ts";
import { inYuan, isMoney, labelBefore, MONEY_FACTORS, type Quantity } from "./quantities.ts";
import type { Finding } from "./report-check.service.ts";

type Role = "income" | "opening" | "spending" | "closing" | "reserveUsed" | "distributed" | "basic" | "project";

// The figures of a 决算 statement, by how their names end (a heading joined on before the name, or
// the year, may precede it), and what a name must not hold: a 财政拨款 or fund figure is a part of
// the statement, not one of its terms.
const ROLES: [Role, RegExp][] = [
  ["income", /(本年收入合计|本年收入|收入合计|总收入|收入总额|(?:^|[^\u4e00-\u9fff]|年度?|全年|其中)收入)$/],
  ["spending", /(本年支出合计|本年支出|支出合计|总支出|支出总额|(?:^|[^\u4e00-\u9fff]|年度?|全年|其中)支出)$/],
  ["opening", /(年初结转和结余|年初结转结余|年初结余|上年结转和结余|上年结转结余|上年结转|年初结转)$/],
  ["closing", /(年末结转和结余|年末结转结余|年末结余|结转下年|年末结转)$/],
  ["reserveUsed", /(使用非财政拨款结余|用事业基金弥补收支差额)$/],
  ["distributed", /结余分配$/],
  ["basic", /(?:^|[^\u4e00-\u9fff]|年度?|全年|其中)基本支出$/],
  ["project", /(?:^|[^\u4e00-\u9fff]|年度?|全年|其中)项目支出$/],
];
const PART_OF_STATEMENT = /财政拨款|一般公共预算|政府性基金|国有资本|事业收入|经营|上级补助|附属单位|其他|预算数|预算/;
// One statement's figures lie close together; figures further apart belong to other statements.
const WINDOW = 800;

function roleOf(text: string, q: Quantity): Role | undefined {
  const name = labelBefore(text, q.start).replace(/(为|是|达|共)+$/, "");
  if (PART_OF_STATEMENT.test(name)) {
    return undefined;
  }
  return ROLES.find(([, re]) => re.test(name))?.[0];
}

function wan(yuan: number): string {
  return `${(yuan / 1e4).toFixed(2)} 万元`;
}

interface Statement {
  figures: Map<Role, Quantity>;
  line: (q: Quantity) => number;
}

/** n figures each rounded to d decimals: the two sides may differ by n half-units (in 元). */
function tolerance(qs: Quantity[]): number {
  return qs.reduce((t, q) => t + (q.decimals === 0 ? 0 : 0.5 * 10 ** -q.decimals * (MONEY_FACTORS[q.unit] ?? 1)), 1e-6);
}

function carryOver(s: Statement): Finding | undefined {
  const f = s.figures;
  const income = f.get("income");
  const opening = f.get("opening");
  const spending = f.get("spending");
  const closing = f.get("closing");
  if (!income || !opening || !spending || !closing) {
    return undefined;
  }
  const left = [income, opening, f.get("reserveUsed")].filter((q): q is Quantity => q !== undefined);
  const right = [spending, closing, f.get("distributed")].filter((q): q is Quantity => q !== undefined);
  const l = left.reduce((a, q) => a + inYuan(q), 0);
  const r = right.reduce((a, q) => a + inYuan(q), 0);
  if (Math.abs(l - r) <= tolerance([...left, ...right])) {
    return undefined;
  }
  return {
    kind: "balance_mismatch",
    line: s.line(closing.start > spending.start ? closing : spending),
    stated: `收入 + 年初结转结余 = ${wan(l)}`,
    computed: `支出 + 年末结转结余 = ${wan(r)}`,
    message: `收支不平衡：收入 ${income.literal} + 年初结转结余 ${opening.literal} = ${wan(l)}，支出 ${spending.literal} + 年末结转结余 ${closing.literal} = ${wan(r)}`,
  };
}

function spendingSplit(s: Statement): Finding | undefined {
  const f = s.figures;
  const spending = f.get("spending");
  const basic = f.get("basic");
  const project = f.get("project");
  if (!spending || !basic || !project) {
    return undefined;
  }
  const sum = inYuan(basic) + inYuan(project);
  if (Math.abs(sum - inYuan(spending)) <= tolerance([basic, project])) {
    return undefined;
  }
  return {
    kind: "balance_mismatch",
    line: s.line(spending),
    stated: `支出 ${wan(inYuan(spending))}`,
    computed: `基本支出 + 项目支出 = ${wan(sum)}`,
    message: `基本支出 ${basic.literal} + 项目支出 ${project.literal} = ${wan(sum)}，与所述支出 ${spending.literal} 不符`,
  };
}

/**
 * The budget identities wherever a report states their figures close together:
 * 收入 + 年初结转结余 (+ 使用非财政拨款结余) = 支出 + 年末结转结余 (+ 结余分配), and
 * 基本支出 + 项目支出 = 支出. A breakdown in one sentence ("总支出 X，其中基本支出…") is left to the
 * sum check (`covered`).
 */
export function checkBalance(
  report: ReportText,
  outline: Outline,
  quantities: Quantity[],
  covered: Set<number>,
): Finding[] {
  const { text } = report;
  const named: [Quantity, Role][] = [];
  for (const q of quantities) {
    const role = isMoney(q) ? roleOf(text, q) : undefined;
    if (role) {
      named.push([q, role]);
    }
  }
  const findings: Finding[] = [];
  const line = (x: Quantity): number => report.lineOf(x.start);
  // 基本支出 + 项目支出 = 支出 may be stated across paragraphs ("1.基本支出…" "2.项目支出…").
  for (const figures of statements(named, (a, b) => b.start - a.start > WINDOW)) {
    const split = spendingSplit({ figures, line });
    const spending = figures.get("spending");
    if (split && spending && !covered.has(spending.start)) {
      findings.push(split);
    }
  }
  // The carry-over identity under one heading: the next heading may state the 财政拨款 carry-over
  // under the same names ("（二）财政拨款收支…年初结转和结余…").
  const headings = outline.items.map((i) => i.start);
  const region = new Map<Quantity, number>();
  let h = -1;
  for (const [q] of named) {
    while (h + 1 < headings.length && (headings[h + 1] ?? 0) <= q.start) {
      h++;
    }
    region.set(q, h);
  }
  const apart = (a: Quantity, b: Quantity): boolean => region.get(a) !== region.get(b) || b.start - a.start > WINDOW;
  for (const figures of statements(named, apart)) {
    const balance = carryOver({ figures, line });
    if (balance) {
      findings.push(balance);
    }
  }
  return findings.sort((a, b) => a.line - b.line);
}

/**
 * The named figures grouped into statements: a figure named again, or one `apart` from the
 * statement's first figure, starts the next statement.
 */
function statements(
  named: [Quantity, Role][],
  apart: (first: Quantity, q: Quantity) => boolean,
): Map<Role, Quantity>[] {
  const out: Map<Role, Quantity>[] = [];
  let figures = new Map<Role, Quantity>();
  let first: Quantity | undefined;
  for (const [q, role] of named) {
    if (figures.has(role) || (first && apart(first, q))) {
      out.push(figures);
      figures = new Map();
      first = undefined;
    }
    first ??= q;
    figures.set(role, q);
  }
  out.push(figures);
  return out;
}
