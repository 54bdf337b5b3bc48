import { type SQL, sql } from "drizzle-orm";
import { RATE_KEYS, type RateGroup } from "../../../../../packages/contracts/src/evaluations.ts";
import { pathInScope } from "../../platform/access.ts";
import { scopeFor } from "../../platform/access-can.ts";
import type { Ctx } from "../../platform/actor.ts";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { VIEW_RATINGS } from "./evaluations.policy.ts";
import { type RatingRow, ratingLabels, unitNames } from "./evaluations.repo.ts";
import { toRatingDto } from "./evaluations.service.ts";
import { type CaseCounts, countUnratedCases, type UnratedCounts } from "./unrated.repo.ts";

type RateKey = (typeof RATE_KEYS)[number];
export type RatingFilter = {
  from?: string | undefined;
  to?: string | undefined;
  unitId?: string | undefined;
  subjectKind?: string | undefined;
  metric?: RateKey | undefined;
  windowName?: string | undefined;
  staffName?: string | undefined;
  itemCode?: string | undefined;
  appeal?: string | undefined;
};

/** Each count is a condition on a rating joined to its rectification ticket (wo): the drill-down lists exactly these. */
const CONDITION: Record<RateKey, SQL> = {
  ratings: sql`r.status = 'valid'`,
  good: sql`r.status = 'valid' and r.level >= 3`,
  active: sql`r.status = 'valid' and not r.is_default`,
  activeGood: sql`r.status = 'valid' and not r.is_default and r.level >= 3`,
  defaulted: sql`r.status = 'valid' and r.is_default`,
  bad: sql`r.status = 'valid' and r.level <= 2`,
  badReplied: sql`r.status = 'valid' and r.level <= 2 and wo.replied_at is not null`,
  rectified: sql`r.status = 'valid' and r.level <= 2 and wo.closed_at is not null`,
  rectifiedOnTime: sql`r.status = 'valid' and r.level <= 2 and wo.closed_at is not null and wo.closed_at <= wo.close_due_at`,
  rectificationFollowedUp: sql`r.status = 'valid' and r.level <= 2 and wo.satisfaction is not null`,
  rectificationSatisfied: sql`r.status = 'valid' and r.level <= 2 and wo.satisfaction >= 3`,
};

export const RATE_FORMULAS: Record<string, string> = {
  goodRate: "好评率 = (非常满意 + 满意 + 基本满意) ÷ 有效评价（含默认好评；申诉成立的差评不计）",
  activeGoodRate: "主动好评率 = 主动评价中的好评 ÷ 主动评价（不含超期默认的基本满意）",
  unratedRate:
    "未评价率 = 未主动评价 ÷ 应评价；应评价 = 期间办结的窗口与网上办件 + 进入评价的工单，未主动评价 = 其中无主动评价的办件（含超期默认基本满意的）+ 超期默认评价的工单",
  badReplyRate: "差评回复率 = 整改工单已答复的差评 ÷ 差评",
  rectificationRate: "整改率 = 整改工单已办结的差评 ÷ 差评",
  onTimeRectificationRate: "按时整改率 = 在整改时限内办结的差评 ÷ 差评",
  rectificationSatisfactionRate: "整改满意率 = 回访满意的整改 ÷ 成功回访的整改",
};

function where(ctx: Ctx, f: RatingFilter): SQL {
  const parts: SQL[] = [
    sql`r.tenant_id = ${ctx.actor.tenantId}`,
    pathInScope(sql`r.scope_path`, scopeFor(ctx.actor, VIEW_RATINGS)),
  ];
  if (f.from) {
    parts.push(sql`r.rated_at >= ${f.from}::timestamptz`);
  }
  if (f.to) {
    parts.push(sql`r.rated_at < ${f.to}::timestamptz`);
  }
  if (f.unitId) {
    parts.push(sql`r.unit_id = ${f.unitId}::uuid`);
  }
  if (f.subjectKind) {
    parts.push(sql`r.subject_kind = ${f.subjectKind}`);
  }
  if (f.windowName) {
    parts.push(sql`r.window_name = ${f.windowName}`);
  }
  if (f.staffName) {
    parts.push(sql`r.staff_name = ${f.staffName}`);
  }
  if (f.itemCode) {
    parts.push(sql`r.item_code = ${f.itemCode}`);
  }
  if (f.appeal) {
    parts.push(sql`r.appeal = ${f.appeal}`);
  }
  if (f.metric) {
    parts.push(CONDITION[f.metric]);
  }
  return sql.join(parts, sql` and `);
}

const FROM = sql`from ratings r left join work_orders wo on wo.id = r.rectification_work_order_id`;
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10000) / 10000 : null);

function toRow(key: string | null, label: string, raw: Record<string, unknown>, cases: CaseCounts | undefined) {
  const c = Object.fromEntries(RATE_KEYS.map((k) => [k, Number(raw[k] ?? 0)])) as Record<RateKey, number>;
  // Work orders enter 好差评 when rated (by the caller or the 7-day default); cases when finished.
  const toRate = (cases?.cases ?? 0) + Number(raw.wo_rated ?? 0);
  const unrated = (cases?.unrated ?? 0) + Number(raw.wo_default ?? 0);
  return {
    key,
    label,
    counts: c,
    cases: toRate,
    unratedCases: unrated,
    goodRate: ratio(c.good, c.ratings),
    activeGoodRate: ratio(c.activeGood, c.active),
    unratedRate: ratio(unrated, toRate),
    badReplyRate: ratio(c.badReplied, c.bad),
    rectificationRate: ratio(c.rectified, c.bad),
    onTimeRectificationRate: ratio(c.rectifiedOnTime, c.bad),
    rectificationSatisfactionRate: ratio(c.rectificationSatisfied, c.rectificationFollowedUp),
  };
}

const GROUP_KEYS: Record<Exclude<RateGroup, "none">, SQL> = {
  unit: sql`r.unit_id::text`,
  window: sql`r.window_name`,
  staff: sql`r.staff_name`,
  item: sql`r.item_code`,
  month: sql`to_char(r.rated_at at time zone 'Asia/Shanghai', 'YYYY-MM')`,
};

/** The rates of domain-rules §2, in total and by unit, window, staff, item or month; each count opens as a list filter. */
const NO_CASES: UnratedCounts = { total: undefined, byKey: new Map() };

/**
 * `coverage: false` skips counting the cases still to be rated (the costliest part: every finished
 * case of the period) for a reader that shows only the ratings themselves, as the cockpit does.
 */
export async function computeRates(
  ctx: Ctx,
  f: RatingFilter & { groupBy: RateGroup },
  opts: { coverage: boolean } = { coverage: true },
) {
  const counts = sql.join(
    [
      ...RATE_KEYS.map((k) => sql`count(*) filter (where ${CONDITION[k]})::int as ${sql.identifier(k)}`),
      sql`count(*) filter (where r.status = 'valid' and r.subject_kind = 'work_order')::int as wo_rated`,
      sql`count(*) filter (where r.status = 'valid' and r.subject_kind = 'work_order' and r.is_default)::int as wo_default`,
    ],
    sql`, `,
  );
  const [[total], cases] = await Promise.all([
    queryRows<Record<string, unknown>>(ctx.db, sql`select ${counts} ${FROM} where ${where(ctx, f)}`),
    opts.coverage ? countUnratedCases(ctx, f, f.groupBy) : NO_CASES,
  ]);
  let groups: ReturnType<typeof toRow>[] = [];
  if (f.groupBy !== "none") {
    const key = GROUP_KEYS[f.groupBy];
    // Ratings without the dimension (a work order has no window) are in the total only.
    const rows = await queryRows<Record<string, unknown> & { key: string | null }>(
      ctx.db,
      sql`select ${key} as key, ${counts} ${FROM} where ${where(ctx, f)} and ${key} is not null group by 1 order by 2 desc, 1`,
    );
    const names =
      f.groupBy === "unit"
        ? await unitNames(
            ctx.db,
            rows.map((r) => r.key),
          )
        : new Map<string, string>();
    groups = rows.map((r) =>
      toRow(
        r.key,
        f.groupBy === "unit" ? (names.get(r.key ?? "") ?? "未知单位") : (r.key ?? ""),
        r,
        cases.byKey.get(r.key),
      ),
    );
  }
  return { total: toRow(null, "合计", total ?? {}, cases.total), groups, formulas: RATE_FORMULAS };
}

export async function listRatings(ctx: Ctx, f: RatingFilter, page: { page: number; pageSize: number }) {
  const w = where(ctx, f);
  const [count] = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n ${FROM} where ${w}`);
  const rows = await queryRows<Record<string, unknown>>(
    ctx.db,
    sql`select r.* ${FROM} where ${w} order by r.rated_at desc limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`,
  );
  const mapped = rows.map(fromSqlRow);
  const labels = await ratingLabels(ctx.db, mapped);
  return { items: mapped.map((r) => toRatingDto(ctx, r, labels)), total: Number(count?.n ?? 0) };
}

/** Raw SQL rows use column names; map them onto the table's fields. */
function fromSqlRow(r: Record<string, unknown>): RatingRow {
  const s = (k: string) => (r[k] === null || r[k] === undefined ? null : String(r[k]));
  return {
    id: String(r.id),
    tenantId: String(r.tenant_id),
    subjectKind: String(r.subject_kind),
    subjectId: String(r.subject_id),
    subjectLabel: String(r.subject_label),
    unitId: s("unit_id"),
    scopePath: String(r.scope_path),
    windowName: s("window_name"),
    staffName: s("staff_name"),
    itemCode: s("item_code"),
    level: Number(r.level),
    reasons: Array.isArray(r.reasons) ? r.reasons.map(String) : [],
    comment: String(r.comment ?? ""),
    isDefault: r.is_default === true,
    raterName: s("rater_name"),
    raterPhone: s("rater_phone"),
    status: String(r.status),
    appeal: String(r.appeal),
    appealReason: s("appeal_reason"),
    decisionReason: s("decision_reason"),
    ratedAt: new Date(String(r.rated_at instanceof Date ? r.rated_at.toISOString() : r.rated_at)),
    rectificationWorkOrderId: s("rectification_work_order_id"),
  };
}

/** Published rates per unit and rectification status: no personal data, no unit-internal detail. */
export async function publicDisclosure(db: Db, tenantId: string, from?: string, to?: string) {
  const rows = await queryRows<{
    unit_id: string | null;
    ratings: number;
    good: number;
    bad: number;
    rectified: number;
  }>(
    db,
    sql`select r.unit_id, count(*) filter (where ${CONDITION.ratings})::int as ratings,
          count(*) filter (where ${CONDITION.good})::int as good,
          count(*) filter (where ${CONDITION.bad})::int as bad,
          count(*) filter (where ${CONDITION.rectified})::int as rectified
        ${FROM}
        where r.tenant_id = ${tenantId} ${from ? sql`and r.rated_at >= ${from}::timestamptz` : sql``}
          ${to ? sql`and r.rated_at < ${to}::timestamptz` : sql``}
        group by 1 order by 2 desc`,
  );
  const names = await unitNames(
    db,
    rows.map((r) => r.unit_id),
  );
  return {
    period: { from: from ?? null, to: to ?? null },
    units: rows.map((r) => ({
      unitName: names.get(r.unit_id ?? "") ?? "—",
      ratings: Number(r.ratings),
      goodRate: ratio(Number(r.good), Number(r.ratings)),
      bad: Number(r.bad),
      rectified: Number(r.rectified),
      rectifying: Number(r.bad) - Number(r.rectified),
    })),
  };
}
