import { describe, expect, it } from "vitest";
import { DayStringSchema } from "../../../../../packages/contracts/src/appointments.ts";
import { checkIdNumber, idCheckChar } from "../../../../../packages/contracts/src/id-number.ts";

const TODAY = "2025-03-03";

describe("checkIdNumber (GB 11643)", () => {
  it("accepts the standard's worked example and a lower-case x", () => {
    // GB 11643-1999 appendix example: 11010519491231002X
    expect(checkIdNumber("11010519491231002X", TODAY)).toBeNull();
    expect(checkIdNumber("11010519491231002x", TODAY)).toBeNull();
  });

  it("computes the check character with weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 mod 11", () => {
    expect(idCheckChar("11010519491231002")).toBe("X");
    expect(idCheckChar("44052418800101001")).toBe("4");
  });

  it.each([
    ["44011419900101001", "format"],
    ["4401141990010100123", "format"],
    ["44011419900101001A", "format"],
    ["99011419900101001X", "region"],
    ["00011419900101001X", "region"],
    ["440114199002300011", "birth_date"],
    ["440114199013010011", "birth_date"],
    ["440114189912310011", "birth_date"],
    ["440114203001010011", "birth_date"],
  ] as const)("%s → %s", (id, problem) => {
    expect(checkIdNumber(id, TODAY)).toBe(problem);
  });

  it("refuses a wrong check digit and each single-digit typo", () => {
    const valid = "11010519491231002X";
    expect(checkIdNumber("110105194912310021", TODAY)).toBe("check_digit");
    // Changing any one of the sequence digits changes the check character.
    for (const pos of [14, 15, 16]) {
      const d = Number(valid[pos]);
      const typo = `${valid.slice(0, pos)}${(d + 1) % 10}${valid.slice(pos + 1)}`;
      expect(checkIdNumber(typo, TODAY)).toBe("check_digit");
    }
  });

  it("accepts 29 February only in a leap year", () => {
    const leap = "44011420000229001";
    expect(checkIdNumber(`${leap}${idCheckChar(leap)}`, TODAY)).toBeNull();
    const notLeap = "44011419990229001";
    expect(checkIdNumber(`${notLeap}${idCheckChar(notLeap)}`, TODAY)).toBe("birth_date");
  });
});

describe("DayStringSchema", () => {
  it("refuses a well-shaped string that is no date", () => {
    expect(DayStringSchema.safeParse("2022-13-45").success).toBe(false);
    expect(DayStringSchema.safeParse("2023-02-29").success).toBe(false);
    expect(DayStringSchema.safeParse("2024-02-29").success).toBe(true);
  });
});
