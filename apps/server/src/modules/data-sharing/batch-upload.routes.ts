import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { z } from "zod";
import { ResourceCodeParamSchema } from "../../../../../packages/contracts/src/data-sharing.ts";
import {
  BatchSchema,
  UploadQuerySchema,
  WriteKeyInputSchema,
  WriteKeySchema,
} from "../../../../../packages/contracts/src/data-sharing-batches.ts";
import type { Ctx } from "../../platform/actor.ts";
import { AppError } from "../../platform/errors.ts";
import { userAccess } from "../../platform/http/access-config.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { isXlsx, parseCsv, parseXlsx } from "./batch-file.ts";
import { acceptBatch } from "./batches.service.ts";
import { MANAGE_DATA } from "./data-sharing.policy.ts";
import { loadManagedResource } from "./resources.service.ts";
import { issueWriteKey } from "./write-keys.service.ts";

const FILE_TYPES = [
  "text/csv",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/octet-stream",
];
const FileSchema = z.custom<Buffer>((v) => Buffer.isBuffer(v), { error: "请上传 .csv（UTF-8）或 .xlsx 文件" });

const tooLarge = (limit: number) =>
  new AppError("payload_too_large", `文件超过 ${Math.round(limit / 1024 / 1024)} MB 上限，请拆分为多个批次上传`, {
    limitBytes: limit,
  });

/**
 * Reads the body up to the limit: a declared length over it is refused before reading, and a
 * streamed body (no length) is cut off as soon as it passes it. The rest is drained, not kept,
 * so the client still gets its 413.
 */
function readLimited(payload: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(payload.headers["content-length"] ?? Number.NaN);
  if (declared > limit) {
    payload.resume();
    return Promise.reject(tooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        payload.off("data", onData);
        payload.resume();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    payload.on("data", onData);
    payload.on("end", () => resolve(Buffer.concat(chunks)));
    payload.on("error", reject);
  });
}

/** A file's rows into the batch path every batch takes; the checksum is the file's SHA-256. */
async function receiveFile(ctx: Ctx, code: string, query: z.infer<typeof UploadQuerySchema>, body: Buffer) {
  const resource = await loadManagedResource(ctx, code);
  if (body.length === 0) {
    throw new AppError("validation", "请上传文件：请求体为空", [{ path: "file", message: "文件为空" }]);
  }
  const parsed = isXlsx(body) ? await parseXlsx(resource.fields, body) : parseCsv(resource.fields, body);
  if (parsed.rows.length === 0) {
    throw new AppError("validation", "文件只有表头，没有数据行", [{ path: "file", message: "没有数据行" }]);
  }
  return acceptBatch(ctx, code, {
    batchId: query.batchId,
    mode: query.mode,
    checksum: createHash("sha256").update(body).digest("hex"),
    rowCount: parsed.rows.length,
    rows: parsed.rows,
    rowNumbers: parsed.rowNumbers,
    pathOf: (row, column) => `file.${row}.${column}`,
  });
}

/**
 * Filling a resource from a file (CSV UTF-8 or XLSX, header = 信息项 names), by a data officer or a
 * machine client with a data:write key of the provider unit; and issuing such keys.
 * Registered in its own scope: its body parser (up to the configured limit, 100 MB by default)
 * replaces the smaller application-wide CSV/XLSX parser for this route only.
 */
export function registerBatchUploadRoutes(app: App, deps: RouteDeps): void {
  const tags = ["data-sharing"];
  const limit = deps.config.dataUploadMaxBytes;
  void app.register((scoped: App, _opts, done) => {
    scoped.removeContentTypeParser(FILE_TYPES);
    scoped.addContentTypeParser(FILE_TYPES, async (_req: unknown, payload: IncomingMessage) =>
      readLimited(payload, limit),
    );
    scoped.post("/api/data/resources/:code/batches/upload", {
      config: { access: { ...userAccess(MANAGE_DATA), apiKeyScopes: ["data:write"] } },
      // The parser enforces the limit with a clear message; this only lifts Fastify's default.
      bodyLimit: limit + 1,
      schema: {
        tags,
        summary:
          "上传数据文件填充资源（CSV UTF-8 或 XLSX，首行为信息项名称；按批次号幂等；表头不符 400，行校验不通过 422 且不写入；超过上限 413；也可用提供单位的 data:write 接口密钥调用）",
        params: ResourceCodeParamSchema,
        querystring: UploadQuerySchema,
        body: FileSchema,
        response: { 201: BatchSchema },
      },
      handler: async (req, reply) => {
        const { batch, replay } = await receiveFile(deps.ctx(req), req.params.code, req.query, req.body);
        return reply.status(201).header("idempotent-replay", String(replay)).send(batch);
      },
    });
    done();
  });
  app.post("/api/data/write-keys", {
    config: { access: userAccess(MANAGE_DATA) },
    schema: {
      tags,
      summary: "签发数据写入密钥（data:write，绑定本单位或下级提供单位；密钥只返回一次；记入审计）",
      body: WriteKeyInputSchema,
      response: { 201: WriteKeySchema },
    },
    handler: async (req, reply) => reply.status(201).send(await issueWriteKey(deps.ctx(req), req.body)),
  });
}
