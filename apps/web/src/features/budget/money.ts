/** 分 → "1,234.56" 万元, the unit bureaus report in. */
export const wan = (fen: number) =>
  (fen / 1_000_000).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(2)}%`);
