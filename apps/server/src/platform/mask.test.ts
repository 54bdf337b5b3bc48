import { describe, expect, it } from "vitest";
import { maskIdNumber, maskPhone } from "./mask.ts";

describe("maskPhone / maskIdNumber", () => {
  it("keeps only what identifies the record, not the person", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone("12345")).toBe("****");
    expect(maskIdNumber("44011419900101123X")).toBe("440114********123X");
  });
});
