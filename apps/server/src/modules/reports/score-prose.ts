/**
 * The scoring rules spell their computation as a formula ("预算完成率 = 执行数 a ÷ 预算数 b = 97.23%，
 * 在 90.00%–100.00% 区间内，得 4 分"), which suits the evaluation page. A 公文 states it in prose:
 * "预算完成率为 97.23%（执行数 a，预算数 b），处于 90%–100% 区间". The score itself follows in the
 * report's own words ("自评得分 4 分"), so the formula's "得 N 分" is dropped. Text that is not one of
 * the rules' formulas (an officer's justification) is returned as written.
 */
export function scoreProse(computation: string): string {
  let s = computation.trim().replace(/[。；，]+$/, "");
  // Percentages as a 公文 writes them: 90.00% → 90%, 96.30% → 96.3%.
  s = s.replace(/(\d+)\.(\d*?)0+%/g, (_m, i: string, d: string) => (d ? `${i}.${d}%` : `${i}%`));
  // An amount of nothing is "0 元", not "0.00 万元".
  s = s.replace(/(?<![\d.,])0\.00 万元/g, "0 元");
  // 履职效能: "绩效指标达标 a 个 ÷ 指标总数 b 个 = r，得 m 分 × r = s 分".
  const duty = /^绩效指标达标 (\d+) 个 ÷ 指标总数 (\d+) 个 = ([\d.]+%)，得 .*$/.exec(s);
  if (duty) {
    return `本年度 ${duty[2]} 个绩效指标中 ${duty[1]} 个达到指标值，达标率 ${duty[3]}，按达标率计分`;
  }
  // "X = |决算 a − 预算 b| ÷ 预算 = r，…" and "X = 名称 a ÷ 名称 b = r，…".
  const formula = /^([^=：]+?) = (.+?) = ([\d.]+%)(?:，(.*))?$/.exec(s);
  if (formula) {
    const [, label = "", operands = "", rate = "", rest = ""] = formula;
    const amounts = [...operands.matchAll(/([\u4e00-\u9fa5]+) ((?:[\d,]+(?:\.\d+)? 万元)|0 元|\d+ 个)/g)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    const why = dropScore(rest)
      .replace(/^在 (.+?) 区间内$/, "处于 $1 区间")
      .replace(/^超出预算$/, "超出预算");
    return `${label}为 ${rate}${amounts.length > 0 ? `（${amounts.join("，")}）` : ""}${why ? `，${why}` : ""}`;
  }
  return dropScore(s);
}

/** "…，得 4 分" / "…，得满分 4 分" / "得 0 分" at the end: the report states the score itself. */
function dropScore(s: string): string {
  return s.replace(/，?得(?:满分)? [\d.]+ 分$/, "").replace(/^得(?:满分)? [\d.]+ 分$/, "");
}
