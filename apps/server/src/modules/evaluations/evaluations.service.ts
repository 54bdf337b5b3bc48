import { randomUUID } from "node:crypto";
import {
  DEFAULT_LEVEL,
  isBad,
  RATING_LABELS,
  type RateInput,
  type Rating,
} from "../../../../../packages/contracts/src/evaluations.ts";
import type { Ctx, SystemActor } from "../../platform/actor.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError, authorize, conflict, notFound } from "../../platform/errors.ts";
import {
  findRatableServiceCases,
  findServiceCasesFinishedBetween,
  type RatableCase,
} from "../appointments/service-cases.service.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { findOnlineCasesFinishedBetween, findRatableOnlineCases } from "../online-cases/online-cases.service.ts";
import { createWorkOrder } from "../work-orders/intake.service.ts";
import {
  findClosedHotlineTickets,
  findRatableWorkOrder,
  type RatableWorkOrder,
} from "../work-orders/queries.service.ts";
import { transitionWorkOrder } from "../work-orders/transitions.service.ts";
import { canAppeal, canDecideAppeal, canSeeRater, canViewRating } from "./evaluations.policy.ts";
import {
  findRating,
  findRatingBySubject,
  insertRating,
  type RatingLabels,
  type RatingRow,
  ratingLabels,
  updateRating,
} from "./evaluations.repo.ts";
import { isRatingCode } from "./rating-codes.service.ts";

/** Days after the service within which the citizen may rate; then 基本满意 is recorded by default. */
export const RATING_WINDOW_DAYS = 7;

const sysCtx = (db: Db, clock: Clock, tenantId: string, name: string): Ctx => ({
  db,
  actor: { kind: "system", tenantId, name } satisfies SystemActor,
  clock,
  log: { info: () => {}, warn: () => {}, error: () => {} },
  requestId: randomUUID(),
});

export function toRatingDto(ctx: Ctx, r: RatingRow, labels: RatingLabels): Rating {
  return {
    id: r.id,
    subjectKind: r.subjectKind === "service_case" ? "service_case" : "work_order",
    subjectId: r.subjectId,
    subjectNo: labels.numbers.get(r.subjectId) ?? null,
    subjectLabel: r.subjectLabel,
    unitId: r.unitId,
    unitName: (r.unitId && labels.units.get(r.unitId)) || "—",
    level: r.level,
    levelLabel: RATING_LABELS[r.level] ?? String(r.level),
    reasons: r.reasons,
    comment: r.comment,
    isDefault: r.isDefault,
    status: r.status === "invalid" || r.status === "malicious" ? r.status : "valid",
    appeal: r.appeal === "pending" || r.appeal === "upheld" || r.appeal === "rejected" ? r.appeal : "none",
    appealReason: r.appealReason,
    decisionReason: r.decisionReason,
    ratedAt: r.ratedAt.toISOString(),
    rectificationWorkOrderId: r.rectificationWorkOrderId,
    rater: canSeeRater(ctx.actor, r) ? { name: r.raterName, phone: maskPhone(r.raterPhone) } : null,
  };
}

const maskPhone = (p: string | null) => (p ? `${p.slice(0, 3)}****${p.slice(-4)}` : null);

/**
 * A bad rating opens a rectification ticket to the unit that served, dispatched at once: the unit
 * verifies and contacts the rater (签收, 1 WD), rectifies and feeds back (答复, 15 WD), the centre
 * reviews and follows up with the rater — the work-order engine's loop and deadlines.
 */
async function openRectification(ctx: Ctx, r: RatingRow): Promise<string | null> {
  if (!r.unitId) {
    return null;
  }
  const { workOrder } = await createWorkOrder(ctx, {
    kind: "bad_rating",
    category: "complaint",
    urgency: "normal",
    channel: "evaluation",
    title: `差评整改：${r.subjectLabel}`.slice(0, 100),
    content: `评价：${RATING_LABELS[r.level]}。原因：${[...r.reasons, r.comment].filter(Boolean).join("；") || "未填写"}`,
    callerName: r.raterName ?? undefined,
    callerPhone: r.raterPhone ?? undefined,
    receivedAt: ctx.clock.now().toISOString(),
    campaignTags: [],
    sourceRef: `rating:${r.id}`,
  });
  await transitionWorkOrder(ctx, workOrder.id, { action: "dispatch", unitId: r.unitId, attachments: [] });
  return workOrder.id;
}

async function saveRating(ctx: Ctx, row: RatingRow): Promise<RatingRow> {
  return ctx.db.transaction(async (tx) => {
    const inner = { ...ctx, db: tx };
    await insertRating(tx, row);
    let saved = row;
    if (isBad(row.level) && !row.isDefault) {
      const woId = await openRectification(inner, row);
      if (woId) {
        await updateRating(tx, row.id, { rectificationWorkOrderId: woId });
        saved = { ...row, rectificationWorkOrderId: woId };
      }
    }
    await recordAudit(inner, {
      action: row.isDefault ? "rating.default" : "rating.create",
      entityType: "rating",
      entityId: row.id,
      scopePath: row.scopePath,
      summary: { subjectKind: row.subjectKind, subjectId: row.subjectId, level: row.level, bad: isBad(row.level) },
    });
    return saved;
  });
}

type Subject = {
  kind: "work_order" | "service_case";
  id: string;
  tenantId: string;
  label: string;
  unitId: string | null;
  scopePath: string;
  windowName: string | null;
  staffName: string | null;
  itemCode: string | null;
  raterName: string | null;
  raterPhone: string | null;
  finishedAt: Date | null;
};

const fromCase = (c: RatableCase): Subject => ({
  kind: "service_case",
  id: c.id,
  tenantId: c.tenantId,
  label: c.label,
  unitId: c.unitId,
  scopePath: c.scopePath,
  windowName: c.windowName,
  staffName: c.staffName,
  itemCode: c.itemCode,
  raterName: c.personName,
  raterPhone: c.phone,
  finishedAt: c.finishedAt,
});
const fromTicket = (w: RatableWorkOrder): Subject => ({
  kind: "work_order",
  id: w.id,
  tenantId: w.tenantId,
  label: w.title,
  unitId: w.unitId,
  scopePath: w.scopePath,
  windowName: null,
  staffName: null,
  itemCode: null,
  raterName: w.callerName,
  raterPhone: w.callerPhone,
  finishedAt: w.closedAt,
});

/** The service a citizen names, if the tail matches the phone (or, for a hall case, the ID number) on record. */
async function findSubject(db: Db, input: RateInput): Promise<Subject | undefined> {
  if (input.subjectKind === "work_order") {
    const wo = await findRatableWorkOrder(db, input.number, input.phoneTail);
    return wo ? fromTicket(wo) : undefined;
  }
  // A hall case by its 办件编号 (or id); an online case by the portal's case number.
  const hall = await findRatableServiceCases(db, input.number);
  const candidates = hall.length > 0 ? hall : await findRatableOnlineCases(db, input.number);
  const tail = input.phoneTail.toUpperCase();
  // Case numbers are unique within a district only: the rating code tells two districts' cases apart.
  for (const c of candidates) {
    const sub = fromCase(c);
    const proven = c.phone?.endsWith(tail) || c.idNumber?.slice(-4).toUpperCase() === tail;
    if (proven && (await isRatingCode(db, sub.tenantId, sub.kind, sub.id, input.ratingCode))) {
      return sub;
    }
  }
  return undefined;
}

function ratingRow(
  sub: Subject,
  level: number,
  reasons: string[],
  comment: string,
  isDefault: boolean,
  at: Date,
): RatingRow {
  return {
    id: randomUUID(),
    tenantId: sub.tenantId,
    subjectKind: sub.kind,
    subjectId: sub.id,
    subjectLabel: sub.label,
    unitId: sub.unitId,
    scopePath: sub.scopePath,
    windowName: sub.windowName,
    staffName: sub.staffName,
    itemCode: sub.itemCode,
    level,
    reasons,
    comment,
    isDefault,
    raterName: sub.raterName,
    raterPhone: sub.raterPhone,
    status: "valid",
    appeal: "none",
    appealReason: null,
    decisionReason: null,
    ratedAt: at,
    rectificationWorkOrderId: null,
  };
}

/**
 * A citizen rates a finished service — a closed ticket or a hall service case — real-name by its
 * number and the phone on record, and with the service's rating code. One rating per service; after the window the default stands.
 * @throws not_found, conflict, validation
 */
export async function rateService(db: Db, clock: Clock, input: RateInput) {
  const sub = await findSubject(db, input);
  // One answer for a wrong number, tail or code, so none of them can be probed alone.
  if (!sub || !(await isRatingCode(db, sub.tenantId, sub.kind, sub.id, input.ratingCode))) {
    throw notFound(input.subjectKind);
  }
  if (!sub.finishedAt) {
    throw new AppError("conflict", "办结后才能评价", { code: "not_finished" });
  }
  const ctx = sysCtx(db, clock, sub.tenantId, "好差评");
  const now = clock.now();
  if (now.getTime() - sub.finishedAt.getTime() > RATING_WINDOW_DAYS * 86_400_000) {
    throw conflict(`办结已超过 ${RATING_WINDOW_DAYS} 天，评价期已过`, { code: "window_closed" });
  }
  if (await findRatingBySubject(db, sub.tenantId, sub.kind, sub.id)) {
    throw conflict("该服务已评价，每项服务只能评价一次", { code: "already_rated" });
  }
  const saved = await saveRating(ctx, ratingRow(sub, input.level, input.reasons, input.comment, false, now));
  return {
    id: saved.id,
    level: saved.level,
    levelLabel: RATING_LABELS[saved.level] ?? "",
    rectification: saved.rectificationWorkOrderId !== null,
  };
}

/**
 * Records 基本满意 for services finished more than the window ago without a rating (marked default,
 * left out of the active rates). Looks back 30 days; idempotent by the one-rating-per-service key.
 */
export async function applyDefaultRatings(db: Db, clock: Clock): Promise<number> {
  const now = clock.now().getTime();
  const until = new Date(now - RATING_WINDOW_DAYS * 86_400_000);
  const since = new Date(until.getTime() - 30 * 86_400_000);
  const subjects = [
    ...(await findClosedHotlineTickets(db, since, until)).map(fromTicket),
    ...(await findServiceCasesFinishedBetween(db, since, until)).map(fromCase),
    ...(await findOnlineCasesFinishedBetween(db, since, until)).map(fromCase),
  ];
  let made = 0;
  for (const sub of subjects) {
    if (!sub.finishedAt || (await findRatingBySubject(db, sub.tenantId, sub.kind, sub.id))) {
      continue;
    }
    const at = new Date(sub.finishedAt.getTime() + RATING_WINDOW_DAYS * 86_400_000);
    try {
      await saveRating(
        sysCtx(db, clock, sub.tenantId, "默认好评任务"),
        ratingRow(sub, DEFAULT_LEVEL, [], "", true, at),
      );
      made += 1;
    } catch (err) {
      // A citizen rated it at the same moment: the unique key kept one rating, which is right.
      if (
        !(err instanceof Error && /ratings_subject_uq|duplicate key/.test(`${err.message}${String(err.cause ?? "")}`))
      ) {
        throw err;
      }
    }
  }
  return made;
}

async function visible(ctx: Ctx, id: string): Promise<RatingRow> {
  const r = await findRating(ctx.db, ctx.actor.tenantId, id);
  if (!r || !canViewRating(ctx.actor, r)) {
    throw notFound("rating");
  }
  return r;
}

export async function getRating(ctx: Ctx, id: string): Promise<Rating> {
  const r = await visible(ctx, id);
  return toRatingDto(ctx, r, await ratingLabels(ctx.db, [r]));
}

/** The rated unit contests a bad rating as invalid or malicious. @throws forbidden, conflict */
export async function appealRating(ctx: Ctx, id: string, reason: string): Promise<Rating> {
  const r = await visible(ctx, id);
  authorize(canAppeal(ctx.actor, r), "只有被评价单位可以申诉");
  if (!isBad(r.level) || r.appeal !== "none" || r.isDefault) {
    throw conflict("只有未申诉过的差评可以申诉", { code: "invalid_transition" });
  }
  await ctx.db.transaction(async (tx) => {
    await updateRating(tx, id, { appeal: "pending", appealReason: reason });
    await recordAudit(
      { ...ctx, db: tx },
      { action: "rating.appeal", entityType: "rating", entityId: id, scopePath: r.scopePath, summary: { reason } },
    );
  });
  return getRating(ctx, id);
}

/** The supervisor decides: invalid/malicious keeps the rating but leaves it out of the rates. */
export async function decideAppeal(
  ctx: Ctx,
  id: string,
  outcome: "invalid" | "malicious" | "rejected",
  reason: string,
): Promise<Rating> {
  const r = await visible(ctx, id);
  authorize(canDecideAppeal(ctx.actor, r), "只有好差评监督员可以审核申诉");
  if (r.appeal !== "pending") {
    throw conflict("该评价没有待审核的申诉", { code: "invalid_transition" });
  }
  await ctx.db.transaction(async (tx) => {
    await updateRating(tx, id, {
      appeal: outcome === "rejected" ? "rejected" : "upheld",
      status: outcome === "rejected" ? "valid" : outcome,
      decisionReason: reason,
    });
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "rating.appeal_decide",
        entityType: "rating",
        entityId: id,
        scopePath: r.scopePath,
        summary: { outcome, reason },
      },
    );
  });
  return getRating(ctx, id);
}
