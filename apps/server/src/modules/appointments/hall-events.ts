import { EventEmitter } from "node:events";

/**
 * In-process signal "this hall's queue changed", sent after the change committed; the board's
 * Server-Sent Events streams listen to it. One district runs one server process; several
 * processes would relay this through PostgreSQL LISTEN/NOTIFY instead.
 */
const bus = new EventEmitter();
bus.setMaxListeners(0);

export function notifyHall(hallId: string): void {
  bus.emit(hallId);
}

/** Calls `listener` on each change of the hall; returns the unsubscribe function. */
export function onHallChange(hallId: string, listener: () => void): () => void {
  bus.on(hallId, listener);
  return () => {
    bus.off(hallId, listener);
  };
}
