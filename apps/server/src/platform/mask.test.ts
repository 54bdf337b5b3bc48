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

describe("redactQuerySecrets", () => {
  it("keeps keys and phone tails in query strings out of the log", async () => {
    const { redactQuerySecrets } = await import("../app.ts");
    expect(redactQuerySecrets("/open311/v2/requests.json?api_key=zwk_abc_def&x=1")).toBe(
      "/open311/v2/requests.json?api_key=[REDACTED]&x=1",
    );
    expect(redactQuerySecrets("/api/public/work-orders/1?phoneTail=5678")).toBe(
      "/api/public/work-orders/1?phoneTail=[REDACTED]",
    );
  });
});
