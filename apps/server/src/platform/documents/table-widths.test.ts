import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { columnWidths, textWidth } from "./table-widths.ts";

const seed = JSON.parse(
  readFileSync(new URL("../../../../../data/seed/huadu-2022-facts.json", import.meta.url), "utf8"),
) as { projects: Array<{ no: number; name: string; budgetWan: number }> };
const TYPE_AREA = Math.round(156 * 56.6929);

describe("columnWidths", () => {
  it("sizes the project table to its content: figures on one line, names on one or two", () => {
    const header = ["序号", "项目名称", "年度预算数（万元）", "预算完成数（万元）", "预算完成率"];
    const money = (x: number) => x.toLocaleString("en-US", { minimumFractionDigits: 2 });
    const rows = seed.projects.map((p) => [String(p.no), p.name, money(p.budgetWan), money(p.budgetWan), "100.00%"]);
    const w = columnWidths(header, rows, TYPE_AREA);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(TYPE_AREA, -1);
    const [no = 0, name = 0, budget = 0, , rate = 0] = w;
    expect(no).toBeLessThan(800);
    // Every figure fits its column on one line; 序号 is the narrowest and 项目名称 the widest.
    expect(budget).toBeGreaterThanOrEqual(textWidth("1,502.98") * 240 + 276);
    expect(rate).toBeGreaterThanOrEqual(textWidth("100.00%") * 240 + 276);
    expect(Math.max(...w)).toBe(name);
    const lines = rows.map((r) => Math.ceil((textWidth(r[1] ?? "") * 240) / (name - 276)));
    expect(lines.filter((n) => n > 2).length).toBeLessThanOrEqual(1);
  });

  it("shares the spare room so a narrow table still spans the type area", () => {
    const w = columnWidths(["事项", "数值"], [["互联网出口", "758"]], TYPE_AREA);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(TYPE_AREA, -1);
  });
});
