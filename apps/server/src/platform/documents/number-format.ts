/** "98.63%", "100%", "30.60%": two decimals unless the percentage is whole (the documents' convention). */
export function formatRate(x: number): string {
  const p = Math.round(x * 10000) / 100;
  return Number.isInteger(p) ? `${p}%` : `${p.toFixed(2)}%`;
}
