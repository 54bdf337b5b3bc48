import type { WoCategory, WoKind, WoUrgency } from "../../../../../packages/contracts/src/work-orders.ts";
import type { SlaPolicy } from "./sla.ts";

export type PolicyRow = SlaPolicy & { kind: string | null; category: string | null; urgency: string | null };

const base = { warnHours: 24, maxExtensions: 1, superviseAfterWd: 1, notifyAfterWd: 3 } as const;

/**
 * Guangdong 2022 defaults (domain-rules §1): accept within 1 WD (urgent 2 h); reply within 咨询 2 WD,
 * 求助/建议 10 WD, 投诉/举报 15 WD, urgent 24 h; bad-rating rectification 1 WD to verify and contact,
 * 15 WD to rectify. Copied into sla_policies per tenant and year, where staff change them.
 */
export const DEFAULT_POLICIES: readonly PolicyRow[] = [
  {
    kind: null,
    category: null,
    urgency: null,
    acceptValue: 1,
    acceptUnit: "wd",
    closeValue: 10,
    closeUnit: "wd",
    ...base,
  },
  {
    kind: null,
    category: "consult",
    urgency: null,
    acceptValue: 1,
    acceptUnit: "wd",
    closeValue: 2,
    closeUnit: "wd",
    ...base,
  },
  {
    kind: null,
    category: "help",
    urgency: null,
    acceptValue: 1,
    acceptUnit: "wd",
    closeValue: 10,
    closeUnit: "wd",
    ...base,
  },
  {
    kind: null,
    category: "suggestion",
    urgency: null,
    acceptValue: 1,
    acceptUnit: "wd",
    closeValue: 10,
    closeUnit: "wd",
    ...base,
  },
  {
    kind: null,
    category: "complaint",
    urgency: null,
    acceptValue: 1,
    acceptUnit: "wd",
    closeValue: 15,
    closeUnit: "wd",
    ...base,
  },
  {
    kind: null,
    category: "report",
    urgency: null,
    acceptValue: 1,
    acceptUnit: "wd",
    closeValue: 15,
    closeUnit: "wd",
    ...base,
  },
  {
    kind: null,
    category: null,
    urgency: "urgent",
    acceptValue: 2,
    acceptUnit: "h",
    closeValue: 24,
    closeUnit: "h",
    warnHours: 4,
    maxExtensions: 1,
    superviseAfterWd: 1,
    notifyAfterWd: 3,
  },
  {
    kind: "bad_rating",
    category: null,
    urgency: null,
    acceptValue: 1,
    acceptUnit: "wd",
    closeValue: 15,
    closeUnit: "wd",
    ...base,
  },
];

function specificity(r: PolicyRow): number {
  return (r.kind ? 4 : 0) + (r.urgency ? 2 : 0) + (r.category ? 1 : 0);
}

/** The most specific policy row matching the ticket. */
export function pickPolicy(
  rows: readonly PolicyRow[],
  kind: WoKind,
  category: WoCategory,
  urgency: WoUrgency,
): PolicyRow {
  const matching = rows.filter(
    (r) =>
      (r.kind === null || r.kind === kind) &&
      (r.category === null || r.category === category) &&
      (r.urgency === null || r.urgency === urgency),
  );
  const best = matching.sort((a, b) => specificity(b) - specificity(a))[0];
  if (!best) {
    throw new Error(`no SLA policy matches ${kind}/${category}/${urgency}`);
  }
  return best;
}
