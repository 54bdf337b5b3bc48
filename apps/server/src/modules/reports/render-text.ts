import { blockText, type ReportDoc } from "./report-model.ts";

/** Plain text, one paragraph per line (tables are left out: their rows repeat the paragraphs). */
export function renderText(doc: ReportDoc): string {
  const lines = [doc.title, ""];
  for (const b of doc.blocks) {
    if (b.kind !== "table") {
      lines.push(blockText(b.runs), "");
    }
  }
  return lines.join("\n");
}
