import { describe, expect, it } from "vitest";
import { corpusCases, scoreCase, scoreCorpus } from "./corpus/corpus.ts";

describe("checkReportText on the corpus of real report openings and their mutants", () => {
  const score = scoreCorpus();

  it("reads every document as hand-read: its real defects found, nothing else", () => {
    for (const r of score.results.filter((x) => x.case.mutant === "original")) {
      expect({ document: r.case.document, falsePositives: r.falsePositives, missed: r.falseNegatives }).toEqual({
        document: r.case.document,
        falsePositives: [],
        missed: [],
      });
    }
  });

  it("has precision 100 % and recall ≥ 95 % over originals and mutants", () => {
    expect(score.documents).toBeGreaterThanOrEqual(10);
    // One mutant per defect kind and document at least (nine kinds).
    expect(score.mutants).toBeGreaterThanOrEqual(9 * score.documents);
    expect(score.results.flatMap((r) => r.falsePositives)).toEqual([]);
    expect(score.precision).toBe(1);
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
  });

  it("cites a public source on each document's first line", () => {
    for (const c of corpusCases().filter((x) => x.mutant === "original")) {
      expect(c.text.split("\n")[0]).toMatch(/^来源：https?:\/\/\S+/);
    }
  });

  it("can fail: a mutant scored against the original's expectations misses its defect", () => {
    const mutant = corpusCases().find((c) => c.mutant === "count_mismatch");
    if (!mutant) {
      throw new Error("no count_mismatch mutant");
    }
    const original = corpusCases().find((c) => c.document === mutant.document && c.mutant === "original");
    const result = scoreCase({ ...mutant, expected: original?.expected ?? [] });
    expect(result.falsePositives).toHaveLength(1);
  });
});
