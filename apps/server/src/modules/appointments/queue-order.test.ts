import { describe, expect, it } from "vitest";
import { compareQueue, type QueueEntry, queueNumber, splitService } from "./queue-order.ts";

const at = (hhmm: string) => new Date(`2025-03-03T${hhmm}:00+08:00`);
const walkIn = (checkIn: string, seq: number): QueueEntry & { name: string } => ({
  name: `walk-in ${checkIn}`,
  bookingId: null,
  priorityAt: at(checkIn),
  seq,
});
const booking = (slot: string, seq: number): QueueEntry & { name: string } => ({
  name: `booking ${slot}`,
  bookingId: `b${seq}`,
  priorityAt: at(slot),
  seq,
});

describe("compareQueue", () => {
  const queue = [walkIn("08:40", 1), booking("09:00", 2), walkIn("08:50", 3), booking("09:30", 4)];
  const order = (now: string) => [...queue].sort((a, b) => compareQueue(a, b, at(now))).map((e) => e.name);

  it("before the slot starts, an early booker waits behind walk-ins who came first", () => {
    expect(order("08:55")).toEqual(["walk-in 08:40", "walk-in 08:50", "booking 09:00", "booking 09:30"]);
  });

  it("once the slot has started, its bookers go ahead of walk-ins", () => {
    expect(order("09:05")).toEqual(["booking 09:00", "walk-in 08:40", "walk-in 08:50", "booking 09:30"]);
    expect(order("09:31")).toEqual(["booking 09:00", "booking 09:30", "walk-in 08:40", "walk-in 08:50"]);
  });

  it("keeps number order among equals", () => {
    const a = walkIn("08:40", 1);
    const b = walkIn("08:40", 2);
    expect(compareQueue(a, b, at("09:00"))).toBeLessThan(0);
  });
});

describe("queueNumber", () => {
  it("pads to three digits", () => {
    expect(queueNumber("A", 1)).toBe("A001");
    expect(queueNumber("B", 123)).toBe("B123");
  });
});

describe("splitService", () => {
  it("splits a visit's service time into consecutive parts that add up", () => {
    const parts = splitService(at("09:00"), at("09:31"), 3);
    expect(parts.map((p) => [p.startedAt.toISOString(), p.finishedAt.toISOString()])).toEqual([
      ["2025-03-03T01:00:00.000Z", "2025-03-03T01:10:20.000Z"],
      ["2025-03-03T01:10:20.000Z", "2025-03-03T01:20:40.000Z"],
      ["2025-03-03T01:20:40.000Z", "2025-03-03T01:31:00.000Z"],
    ]);
    expect(splitService(at("09:00"), at("09:10"), 1)).toEqual([{ startedAt: at("09:00"), finishedAt: at("09:10") }]);
  });
});
