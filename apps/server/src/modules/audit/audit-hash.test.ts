import { describe, expect, it } from "vitest";
import { type ChainedFields, canonicalJson, chainHash } from "./audit-hash.ts";

const row: ChainedFields = {
  tenantId: "t",
  stream: 0,
  seq: 1,
  at: "2022-09-30T01:00:00.000Z",
  actorType: "user",
  actorId: "u",
  actorName: "张三",
  action: "user.update",
  entityType: "user",
  entityId: "x",
  scopePath: "/r/",
  summary: { b: 1, a: { d: [1, 2], c: null } },
  requestId: "req",
};

describe("canonicalJson", () => {
  it("sorts keys at every level, so jsonb's reordering keeps the hash", () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
  });
});

describe("chainHash", () => {
  it("changes when any field or the previous hash changes", () => {
    const base = chainHash("", row);
    expect(chainHash("", { ...row, summary: { a: { c: null, d: [1, 2] }, b: 1 } })).toBe(base);
    expect(chainHash("x", row)).not.toBe(base);
    expect(chainHash("", { ...row, actorName: "李四" })).not.toBe(base);
    expect(chainHash("", { ...row, summary: { b: 2, a: { d: [1, 2], c: null } } })).not.toBe(base);
  });
});
