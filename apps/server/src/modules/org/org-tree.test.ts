import { describe, expect, it } from "vitest";
import { filterTreeByQuery } from "./org-tree.ts";

const units = [
  { id: "r", parentId: null, name: "花都区", code: "440114" },
  { id: "t", parentId: "r", name: "狮岭镇", code: "440114109" },
  { id: "v", parentId: "t", name: "合成村委会", code: "440114109201" },
  { id: "s", parentId: "r", name: "新华街道", code: "440114001" },
];

describe("filterTreeByQuery", () => {
  it("keeps matches and their ancestors only", () => {
    expect(filterTreeByQuery(units, "合成").map((u) => u.id)).toEqual(["r", "t", "v"]);
    expect(filterTreeByQuery(units, "440114001").map((u) => u.id)).toEqual(["r", "s"]);
    expect(filterTreeByQuery(units, "不存在")).toEqual([]);
  });
});
