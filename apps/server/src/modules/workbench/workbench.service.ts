import type { WorkOrderFilter } from "../../../../../packages/contracts/src/work-orders.ts";
import type { Workbench, WorkbenchNotice, WorkbenchTask } from "../../../../../packages/contracts/src/workbench.ts";
import { type Action, canAnywhere, scopeFor } from "../../platform/access-can.ts";
import type { Ctx } from "../../platform/actor.ts";
import { canOperateHall, OPERATE_HALLS } from "../appointments/appointments.policy.ts";
import { findVisibleHalls } from "../appointments/halls.service.ts";
import { hallQueue } from "../appointments/queue.service.ts";
import { APPROVE_EVALUATIONS, EDIT_BUDGETS, VIEW_BUDGETS } from "../budget/budget.policy.ts";
import { listBudgetYears } from "../budget/budget.service.ts";
import { findCalendarYear } from "../calendar/calendar.service.ts";
import { MANAGE_DATA } from "../data-sharing/data-sharing.policy.ts";
import { countReminded } from "../data-sharing/request-reminders.repo.ts";
import { SUPERVISE_RATINGS, VIEW_RATINGS } from "../evaluations/evaluations.policy.ts";
import { listRatings } from "../evaluations/rates.service.ts";
import { listEvaluations } from "../self-evaluation/self-evaluation.service.ts";
import { countVisibleWorkOrders } from "../work-orders/queries.service.ts";
import { ACT_AS_CENTRE, ACT_AS_UNIT, SUPERVISE_WORK_ORDERS } from "../work-orders/work-orders.policy.ts";

type Task = Omit<WorkbenchTask, "hint"> & { hint?: string };
const BAD_RATING_DAYS = 7;
const WO_GROUP = "工单办理";

const woHref = (f: Record<string, string>) => `/work-orders?${new URLSearchParams(f).toString()}`;

/** One work-order count per queue the role works from; the href opens that queue, so the numbers agree. */
async function workOrderTasks(ctx: Ctx): Promise<Task[]> {
  const specs: Array<{ act: Action; key: string; label: string; filter: WorkOrderFilter; href: string; hot: boolean }> =
    [
      {
        act: ACT_AS_UNIT,
        key: "wo.toAccept",
        label: "待签收",
        filter: { status: ["dispatched"] },
        href: woHref({ queue: "all", status: "dispatched" }),
        hot: false,
      },
      {
        act: ACT_AS_UNIT,
        key: "wo.dueSoon",
        label: "24 小时内到期",
        filter: { queue: "due_soon" },
        href: woHref({ queue: "due_soon" }),
        hot: true,
      },
      {
        act: ACT_AS_CENTRE,
        key: "wo.toDispatch",
        label: "待派单",
        filter: { queue: "new" },
        href: woHref({ queue: "new" }),
        hot: false,
      },
      {
        act: ACT_AS_CENTRE,
        key: "wo.toReview",
        label: "待审核（答复、退单、延期）",
        filter: { queue: "awaiting_review" },
        href: woHref({ queue: "awaiting_review" }),
        hot: false,
      },
      {
        act: ACT_AS_CENTRE,
        key: "wo.toFollowUp",
        label: "待回访",
        filter: { queue: "awaiting_follow_up" },
        href: woHref({ queue: "awaiting_follow_up" }),
        hot: false,
      },
      {
        act: SUPERVISE_WORK_ORDERS,
        key: "wo.supervised",
        label: "督办中",
        filter: { queue: "supervised" },
        href: woHref({ queue: "supervised" }),
        hot: false,
      },
    ];
  const mine = specs.filter((s) => canAnywhere(ctx.actor, s.act));
  // Overdue matters to whoever handles or dispatches tickets: once, whichever of those roles they hold.
  if (canAnywhere(ctx.actor, ACT_AS_UNIT) || canAnywhere(ctx.actor, ACT_AS_CENTRE)) {
    mine.push({
      act: ACT_AS_UNIT,
      key: "wo.overdue",
      label: "已超期",
      filter: { queue: "overdue" },
      href: woHref({ queue: "overdue" }),
      hot: true,
    });
  }
  const out: Task[] = [];
  for (const s of mine) {
    const count = await countVisibleWorkOrders(ctx, s.filter);
    out.push({
      key: s.key,
      group: WO_GROUP,
      label: s.label,
      count,
      href: s.href,
      tone: s.hot && count > 0 ? (s.key === "wo.overdue" ? "danger" : "warning") : "normal",
    });
  }
  return out;
}

/** Window staff: who is waiting now in each hall they serve. */
async function hallTasks(ctx: Ctx): Promise<Task[]> {
  if (!canAnywhere(ctx.actor, OPERATE_HALLS)) {
    return [];
  }
  const halls = (await findVisibleHalls(ctx)).filter((h) => canOperateHall(ctx.actor, h));
  const out: Task[] = [];
  for (const h of halls) {
    const queue = await hallQueue(ctx, h.id);
    out.push({
      key: `hall.${h.id}.waiting`,
      group: "大厅",
      label: `${h.name} 今日排队等候`,
      count: queue.waiting.length,
      href: "/hall/window",
      tone: queue.waiting.length > 20 ? "warning" : "normal",
    });
  }
  return out;
}

/** Supervisors decide citizens' ratings appealed by the unit rated: the appeals waiting for a decision. */
async function ratingTasks(ctx: Ctx): Promise<Task[]> {
  if (!canAnywhere(ctx.actor, SUPERVISE_RATINGS)) {
    return [];
  }
  const pending = await listRatings(ctx, { appeal: "pending" }, { page: 1, pageSize: 1 });
  return [
    {
      key: "ratings.appeals",
      group: "好差评",
      label: "待处理的差评申诉",
      count: pending.total,
      href: "/ratings?appeal=pending",
      tone: pending.total > 0 ? "warning" : "normal",
    },
  ];
}

/** Data officers: the 有条件共享 requests they must decide whose deadline the reminder job flagged. */
async function dataRequestTasks(ctx: Ctx): Promise<Task[]> {
  if (!canAnywhere(ctx.actor, MANAGE_DATA)) {
    return [];
  }
  const paths = scopeFor(ctx.actor, MANAGE_DATA);
  const out: Task[] = [];
  for (const [stage, label] of [
    ["due_soon", "共享申请审批即将到期"],
    ["overdue", "共享申请审批已超期"],
  ] as const) {
    const count = await countReminded(ctx.db, ctx.actor.tenantId, paths, stage);
    out.push({
      key: `data.requests.${stage}`,
      group: "数据共享",
      label,
      count,
      href: `/data/requests?box=to_approve&status=pending&deadline=${stage}`,
      tone: count > 0 ? (stage === "overdue" ? "danger" : "warning") : "normal",
    });
  }
  return out;
}

const STATUS_LABEL: Record<string, string> = { draft: "草稿", submitted: "已提交待审批", approved: "已审批" };

/** Finance: where the latest year's self-evaluation stands; leader: versions waiting for approval, red indicators. */
async function budgetTasks(ctx: Ctx): Promise<Task[]> {
  if (!canAnywhere(ctx.actor, VIEW_BUDGETS)) {
    return [];
  }
  const years = await listBudgetYears(ctx);
  const latest = years.reduce<(typeof years)[number] | undefined>((a, y) => (a && a.year > y.year ? a : y), undefined);
  if (!latest) {
    return [];
  }
  const out: Task[] = [];
  const versions = await listEvaluations(ctx, latest.year);
  const newest = versions.reduce<(typeof versions)[number] | undefined>(
    (a, v) => (a && a.version > v.version ? a : v),
    undefined,
  );
  if (canAnywhere(ctx.actor, EDIT_BUDGETS)) {
    out.push({
      key: "budget.evaluation",
      group: "预算绩效",
      label: `${latest.year} 年度绩效自评`,
      count: newest ? newest.version : 0,
      href: newest ? `/evaluations/${newest.id}` : "/evaluations",
      tone: newest?.status === "approved" ? "normal" : "warning",
      hint: newest ? `第 ${newest.version} 版，${STATUS_LABEL[newest.status] ?? newest.status}` : "尚未开展",
    });
  }
  if (canAnywhere(ctx.actor, APPROVE_EVALUATIONS)) {
    const waiting = versions.filter((v) => v.status === "submitted");
    out.push({
      key: "budget.toApprove",
      group: "预算绩效",
      label: "绩效自评待审批",
      count: waiting.length,
      href: waiting[0] ? `/evaluations/${waiting[0].id}` : "/evaluations",
      tone: waiting.length > 0 ? "warning" : "normal",
    });
  }
  const red = latest.summary.indicators - latest.summary.indicatorsMet;
  out.push({
    key: "budget.redIndicators",
    group: "预算绩效",
    label: `${latest.year} 年度未达标绩效指标`,
    count: red,
    href: `/budget/${latest.year}`,
    tone: red > 0 ? "danger" : "normal",
    hint: `共 ${latest.summary.indicators} 项，达标 ${latest.summary.indicatorsMet} 项`,
  });
  return out;
}

function isoDaysAgo(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}

async function notices(ctx: Ctx): Promise<WorkbenchNotice[]> {
  const out: WorkbenchNotice[] = [];
  const now = ctx.clock.now();
  const calendar = await findCalendarYear(ctx, now.getUTCFullYear());
  if (calendar.warning) {
    out.push({ key: "calendar.nextYear", level: "warning", text: calendar.warning, href: null });
  }
  if (canAnywhere(ctx.actor, VIEW_RATINGS)) {
    const from = isoDaysAgo(now, BAD_RATING_DAYS);
    const bad = await listRatings(ctx, { metric: "bad", from }, { page: 1, pageSize: 1 });
    if (bad.total > 0) {
      out.push({
        key: "ratings.bad",
        level: "warning",
        text: `近 ${BAD_RATING_DAYS} 天本单位收到 ${bad.total} 条差评，请及时整改`,
        href: `/ratings?${new URLSearchParams({ metric: "bad", from }).toString()}`,
      });
    }
  }
  return out;
}

/** The signed-in person's workbench: their tasks by role and the notices that concern them. */
export async function getWorkbench(ctx: Ctx): Promise<Workbench> {
  const tasks = [
    ...(await workOrderTasks(ctx)),
    ...(await ratingTasks(ctx)),
    ...(await hallTasks(ctx)),
    ...(await budgetTasks(ctx)),
    ...(await dataRequestTasks(ctx)),
  ];
  return {
    computedAt: ctx.clock.now().toISOString(),
    tasks: tasks.map((t) => ({ ...t, hint: t.hint ?? null })),
    notices: await notices(ctx),
  };
}
