import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../errors.ts";

// NUL cannot be stored in a PostgreSQL text column, and a lone UTF-16 surrogate is not valid
// UTF-8: either reaching the database fails the query (a 500), so both stop at the door.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_DEPTH = 32;

export const BAD_TEXT_MESSAGE = "不能包含空字符（NUL）或不完整的 Unicode 字符";

export function isBadText(s: string): boolean {
  return s.includes("\u0000") || LONE_SURROGATE.test(s);
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** The path of the first string (value or key) holding NUL or a lone surrogate, else null. */
export function findBadText(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === "string") {
    return isBadText(value) ? path || "body" : null;
  }
  if (depth > MAX_DEPTH || value === null || typeof value !== "object" || Buffer.isBuffer(value)) {
    return null;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const bad = findBadText(v, join(path, String(i)), depth + 1);
      if (bad) {
        return bad;
      }
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    if (isBadText(k)) {
      return path || "body";
    }
    const bad = findBadText(v, join(path, k), depth + 1);
    if (bad) {
      return bad;
    }
  }
  return null;
}

function badField(req: FastifyRequest): string | null {
  // Paths as the validation errors name them: body fields bare, the others prefixed.
  return (
    findBadText(req.params, "params") ??
    findBadText(req.query, "query") ??
    (req.body === undefined ? null : findBadText(req.body, ""))
  );
}

/**
 * Refuses, before any route's validation, text no database column can hold: one check for every
 * route's params, query and body instead of one per schema. @throws validation naming the field
 */
export function installTextGuard(app: FastifyInstance): void {
  app.addHook("preValidation", async (req) => {
    const path = badField(req);
    if (path) {
      throw new AppError("validation", `${path}: ${BAD_TEXT_MESSAGE}`, [{ path, message: BAD_TEXT_MESSAGE }]);
    }
  });
}
