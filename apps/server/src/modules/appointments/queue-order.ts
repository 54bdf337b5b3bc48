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
