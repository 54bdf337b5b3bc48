import { describe, expect, it } from "vitest";
import { toOpen311Status, toServiceDto, toZonedIso } from "./open311.mapper.ts";

describe("toZonedIso", () => {
  it("writes business time with the +08:00 offset, across midnight and year ends", () => {
    expect(toZonedIso(new Date("2022-09-30T02:00:00Z"))).toBe("2022-09-30T10:00:00+08:00");
    expect(toZonedIso(new Date("2022-12-31T16:30:15.999Z"))).toBe("2023-01-01T00:30:15+08:00");
  });
});

describe("toOpen311Status", () => {
  it.each([
    ["received", "open"],
    ["dispatched", "open"],
    ["follow_up", "open"],
    ["merged", "open"],
    ["closed", "closed"],
    ["archived", "closed"],
  ])("%s is %s", (status, expected) => {
    expect(toOpen311Status(status)).toBe(expected);
  });
});

describe("toServiceDto", () => {
  it("names the service with the category's Chinese label, in the 12345 hotline group", () => {
    expect(toServiceDto("suggestion")).toMatchObject({
      service_code: "suggestion",
      service_name: "意见建议",
      metadata: false,
      type: "realtime",
      group: "12345热线",
    });
  });
});
