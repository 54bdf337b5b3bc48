import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { AppError, type ErrorCode, type FieldIssue } from "../errors.ts";

const STATUS: Record<ErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  password_change_required: 403,
  unauthenticated: 401,
  validation: 400,
  conflict: 409,
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

/** The only place that maps errors to HTTP answers (house style §3). */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const requestId = String(req.id);
    if (err instanceof AppError) {
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
      req.log.error({ err: err.cause, url: req.url }, "response failed its schema");
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
    req.log.error({ err }, "unhandled error");
    return sendError(reply, 500, requestId, "internal", "服务器内部错误，请稍后重试");
  });
}
