/** What decides a waiting visitor's place in a group's queue. */
export type QueueEntry = { bookingId: string | null; priorityAt: Date; seq: number };

/**
 * Bookings whose slot has begun are served first (in slot order), then everyone else in order of
 * `priorityAt`: the check-in time of a walk-in, the slot start of a booking that came early — so
 * an early booker does not jump walk-ins who arrived before the slot, but does come first once
 * the slot starts. Ties keep the order numbers were handed out.
 */
export function compareQueue(a: QueueEntry, b: QueueEntry, now: Date): number {
  const due = (e: QueueEntry) => (e.bookingId !== null && e.priorityAt.getTime() <= now.getTime() ? 0 : 1);
  return due(a) - due(b) || a.priorityAt.getTime() - b.priorityAt.getTime() || a.seq - b.seq;
}

/** The queue number shown on the ticket and the board: prefix + 3 digits (A001). */
export function queueNumber(prefix: string, seq: number): string {
  return `${prefix}${String(seq).padStart(3, "0")}`;
}

/**
 * One visit finishing several items: the service time is split evenly and in order, so each case
 * has its own start and finish and the cases' service times add up to the visit's.
 */
export function splitService(startedAt: Date, finishedAt: Date, n: number): { startedAt: Date; finishedAt: Date }[] {
  const from = startedAt.getTime();
  const span = Math.max(0, finishedAt.getTime() - from);
  return Array.from({ length: Math.max(1, n) }, (_, i) => ({
    startedAt: new Date(from + Math.round((span * i) / Math.max(1, n))),
    finishedAt: new Date(from + Math.round((span * (i + 1)) / Math.max(1, n))),
  }));
}
