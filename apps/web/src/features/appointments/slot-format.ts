const TZ = "Asia/Shanghai";

/** 09:30 in Beijing time. */
export function formatTime(iso: string): string {
  return new Date(iso).toLocaleTimeString("zh-CN", { timeZone: TZ, hour: "2-digit", minute: "2-digit", hour12: false });
}

/** 3月4日 周二 */
export function formatDay(day: string): string {
  const d = new Date(`${day}T12:00:00+08:00`);
  return d.toLocaleDateString("zh-CN", { timeZone: TZ, month: "long", day: "numeric", weekday: "short" });
}

export function formatSlot(startsAt: string, endsAt: string): string {
  const day = new Date(startsAt).toLocaleDateString("zh-CN", {
    timeZone: TZ,
    year: "numeric",
    month: "long",
    day: "numeric",
    weekday: "short",
  });
  return `${day} ${formatTime(startsAt)}–${formatTime(endsAt)}`;
}

export function formatSeconds(s: number | null): string {
  if (s === null) {
    return "—";
  }
  const m = Math.floor(s / 60);
  return m >= 60 ? `${Math.floor(m / 60)}小时${m % 60}分` : `${m}分${Math.round(s % 60)}秒`;
}
