import { describe, expect, it } from "vitest";
import { buildSearchIndex, normalizeSearchText, queryTerms, rankItems, type SearchDoc } from "./catalog-search.ts";
import { segmentQuery } from "./catalog-segmenter.ts";

const doc = (code: string, name: string, materials = "", isMain = true): SearchDoc => ({
  code,
  name,
  keywords: "",
  materials,
  isMain,
});

describe("queryTerms", () => {
  it("keeps catalog phrases whole and drops the citizen's framing", () => {
    expect(queryTerms("怎么办理营业执照？", segmentQuery).map((t) => t.text)).toEqual(["营业执照"]);
    expect(queryTerms("我要开公司", segmentQuery).map((t) => t.text)).toEqual(["开公司"]);
  });

  it("widens a citizen's word to the catalog's wording, not the other way", () => {
    expect(queryTerms("社保", segmentQuery)[0]?.alternatives).toContain("社会保险");
    expect(queryTerms("公积金", segmentQuery)[0]?.alternatives).toContain("住房公积金");
    expect(queryTerms("企业设立登记", segmentQuery)[0]?.alternatives).toEqual(["企业设立登记"]);
  });

  it("normalizes full-width letters, spaces and punctuation", () => {
    expect(normalizeSearchText(" 食品　经营（许可）ＡＢ ")).toBe("食品经营许可ab");
  });
});

describe("rankItems", () => {
  const index = buildSearchIndex([
    doc("A", "消防验收", "营业执照 申请表"),
    doc("B", "林木采伐许可", "营业执照"),
    doc("C", "企业设立登记", "申请表"),
    doc("D", "企业设立登记（变更）", "申请表", false),
    doc("E", "社会保险参保登记", "居民身份证"),
    doc("F", "出生登记", "社保缴费证明"),
  ]);
  const codes = (q: string) => rankItems(index, q, segmentQuery).map((h) => h.doc.code);

  it("ranks the item a word names above items that only ask for it as a material", () => {
    expect(codes("营业执照").slice(0, 2)).toEqual(["C", "D"]);
    expect(codes("社保")[0]).toBe("E");
  });

  it("puts the main item before its cases and the exact name first", () => {
    expect(codes("企业设立登记")).toEqual(["C", "D"]);
  });

  it("finds nothing when less than half of the query is in an item", () => {
    expect(codes("火箭发射许可")).toEqual([]);
  });
});
