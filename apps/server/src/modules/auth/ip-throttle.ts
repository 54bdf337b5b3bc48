/**
 * Sign-in attempts per client address in a sliding minute, in memory: one process serves a
 * district. Per-account lock-out is kept in the database (users.failed_logins).
 */
export function createIpThrottle(limitPerMinute: number) {
  const hits = new Map<string, number[]>();
  return {
    /** Records an attempt; false when the address is over its limit. */
    allow(ip: string, now: number): boolean {
      const recent = (hits.get(ip) ?? []).filter((t) => now - t < 60_000);
      if (recent.length >= limitPerMinute) {
        hits.set(ip, recent);
        return false;
      }
      recent.push(now);
      hits.set(ip, recent);
      if (hits.size > 10_000) {
        hits.clear(); // bound memory under a spray of addresses
      }
      return true;
    },
  };
}
export type IpThrottle = ReturnType<typeof createIpThrottle>;
