import type { ReportText } from "./normalize-text.ts";
import { findQuantities, formatNumber, type Quantity, sentenceSpans } from "./quantities.ts";
import type { Finding } from "./report-check.service.ts";

// The percentage names a ratio of the counts before it: "落实率", "免提交比例", "占…的".
const RATE_LABEL = /率|比例|比重|占/;
// Growth, bounds and ranges are not ratios of the counts in the sentence.
const NOT_A_RATIO =
  /增长|下降|增加|减少|提高|降低|提升|小于|大于|低于|高于|不足|超过|不超|不低|以上|以下|≤|≥|<|>|约|达到/;
const RANGE_AFTER = /^\s*(以上|以下|左右|[-—~～至])/;

/** True when `value` shown with `decimals` decimals, rounded or truncated, reads as `stated`. */
function agrees(value: number, stated: number, decimals: number): boolean {
  const scale = 10 ** decimals;
  const target = Math.round(stated * scale);
  const scaled = value * scale;
  return Math.round(scaled + 1e-9) === target || Math.floor(scaled + 1e-9) === target;
}

/**
 * A stated percentage against the two counts it is computed from: the last two quantities with the
 * same unit between the previous percentage of the sentence and this one ("2166 个…有 1233 个…落实率
 * 56.93%"; "预算数 X 万元，预算完成数 Y 万元，预算完成率 100%").
 */
export function checkRates(report: ReportText): Finding[] {
  const findings: Finding[] = [];
  const { text } = report;
  for (const sentence of sentenceSpans(report)) {
    const quantities = findQuantities(text.slice(sentence.start, sentence.end)).map((q) => ({
      ...q,
      start: q.start + sentence.start,
      end: q.end + sentence.start,
    }));
    let since = 0;
    quantities.forEach((rate, index) => {
      if (rate.unit !== "%") {
        return;
      }
      const operands = quantities.slice(since, index).filter((q) => q.unit !== "%");
      since = index + 1;
      const previousEnd = quantities[index - 1]?.end ?? sentence.start;
      const label = text.slice(previousEnd, rate.start);
      if (!RATE_LABEL.test(label) || NOT_A_RATIO.test(label) || RANGE_AFTER.test(text.slice(rate.end))) {
        return;
      }
      const base = operands[operands.length - 2];
      const part = operands[operands.length - 1];
      if (!base || !part || base.unit !== part.unit) {
        return;
      }
      const finding = compare(report, rate, base, part);
      if (finding) {
        findings.push(finding);
      }
    });
  }
  return findings;
}

function compare(report: ReportText, rate: Quantity, base: Quantity, part: Quantity): Finding | undefined {
  // Reports name the base first ("2166 个…有 1233 个"), but a few name the part first; accept either.
  const forward = base.value === 0 ? undefined : (part.value / base.value) * 100;
  const backward = part.value === 0 ? undefined : (base.value / part.value) * 100;
  if (forward === undefined && backward === undefined) {
    return undefined;
  }
  if (
    (forward !== undefined && agrees(forward, rate.value, rate.decimals)) ||
    (backward !== undefined && agrees(backward, rate.value, rate.decimals))
  ) {
    return undefined;
  }
  const useForward =
    backward === undefined ||
    (forward !== undefined && Math.abs(forward - rate.value) <= Math.abs(backward - rate.value));
  const [numerator, denominator, value] = useForward ? [part, base, forward ?? 0] : [base, part, backward ?? 0];
  const computed = `${formatNumber(value, rate.decimals)}%`;
  const label = report.text
    .slice(Math.max(0, rate.start - 8), rate.start)
    .replace(/^.*[，。；：、\n]/, "")
    .replace(/\s+/g, "");
  return {
    kind: "rate_mismatch",
    line: report.lineOf(rate.start),
    stated: `${rate.literal}%`,
    computed,
    message: `${label || "比率"}按 ${numerator.literal}/${denominator.literal} 计算为 ${computed}，与所述 ${rate.literal}% 不符`,
  };
}
