import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

describe("audit anchor settings", () => {
  it("refuse a signing key or anchor file inside the data folder", () => {
    const base = { NODE_ENV: "test", ZHENGWU_DATA_DIR: "/srv/zw/data" } as const;
    expect(() => loadConfig({ ...base, ZHENGWU_AUDIT_KEY_FILE: "/srv/zw/data/key.pem" })).toThrow(
      /ZHENGWU_AUDIT_KEY_FILE: must be outside/,
    );
    expect(() => loadConfig({ ...base, ZHENGWU_AUDIT_ANCHOR_FILE: "/srv/zw/data/pg/anchors" })).toThrow(
      /ZHENGWU_AUDIT_ANCHOR_FILE: must be outside/,
    );
    expect(() =>
      loadConfig({ ...base, ZHENGWU_AUDIT_PUBLIC_KEY: "x", ZHENGWU_AUDIT_PUBLIC_KEY_FILE: "/etc/zw.pub" }),
    ).toThrow(/not both/);
    const ok = loadConfig({
      ...base,
      ZHENGWU_AUDIT_KEY_FILE: "/etc/zw/key.pem",
      ZHENGWU_AUDIT_ANCHOR_FILE: "/srv/zw/data-anchors.jsonl",
      ZHENGWU_AUDIT_PUBLIC_KEY: "MCowBQYDK2VwAyEA",
    });
    expect(ok.audit).toEqual({
      keyFile: "/etc/zw/key.pem",
      anchorFile: "/srv/zw/data-anchors.jsonl",
      publicKey: "MCowBQYDK2VwAyEA",
    });
  });
});
