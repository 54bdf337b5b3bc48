import { action, can, resourceOf } from "../../platform/access-can.ts";
import type { Actor } from "../../platform/actor.ts";

/** Supervisors (政务服务监督管理科) run 好差评; units see their own ratings but never who rated. */
export const VIEW_RATINGS = action("rating.view", ["supervisor", "handler", "hall_staff", "leader", "auditor"]);
/** Seeing the rater and deciding appeals. */
export const SUPERVISE_RATINGS = action("rating.supervise", ["supervisor"]);
/** The rated unit appeals a rating it thinks unfair. */
export const APPEAL_RATINGS = action("rating.appeal", ["handler", "hall_staff"]);

type Scoped = { tenantId: string; scopePath: string };

export const canViewRating = (actor: Actor, r: Scoped) => can(actor, VIEW_RATINGS, resourceOf(r));
export const canSeeRater = (actor: Actor, r: Scoped) => can(actor, SUPERVISE_RATINGS, resourceOf(r));
export const canAppeal = (actor: Actor, r: Scoped) => can(actor, APPEAL_RATINGS, resourceOf(r));
export const canDecideAppeal = canSeeRater;
