export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };
/** A clock pinned to one instant, for tests and replays. */
export function fixedClock(at: Date | string): Clock {
  const d = new Date(at);
  return { now: () => new Date(d) };
}
