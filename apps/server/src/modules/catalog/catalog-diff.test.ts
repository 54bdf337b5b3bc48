import { describe, expect, it } from "vitest";
import { itemInput } from "../../../test/factories/catalog-item.factory.ts";
import { diffItem } from "./catalog-diff.ts";
import { adjustToSum, seededRng } from "./demo-catalog.ts";

const DEPT = "00000000-0000-4000-8000-000000000001";

describe("diffItem", () => {
  it("finds nothing between an item and itself", () => {
    const a = itemInput(DEPT, { code: "A-1" });
    expect(diffItem(a, structuredClone(a))).toEqual([]);
  });

  it("lists changed fields with readable values and materials added, changed or removed", () => {
    const a = itemInput(DEPT, { code: "A-1" });
    const [form, licence] = a.materials;
    if (!form || !licence) {
      throw new Error("factory changed");
    }
    const b = {
      ...a,
      type: "filing" as const,
      bookableTown: true,
      materials: [
        { ...form, copies: 2 },
        { ...form, name: "承诺书" },
      ],
    };
    const changes = diffItem(a, b, new Map([[DEPT, "甲局"]]));
    expect(changes.map((c) => [c.label, c.before, c.after])).toEqual([
      ["事项类型", "行政许可", "行政备案"],
      ["镇街大厅可预约", "否", "是"],
      ["材料“食品经营许可申请书”", expect.stringContaining("1份"), expect.stringContaining("2份")],
      ["材料“承诺书”", "", expect.stringContaining("申请人自备")],
      ["材料“营业执照”", expect.stringContaining("数据来源：广东省电子证照库·营业执照"), ""],
    ]);
  });

  it("shows the department by name on creation", () => {
    const created = diffItem(null, itemInput(DEPT, { code: "A-2" }), new Map([[DEPT, "甲局"]]));
    expect(created.find((c) => c.field === "departmentId")?.after).toBe("甲局");
  });
});

describe("adjustToSum", () => {
  it("reaches the target within the bounds, the same way for the same seed", () => {
    const run = () => {
      const values = [3, 5, 9, 2, 4];
      adjustToSum(
        values,
        30,
        () => 2,
        () => 9,
        seededRng("x"),
      );
      return values;
    };
    const values = run();
    expect(values.reduce((s, v) => s + v, 0)).toBe(30);
    expect(values.every((v) => v >= 2 && v <= 9)).toBe(true);
    expect(run()).toEqual(values);
  });

  it("refuses a target the bounds cannot reach", () => {
    expect(() =>
      adjustToSum(
        [1, 1],
        30,
        () => 1,
        () => 9,
        seededRng("x"),
      ),
    ).toThrow("无法凑足");
  });
});
