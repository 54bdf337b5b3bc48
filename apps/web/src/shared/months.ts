// Periods are whole months in Asia/Shanghai, written with an explicit +08:00 whatever the browser's zone.
export const monthStart = (ym: string) => `${ym}-01T00:00:00+08:00`;

/** "2022-03" → the next month's "2022-04". */
export function nextMonth(ym: string): string {
  const [y = 0, m = 1] = ym.split("-").map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}
