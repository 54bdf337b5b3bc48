import type { ReportText } from "./normalize-text.ts";
import type { Finding } from "./report-check.service.ts";

// Shorter clauses ("预算完成率 100%") repeat legitimately; a repeated clause this long is a slip.
const MIN_CJK = 10;
const CLAUSE_END = /[，。；！？：,!?:\n]/;

interface Clause {
  start: number;
  key: string;
  text: string;
  paragraph: number;
}

function cjkCount(s: string): number {
  return (s.match(/[\u4e00-\u9fff]/g) ?? []).length;
}

function splitClauses(report: ReportText): Clause[] {
  const clauses: Clause[] = [];
  report.paragraphs.forEach((p, paragraph) => {
    let start = p.start;
    for (let i = p.start; i <= p.end; i++) {
      if (i === p.end || CLAUSE_END.test(report.text[i] ?? "")) {
        const raw = report.text.slice(start, i);
        const lead = raw.length - raw.trimStart().length;
        const text = raw.trim();
        if (text !== "") {
          clauses.push({ start: start + lead, key: text.replace(/[\s“”‘’"'《》]/g, ""), text, paragraph });
        }
        start = i + 1;
      }
    }
  });
  return clauses;
}

/**
 * Sentences repeated within one paragraph, or back to back across paragraphs. The same sentence in
 * two different sections is left alone: summaries (主要工作成效) restate earlier sections on purpose.
 * Consecutive repeated clauses are one finding.
 */
export function checkDuplicates(report: ReportText): Finding[] {
  const clauses = splitClauses(report);
  const findings: Finding[] = [];
  const seen = new Map<string, Clause>();
  let run: { first: Clause; earlier: Clause; texts: string[] } | undefined;
  const flush = (): void => {
    if (!run) {
      return;
    }
    const sentence = run.texts.join("，");
    const earlierLine = report.lineOf(run.earlier.start);
    findings.push({
      kind: "duplicate_sentence",
      line: report.lineOf(run.first.start),
      stated: sentence,
      computed: `与第${earlierLine}行重复`,
      message: `语句“${sentence}”重复出现（第${earlierLine}行已有）`,
    });
    run = undefined;
  };
  clauses.forEach((clause, index) => {
    const previous = clauses[index - 1];
    if (previous && previous.paragraph !== clause.paragraph) {
      seen.clear();
    }
    const long = cjkCount(clause.key) >= MIN_CJK;
    const earlier = long ? (seen.get(clause.key) ?? (previous?.key === clause.key ? previous : undefined)) : undefined;
    if (earlier) {
      if (run) {
        run.texts.push(clause.text);
      } else {
        run = { first: clause, earlier, texts: [clause.text] };
      }
    } else {
      flush();
    }
    if (long && !seen.has(clause.key)) {
      seen.set(clause.key, clause);
    }
  });
  flush();
  return findings;
}
