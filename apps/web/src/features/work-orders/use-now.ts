import { useEffect, useState } from "react";

/** The current time in ms, refreshed every `intervalMs`, so deadlines count down on screen. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "2天3小时", "5小时12分", "8分" — coarse enough for a table cell. */
export function formatSpan(ms: number): string {
  const abs = Math.abs(ms);
  const days = Math.floor(abs / DAY);
  const hours = Math.floor((abs % DAY) / HOUR);
  const minutes = Math.floor((abs % HOUR) / MINUTE);
  if (days > 0) {
    return `${days}天${hours}小时`;
  }
  if (hours > 0) {
    return `${hours}小时${minutes}分`;
  }
  return `${Math.max(minutes, 0)}分`;
}

/** "2天 03:04:05" — the live clock on the ticket page. */
export function formatClock(ms: number): string {
  const abs = Math.abs(ms);
  const days = Math.floor(abs / DAY);
  const pad = (n: number) => String(n).padStart(2, "0");
  const hms = `${pad(Math.floor((abs % DAY) / HOUR))}:${pad(Math.floor((abs % HOUR) / MINUTE))}:${pad(Math.floor((abs % MINUTE) / 1000))}`;
  return days > 0 ? `${days}天 ${hms}` : hms;
}

/** Whole hours past a deadline, as the bureau reports overdue work ("已超期 X 小时"). */
export function overdueHours(ms: number): number {
  return Math.floor(Math.abs(ms) / HOUR);
}
