import { randomInt, timingSafeEqual } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { ratingCodes } from "./rating-codes.schema.ts";

// No 0/O, 1/I: read aloud on the phone and typed from a message. 32^8 ≈ 10^12 codes.
const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const RATING_CODE_LENGTH = 8;

export type RatingSubjectKind = "work_order" | "service_case";

function newRatingCode(): string {
  return Array.from({ length: RATING_CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

/**
 * The rating code of one service, made on first use: the served citizen receives it (回访
 * message, track page, booking lookup) and gives it with the phone tail to rate.
 */
export async function ratingCodeFor(
  db: Db,
  tenantId: string,
  subjectKind: RatingSubjectKind,
  subjectId: string,
  now: Date,
): Promise<string> {
  await db
    .insert(ratingCodes)
    .values({ tenantId, subjectKind, subjectId, code: newRatingCode(), createdAt: now })
    .onConflictDoNothing();
  const [row] = await db
    .select({ code: ratingCodes.code })
    .from(ratingCodes)
    .where(
      and(
        eq(ratingCodes.tenantId, tenantId),
        eq(ratingCodes.subjectKind, subjectKind),
        eq(ratingCodes.subjectId, subjectId),
      ),
    );
  return row?.code ?? "";
}

/** Whether `code` is the service's rating code (compared in constant time). */
export async function isRatingCode(
  db: Db,
  tenantId: string,
  subjectKind: RatingSubjectKind,
  subjectId: string,
  code: string,
): Promise<boolean> {
  const [row] = await db
    .select({ code: ratingCodes.code })
    .from(ratingCodes)
    .where(
      and(
        eq(ratingCodes.tenantId, tenantId),
        eq(ratingCodes.subjectKind, subjectKind),
        eq(ratingCodes.subjectId, subjectId),
      ),
    );
  const given = Buffer.from(code.toUpperCase());
  const stored = Buffer.from(row?.code ?? "");
  return stored.length === given.length && stored.length > 0 && timingSafeEqual(stored, given);
}
