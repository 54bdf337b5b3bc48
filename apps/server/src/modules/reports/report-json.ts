import { blockText, type ReportDoc } from "./report-model.ts";

/** The documented JSON form: {tenant, year, figures: {KEY: number}, scores, sections}. */
export function toReportJson(doc: ReportDoc) {
  return {
    tenant: doc.tenant,
    year: doc.year,
    title: doc.title,
    figures: Object.fromEntries(Object.entries(doc.figures).map(([k, f]) => [k, f.value])),
    scores: doc.scores,
    sections: doc.blocks.map((b) =>
      b.kind === "table"
        ? { kind: b.kind, header: b.header, rows: b.rows.map((r) => r.map(blockText)) }
        : {
            kind: b.kind,
            ...(b.kind === "heading" ? { level: b.level } : {}),
            text: blockText(b.runs),
            figures: b.runs.flatMap((r) => ("figure" in r ? [r.figure] : [])),
          },
    ),
    warnings: doc.warnings,
  };
}
