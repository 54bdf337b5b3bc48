import { checkBalance } from "./balance.ts";
import { inlineClaims } from "./breakdowns.ts";
import { checkCounts } from "./counts.ts";
import { checkDuplicates } from "./duplicates.ts";
import { extractText } from "./extract-text.ts";
import { normalizeReport } from "./normalize-text.ts";
import { checkNumbering, parseOutline } from "./numbering.ts";
import { findQuantities } from "./quantities.ts";
import { checkRates } from "./rates.ts";
import { checkScores } from "./scores.ts";
import { checkSums } from "./sums.ts";
import { checkUnits } from "./units.ts";

export type FindingKind =
  | "sum_mismatch"
  | "score_sum_mismatch"
  | "cap_exceeded"
  | "rate_mismatch"
  | "unit_mismatch"
  | "duplicate_sentence"
  | "numbering"
  | "count_mismatch"
  | "balance_mismatch";

/**
 * One internal contradiction of a report; `line` is the 1-based line of the original text, `page`
 * its page when the text came from a PDF (pages separated by form feeds).
 */
export interface Finding {
  kind: FindingKind;
  line: number;
  page?: number;
  stated: string;
  computed: string;
  message: string;
}

/**
 * The internal contradictions of a 部门整体支出绩效自评报告 given as plain text: sums, scores, rates,
 * units, repeated sentences and numbering, all read from the report's own structure. Sorted by line.
 */
export function checkReportText(text: string): Finding[] {
  const report = normalizeReport(text);
  const outline = parseOutline(report);
  const quantities = findQuantities(report.text);
  const inline = inlineClaims(report, quantities);
  const all = [
    ...checkNumbering(report, outline),
    ...checkScores(report, outline),
    ...checkSums(report, outline, quantities, inline),
    ...checkBalance(report, outline, quantities, new Set(inline.map((c) => c.total.start))),
    ...checkCounts(report),
    ...checkRates(report),
    ...checkUnits(report),
    ...checkDuplicates(report, outline),
  ];
  // Two checks may reach the same slip (a 元 total is both a unit slip and an odd sum): keep one.
  const unique = new Map<string, Finding>();
  for (const f of all) {
    const key = `${f.kind}|${f.line}|${f.stated}|${f.computed}`;
    if (!unique.has(key)) {
      unique.set(key, f);
    }
  }
  const pageOf = pagesByLine(text);
  return [...unique.values()]
    .sort((a, b) => a.line - b.line)
    .map((f) => (pageOf ? { ...f, page: pageOf[f.line - 1] ?? 1 } : f));
}

/** The page of each line (split as normalizeReport splits), or undefined for text without pages. */
function pagesByLine(text: string): number[] | undefined {
  if (!text.includes("\f")) {
    return undefined;
  }
  const pages: number[] = [];
  let page = 1;
  for (const separator of text.matchAll(/\r\n|\r|\n|\f/g)) {
    pages.push(page);
    if (separator[0] === "\f") {
      page++;
    }
  }
  pages.push(page);
  return pages;
}

/**
 * The plain text of a report file (.txt, .docx, .pdf, HTML, or .doc when LibreOffice is installed;
 * recognized by content first, then by name); a PDF's pages are separated by form feeds.
 * @throws Error with a Chinese message for formats it cannot read (.wps, images …) and for files
 * with no text in them (empty, scanned)
 */
export async function extractReportText(data: Uint8Array, fileName: string): Promise<string> {
  return extractText(data, fileName);
}
