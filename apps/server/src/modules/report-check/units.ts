import type { ReportText } from "./normalize-text.ts";
import { findQuantities, labelBefore, type Quantity } from "./quantities.ts";
import type { Finding } from "./report-check.service.ts";

/**
 * A whole number of 元 ("补助 500 元", "每人每月 200 元/人") is as likely a real small amount as a
 * slip for 万元; only an amount written to the fen/jiao ("7278.02 元") betrays the slip.
 */
function isRateOrRoundSum(text: string, q: Quantity): boolean {
  return (
    q.decimals === 0 ||
    /^\s*[/／]/.test(text.slice(q.end, q.end + 3)) ||
    /每|人均|标准/.test(labelBefore(text, q.start))
  );
}

/**
 * An amount in 元 whose figure the report elsewhere gives in 万元 ("共涉及资金 7278.02 元" next to
 * "项目支出 7278.02 万元"): the same money cannot be both, so the 元 is the slip. Zero is skipped,
 * it reads the same in any unit.
 */
export function checkUnits(report: ReportText): Finding[] {
  const quantities = findQuantities(report.text);
  const wanLiterals = new Set(quantities.filter((q) => q.unit === "万元").map((q) => q.value));
  const findings: Finding[] = [];
  for (const q of quantities) {
    if (q.unit !== "元" || q.value === 0 || !wanLiterals.has(q.value) || isRateOrRoundSum(report.text, q)) {
      continue;
    }
    findings.push({
      kind: "unit_mismatch",
      line: report.lineOf(q.start),
      stated: `${q.literal} 元`,
      computed: `${q.literal} 万元`,
      message: `金额 ${q.literal} 元在报告其他处为 ${q.literal} 万元，单位应为万元`,
    });
  }
  return findings;
}
