import { sql } from "drizzle-orm";
import {
  APPEAL_MAX_DAYS,
  type AppealPeriodQuery,
  type HotSpots,
  type HotSpotsQuery,
  type HotTopics,
  type HotTopicsQuery,
  type RepeatCallers,
  type RisingTopics,
  type RisingTopicsQuery,
} from "../../../../../packages/contracts/src/appeals.ts";
import { WO_CATEGORY_LABELS, WoCategorySchema } from "../../../../../packages/contracts/src/work-orders.ts";
import { type Action, scopeFor } from "../../platform/access-can.ts";
import type { Ctx } from "../../platform/actor.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { type FieldIssue, validation } from "../../platform/errors.ts";
import { maskPhone } from "../../platform/mask.ts";
import {
  type AppealSlice,
  categoryCounts,
  countTickets,
  hotSpots,
  periodCounts,
  repeatCallers,
  termCounts,
} from "../work-orders/appeal-counts.repo.ts";
import { READ_APPEALS } from "./dashboard.policy.ts";
import { poissonUpperTail } from "./poisson.ts";

export const DAY_MS = 86_400_000;
/** Midnight in Asia/Shanghai of a YYYY-MM-DD day. */
export const midnight = (day: string) => new Date(`${day}T00:00:00+08:00`);
/** The Asia/Shanghai day (YYYY-MM-DD) of an instant. */
export const dayOf = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
export const labelOf = (category: string) => {
  const c = WoCategorySchema.safeParse(category);
  return c.success ? WO_CATEGORY_LABELS[c.data] : category;
};
const share = (n: number, total: number) => (total > 0 ? Math.round((n / total) * 10000) / 10000 : 0);

/** Rising: at least this many this week, above the baseline, and this improbable under it. */
export const RISING = { minCount: 5, pValue: 0.001, floor: 0.5, weeks: 8 } as const;
/** Tickets from one number within 30 days that make a repeat caller. */
export const REPEAT_MIN = 3;
export const RISING_METHOD =
  `泊松检验：以前 ${RISING.weeks} 周的周均值 λ 为基线（不足 ${RISING.floor} 时按 ${RISING.floor} 计），` +
  `本周件数 x 满足 x ≥ ${RISING.minCount}、x > λ 且 P(X ≥ x) < ${RISING.pValue} 时记为上升`;

/**
 * The reader's slice of the tickets: the subtrees where they may do `act` (reading 诉求 analysis by
 * default), a known town or unit, a period of at most three years.
 */
export async function appealSlice(
  ctx: Ctx,
  q: { townId?: string | undefined; unitId?: string | undefined },
  from: Date,
  to: Date,
  act: Action = READ_APPEALS,
): Promise<AppealSlice> {
  const tenantId = ctx.actor.tenantId;
  const issues: FieldIssue[] = [];
  const known = async (id: string, kinds: readonly string[]) =>
    (
      await queryRows<{ id: string }>(
        ctx.db,
        sql`select id from org_units where tenant_id = ${tenantId} and id = ${id}
            and kind in (${sql.join(
              kinds.map((k) => sql`${k}`),
              sql`, `,
            )})`,
      )
    ).length > 0;
  if (q.townId && !(await known(q.townId, ["town", "street"]))) {
    issues.push({ path: "townId", message: "没有这个镇（街）" });
  }
  if (
    q.unitId &&
    !(await known(q.unitId, ["department", "department_unit", "town", "street", "bureau", "bureau_unit"]))
  ) {
    issues.push({ path: "unitId", message: "没有这个承办单位" });
  }
  if (issues.length > 0) {
    throw validation(issues);
  }
  return { tenantId, paths: scopeFor(ctx.actor, act), from, to, townId: q.townId, unitId: q.unitId };
}

/** [from 00:00, the day after `to` 00:00) in Asia/Shanghai, at most APPEAL_MAX_DAYS days. */
export function appealPeriod(q: Pick<AppealPeriodQuery, "from" | "to">): { from: Date; to: Date } {
  const from = midnight(q.from);
  const to = new Date(midnight(q.to).getTime() + DAY_MS);
  if (to <= from) {
    throw validation([{ path: "to", message: "结束日期不能早于开始日期" }]);
  }
  if ((to.getTime() - from.getTime()) / DAY_MS > APPEAL_MAX_DAYS) {
    throw validation([{ path: "from", message: "分析期间不能超过 3 年" }]);
  }
  return { from, to };
}

export async function getHotTopics(ctx: Ctx, q: HotTopicsQuery, act: Action = READ_APPEALS): Promise<HotTopics> {
  const { from, to } = appealPeriod(q);
  const s = await appealSlice(ctx, q, from, to, act);
  const total = await countTickets(ctx.db, s);
  const terms = await termCounts(ctx.db, s, q.limit);
  const categories = await categoryCounts(ctx.db, s);
  return {
    total,
    terms: terms.map((t) => ({ term: t.term, count: Number(t.n), share: share(Number(t.n), total) })),
    categories: categories.map((c) => ({
      category: c.category,
      label: labelOf(c.category),
      count: Number(c.n),
      share: share(Number(c.n), total),
    })),
  };
}

/** The week (Monday to Sunday) of `week` against its own trailing eight weeks, per term and category. */
export async function getRisingTopics(ctx: Ctx, q: RisingTopicsQuery): Promise<RisingTopics> {
  const day = midnight(q.week);
  // The weekday of the Shanghai day (its midnight is the previous day in UTC); Monday starts the week.
  const weekday = new Date(day.getTime() + 8 * 3_600_000).getUTCDay();
  const weekStart = new Date(day.getTime() - ((weekday + 6) % 7) * DAY_MS);
  const from = new Date(weekStart.getTime() - RISING.weeks * 7 * DAY_MS);
  const to = new Date(weekStart.getTime() + 7 * DAY_MS);
  const s = await appealSlice(ctx, q, from, to);
  const { terms, categories } = await periodCounts(ctx.db, s);
  const rising = scoreRising(terms, categories);
  return {
    weekStart: dayOf(weekStart),
    weekEnd: dayOf(new Date(to.getTime() - DAY_MS)),
    method: RISING_METHOD,
    rising: rising.slice(0, 30),
  };
}

/** Rising terms and categories, most surprising first, from counts per period (the last one tested). */
export function scoreRising(
  terms: ReadonlyArray<{ key: string; wk: number; n: number }>,
  categories: ReadonlyArray<{ key: string; wk: number; n: number }>,
) {
  return [...score("term", terms, (k) => k), ...score("category", categories, labelOf)].sort(
    (a, b) => a.pValue - b.pValue || b.count - a.count,
  );
}

function score(
  kind: "term" | "category",
  rows: ReadonlyArray<{ key: string; wk: number; n: number }>,
  label: (key: string) => string,
) {
  const byKey = new Map<string, number[]>();
  for (const r of rows) {
    const weeks = byKey.get(r.key) ?? Array.from({ length: RISING.weeks + 1 }, () => 0);
    const wk = Number(r.wk);
    if (wk >= 0 && wk <= RISING.weeks) {
      weeks[wk] = (weeks[wk] ?? 0) + Number(r.n);
    }
    byKey.set(r.key, weeks);
  }
  return [...byKey.entries()].flatMap(([key, weeks]) => {
    const history = weeks.slice(0, RISING.weeks);
    const count = weeks[RISING.weeks] ?? 0;
    const baseline = history.reduce((a, b) => a + b, 0) / RISING.weeks;
    const pValue = poissonUpperTail(count, Math.max(baseline, RISING.floor));
    const rises = count >= RISING.minCount && count > baseline && pValue < RISING.pValue;
    return rises
      ? [{ kind, key, label: label(key), count, history, baseline: Math.round(baseline * 100) / 100, pValue }]
      : [];
  });
}

export async function getHotSpots(ctx: Ctx, q: HotSpotsQuery, act: Action = READ_APPEALS): Promise<HotSpots> {
  const { from, to } = appealPeriod(q);
  const rows = await hotSpots(ctx.db, await appealSlice(ctx, q, from, to, act), q.minCount);
  return {
    method: `同一村（社区）同一主题词，任意连续 30 天内工单不少于 ${q.minCount} 件`,
    spots: rows.map((r) => ({
      communityId: r.community_id,
      community: r.community,
      town: r.town,
      term: r.term,
      count: Number(r.n),
      from: dayOf(new Date(new Date(r.last).getTime() - 30 * DAY_MS)),
      to: dayOf(new Date(r.last)),
    })),
  };
}

/** Repeat callers: three or more tickets from one number within 30 days; numbers masked. */
export async function getRepeatCallers(
  ctx: Ctx,
  q: AppealPeriodQuery,
  act: Action = READ_APPEALS,
): Promise<RepeatCallers> {
  const { from, to } = appealPeriod(q);
  const rows = await repeatCallers(ctx.db, await appealSlice(ctx, q, from, to, act), REPEAT_MIN);
  return {
    method: "同一来电号码任意连续 30 天内工单不少于 3 件；号码已脱敏，完整号码须在工单中查看联系人（留痕）",
    callers: rows.map((r) => ({
      phone: maskPhone(r.phone) ?? "****",
      count: Number(r.n),
      from: dayOf(new Date(new Date(r.last).getTime() - 30 * DAY_MS)),
      to: dayOf(new Date(r.last)),
      workOrderIds: r.ids,
    })),
  };
}
