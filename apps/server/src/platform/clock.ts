export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };
/** A clock pinned to one instant, for tests and replays. */
export function fixedClock(at: Date | string): Clock {
  const d = new Date(at);
  return { now: () => new Date(d) };
}
/** A clock that starts at `start` and runs at real speed (browser tests on a chosen working day). */
export function startingClock(start: Date): Clock {
  const offset = start.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}
