import type { ReportText } from "./normalize-text.ts";
import { inYuan, isMoney, labelBefore, MONEY_FACTORS, type Quantity } from "./quantities.ts";
import type { Finding } from "./report-check.service.ts";

type Role = "income" | "opening" | "spending" | "closing" | "reserveUsed" | "distributed" | "basic" | "project";

// The figures of a 决算 statement, by how their names end (a heading joined on before the name, or
// the year, may precede it), and what a name must not hold: a 财政拨款 or fund figure is a part of
// the statement, not one of its terms.
const ROLES: [Role, RegExp][] = [
  ["income", /(本年收入合计|本年收入|收入合计|总收入|收入总额|(?:^|年度?|全年|其中)收入)$/],
  ["spending", /(本年支出合计|本年支出|支出合计|总支出|支出总额|(?:^|年度?|全年|其中)支出)$/],
  ["opening", /(年初结转和结余|年初结转结余|年初结余|上年结转和结余|上年结转结余|上年结转|年初结转)$/],
  ["closing", /(年末结转和结余|年末结转结余|年末结余|结转下年|年末结转)$/],
  ["reserveUsed", /(使用非财政拨款结余|用事业基金弥补收支差额)$/],
  ["distributed", /结余分配$/],
  ["basic", /(?:^|年度?|全年|其中)基本支出$/],
  ["project", /(?:^|年度?|全年|其中)项目支出$/],
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
export function checkBalance(report: ReportText, quantities: Quantity[], covered: Set<number>): Finding[] {
  const { text } = report;
  const findings: Finding[] = [];
  let figures = new Map<Role, Quantity>();
  let first = 0;
  const close = (): void => {
    const statement: Statement = { figures, line: (x) => report.lineOf(x.start) };
    const spending = figures.get("spending");
    const split = spendingSplit(statement);
    if (split && spending && !covered.has(spending.start)) {
      findings.push(split);
    }
    const balance = carryOver(statement);
    if (balance) {
      findings.push(balance);
    }
  };
  for (const q of quantities) {
    const role = isMoney(q) ? roleOf(text, q) : undefined;
    if (!role) {
      continue;
    }
    // A figure named again, or far from the first, starts the next statement.
    if (figures.has(role) || q.start - first > WINDOW) {
      close();
      figures = new Map();
    }
    if (figures.size === 0) {
      first = q.start;
    }
    figures.set(role, q);
  }
  close();
  return findings;
}
