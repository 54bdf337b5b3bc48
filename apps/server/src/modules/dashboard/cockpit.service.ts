import type { Cockpit, CockpitQuery } from "../../../../../packages/contracts/src/cockpit.ts";
import { type Action, canAnywhere } from "../../platform/access-can.ts";
import type { Actor, Ctx } from "../../platform/actor.ts";
import { VIEW_HALLS } from "../appointments/appointments.policy.ts";
import { VIEW_BUDGETS } from "../budget/budget.policy.ts";
import { VIEW_RATINGS } from "../evaluations/evaluations.policy.ts";
import { READ_WORK_ORDER_METRICS, VIEW_WORK_ORDERS } from "../work-orders/work-orders.policy.ts";
import { getRisingTopics } from "./appeals.service.ts";
import { backlogTiles, budgetTile, hallTile, ratingTile, workOrderTile } from "./cockpit-tiles.ts";
import { READ_APPEALS } from "./dashboard.policy.ts";

/**
 * The cockpit's figures come from each module's own service (the dashboard reads, never writes)
 * under the reader's own grants, so a tile the reader may not see is null. Twenty screens asking
 * every second must not run the year's aggregates twenty times a second: one computation per
 * reader's grants, tenant, year and day is served for MAX_AGE_SECONDS, and readers asking while it
 * runs wait for that one instead of starting their own. Once it is older, the next reader starts one
 * recomputation and, like everyone until it is done, still gets the last figures (at most twice
 * MAX_AGE_SECONDS old), so no screen waits for the aggregates except the first to open.
 */
export const MAX_AGE_SECONDS = 30;
const MAX_ENTRIES = 500;

type Entry = { at: number; value: Promise<Cockpit>; refreshing: boolean };
const cache = new Map<string, Entry>();

const shanghaiDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Who sees the same figures: the same tenant and the same grants (role on subtree). */
function readerKey(actor: Actor): string {
  if (actor.kind !== "user") {
    return `${actor.kind}:${actor.tenantId}`;
  }
  const grants = actor.grants.map((g) => `${g.role}@${g.path}`).sort();
  return `${actor.tenantId}|${grants.join(",")}`;
}

export async function getCockpit(ctx: Ctx, q: CockpitQuery): Promise<Cockpit> {
  const now = ctx.clock.now();
  const today = shanghaiDay(now);
  const year = q.year ?? Number(today.slice(0, 4));
  const key = `${readerKey(ctx.actor)}|${year}|${today}`;
  const hit = cache.get(key);
  const age = hit ? now.getTime() - hit.at : Number.POSITIVE_INFINITY;
  if (hit && age < MAX_AGE_SECONDS * 1000) {
    return hit.value;
  }
  if (hit && age < 2 * MAX_AGE_SECONDS * 1000) {
    // Stale but recent: one reader refreshes in the background; all are served the last figures.
    if (!hit.refreshing) {
      hit.refreshing = true;
      const fresh = computeCockpit(ctx, year, today, now);
      fresh.then(
        () => store(key, { at: now.getTime(), value: fresh, refreshing: false }),
        () => {
          hit.refreshing = false;
        },
      );
    }
    return hit.value;
  }
  const value = computeCockpit(ctx, year, today, now);
  store(key, { at: now.getTime(), value, refreshing: false });
  // A failed computation is not served to the next reader.
  value.catch(() => {
    if (cache.get(key)?.value === value) {
      cache.delete(key);
    }
  });
  return value;
}

function store(key: string, entry: Entry): void {
  cache.delete(key);
  cache.set(key, entry);
  if (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) {
      cache.delete(oldest);
    }
  }
}

/** A tile is null unless the reader may use `act` somewhere: each module's own action decides. */
async function tile<T>(ctx: Ctx, act: Action, read: () => Promise<T>): Promise<T | null> {
  return canAnywhere(ctx.actor, act) ? read() : null;
}

async function computeCockpit(ctx: Ctx, year: number, today: string, now: Date): Promise<Cockpit> {
  const workOrders = await tile(ctx, READ_WORK_ORDER_METRICS, () => workOrderTile(ctx, year, today));
  const backlog = await tile(ctx, VIEW_WORK_ORDERS, () => backlogTiles(ctx));
  const hall = await tile(ctx, VIEW_HALLS, () => hallTile(ctx, year, today, now));
  const ratings = await tile(ctx, VIEW_RATINGS, () => ratingTile(ctx, year));
  const budget = await tile(ctx, VIEW_BUDGETS, () => budgetTile(ctx, year));
  const appeals = await tile(ctx, READ_APPEALS, async () => {
    const r = await getRisingTopics(ctx, { week: today });
    return {
      weekStart: r.weekStart,
      method: r.method,
      rising: r.rising.slice(0, 5).map(({ kind, key, label, count }) => ({ kind, key, label, count })),
    };
  });
  return {
    year,
    today,
    computedAt: now.toISOString(),
    maxAgeSeconds: MAX_AGE_SECONDS,
    workOrders,
    backlog: backlog?.backlog ?? null,
    towns: backlog?.towns ?? null,
    hall,
    ratings,
    budget: budget ?? null,
    appeals,
  };
}
