import { formatRate } from "../../platform/documents/number-format.ts";

/** How a figure is written in the text. */
/** "yi": a count in 亿, truncated ("2,103,xxx,xxx" reads "21 亿"), as large totals are stated. */
export type FigureFormat = "count" | "rate" | "wan" | "points" | "number" | "yi";

/** One computed number of the report, with where it came from (for the drill-down). */
export type Figure = {
  value: number;
  label: string;
  format: FigureFormat;
  /** Web path that lists the records behind the figure. */
  href: string;
  /** How the figure was computed, or for manual facts the source note. */
  note: string;
  /** Entered by staff (其他绩效事实) rather than computed from a module's records. */
  manual?: boolean;
};
export type Figures = Record<string, Figure>;

export type Run = { text: string } | { text: string; figure: string };
export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; runs: Run[] }
  | { kind: "paragraph"; runs: Run[]; key?: string; align?: "right" }
  | { kind: "table"; header: string[]; rows: Run[][][] };

export type ReportScores = {
  evaluationId: string | null;
  version: number | null;
  status: string | null;
  total: number | null;
  grade: string | null;
  items: Record<string, { name: string; max: number; score: number | null }>;
};

export type ReportDoc = {
  tenant: { code: string; name: string };
  year: number;
  title: string;
  figures: Figures;
  scores: ReportScores;
  blocks: Block[];
  warnings: string[];
};

export function formatFigure(f: Figure): string {
  switch (f.format) {
    case "count":
      return String(Math.round(f.value));
    case "rate":
      return formatRate(f.value);
    case "wan":
      return f.value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case "points":
      return String(Math.round(f.value * 100) / 100);
    case "number":
      return String(f.value);
    case "yi":
      return `${Math.floor(f.value / 1e8)} 亿`;
  }
}

export const blockText = (runs: Run[]) => runs.map((r) => r.text).join("");
