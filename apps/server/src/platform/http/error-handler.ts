import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { AppError, type ErrorCode, type FieldIssue } from "../errors.ts";

const STATUS: Record<ErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  password_change_required: 403,
  unauthenticated: 401,
  validation: 400,
  // Well-formed but refused by content checks (a data batch whose rows fail their 信息项).
  unprocessable: 422,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  invalid_credentials: 401,
  account_locked: 423,
  csrf_failed: 403,
  unavailable: 503,
  internal: 500,
};

const HTTP_CODES: Record<number, { code: string; message: string }> = {
  400: { code: "validation", message: "请求格式不正确" },
  404: { code: "not_found", message: "资源不存在" },
  405: { code: "method_not_allowed", message: "不支持该请求方法" },
  413: { code: "payload_too_large", message: "请求体过大" },
  415: { code: "unsupported_media_type", message: "请求体类型不受支持，请使用 application/json" },
};

export function sendError(
  reply: FastifyReply,
  status: number,
  requestId: string,
  code: string,
  message: string,
  details?: unknown,
) {
  return reply.status(status).send({ error: { code, message, details, requestId } });
}

function pathOf(instancePath: string, prefix: string): string {
  const p = instancePath.replace(/^\//, "").replaceAll("/", ".");
  return prefix === "body" ? p || "body" : `${prefix}${p ? `.${p}` : ""}`;
}

const MAX_FRAMES = 12;

function stackFrames(stack: unknown): string {
  // The first line of a stack repeats the message: keep only the "at …" frames.
  return typeof stack === "string"
    ? stack
        .split("\n")
        .filter((l) => l.trimStart().startsWith("at "))
        .slice(0, MAX_FRAMES)
        .map((l) => l.trim())
        .join("\n")
    : "";
}

type LoggedError = { type: string; message: string; stack: string; [key: string]: unknown };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** A database driver's error (pg, PGlite): it carries a five-character SQLSTATE and a severity. */
function isDriverError(e: Record<string, unknown>): boolean {
  return typeof e.severity === "string" && typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code);
}

/** A failed query wrapped by Drizzle: its message lists the bound parameters. */
function isQueryError(e: Record<string, unknown>): boolean {
  return typeof e.query === "string" && Array.isArray(e.params);
}

/**
 * What an error may put in the log: its type, codes and frames. A database error keeps its
 * SQLSTATE and the parameterised query text but never its message, parameters or detail, which
 * carry the bound values (ID numbers, phones); nothing attached to an error (bodies, inputs) is
 * copied. Used by the logger's `err` serializer, so it holds at every level and on every path.
 */
export function errorForLog(err: unknown, depth = 0): LoggedError {
  if (!isRecord(err)) {
    return { type: typeof err, message: "", stack: "" };
  }
  const type = err instanceof Error ? err.constructor.name || err.name : "Object";
  const fromDb = isQueryError(err) || isDriverError(err);
  const message = fromDb ? "database error (values withheld)" : typeof err.message === "string" ? err.message : "";
  const out: LoggedError = { type, message, stack: stackFrames(err.stack) };
  if (isQueryError(err)) {
    out.query = err.query;
  }
  if (typeof err.code === "string" || typeof err.code === "number") {
    out.code = err.code;
  }
  if (isDriverError(err) && typeof err.routine === "string") {
    out.routine = err.routine;
  }
  if (typeof err.statusCode === "number") {
    out.statusCode = err.statusCode;
  }
  if (err.cause !== undefined && depth < 3) {
    out.cause = errorForLog(err.cause, depth + 1);
  }
  return out;
}

/** The only place that maps errors to HTTP answers (house style §3). */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const requestId = String(req.id);
    if (err instanceof AppError) {
      const retry = isRecord(err.details) ? err.details.retryAfterSeconds : undefined;
      if (err.code === "rate_limited" && typeof retry === "number") {
        reply.header("retry-after", String(retry));
      }
      return sendError(reply, STATUS[err.code], requestId, err.code, err.message, err.details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const prefix = err.validationContext ?? "body";
      const issues: FieldIssue[] = err.validation.map((v) => ({
        path: pathOf(v.instancePath, prefix),
        message: v.message ?? "格式不正确",
      }));
      const message = issues.map((i) => `${i.path}: ${i.message}`).join("；");
      return sendError(reply, 400, requestId, "validation", message, issues);
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ failure: errorForLog(err.cause), url: req.routeOptions.url }, "response failed its schema");
      return sendError(reply, 500, requestId, "internal", "服务器内部错误");
    }
    const pgCode = (err as { code?: unknown }).code;
    if (pgCode === "23505") {
      return sendError(reply, 409, requestId, "conflict", "记录已存在（唯一性冲突）");
    }
    const status = typeof err.statusCode === "number" ? err.statusCode : 500;
    if (status >= 400 && status < 500) {
      const known = HTTP_CODES[status] ?? { code: "bad_request", message: "请求不正确" };
      const message =
        err.code === "FST_ERR_CTP_INVALID_JSON" || err.code === "FST_ERR_CTP_EMPTY_JSON_BODY"
          ? "请求体不是合法的 JSON"
          : known.message;
      return sendError(reply, status, requestId, known.code, message);
    }
    req.log.error({ failure: errorForLog(err), route: req.routeOptions.url }, "unhandled error");
    return sendError(reply, 500, requestId, "internal", "服务器内部错误，请稍后重试");
  });
}
