import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import { formatDateTime, pickedInstant, pickerValue } from "./format.ts";

// The suite runs with TZ=UTC in CI and in whatever zone a developer's machine has: the answers are
// the same in both, because the pickers' values are read as Beijing wall-clock times.
describe("date pickers in the bureau's zone", () => {
  it("reads a picked 2022-01-01 00:00 as midnight in Beijing, whatever the machine's zone", () => {
    expect(pickedInstant(dayjs("2022-01-01T00:00:00"))).toBe("2021-12-31T16:00:00.000Z");
    expect(pickedInstant(dayjs("2022-06-30T09:30:00"))).toBe("2022-06-30T01:30:00.000Z");
  });

  it("shows an instant in a picker as its Beijing wall clock, and reads it back unchanged", () => {
    const iso = "2022-03-01T23:45:00.000Z";
    expect(pickerValue(iso).format("YYYY-MM-DD HH:mm")).toBe("2022-03-02 07:45");
    expect(pickedInstant(pickerValue(iso))).toBe(iso);
    expect(formatDateTime(pickedInstant(pickerValue(iso)))).toBe("2022-03-02 07:45:00");
  });
});
