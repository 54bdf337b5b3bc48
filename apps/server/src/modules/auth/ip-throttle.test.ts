import { describe, expect, it } from "vitest";
import { createIpThrottle } from "./ip-throttle.ts";

describe("createIpThrottle", () => {
  it("allows `limit` attempts per address per sliding minute", () => {
    const t = createIpThrottle(2);
    expect([t.allow("a", 0), t.allow("a", 10), t.allow("a", 20)]).toEqual([true, true, false]);
    expect(t.allow("b", 20)).toBe(true);
    expect(t.allow("a", 60_001)).toBe(true);
  });
});
