import { z } from "zod";
import {
  CityTicketInputSchema,
  ImportResultSchema,
  IntakeResultSchema,
  PublicStatusQuerySchema,
  PublicStatusSchema,
  WoStatusSchema,
} from "../../../../../packages/contracts/src/work-orders.ts";
import { AppError } from "../../platform/errors.ts";
import { userAccess } from "../../platform/http/access-config.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { withProofLimit } from "../../platform/proof-limit.ts";
import { importTickets } from "./import.service.ts";
import { createWorkOrder, toNewTicket } from "./intake.service.ts";
import { publicStatus } from "./queries.service.ts";
import { ACT_AS_CENTRE } from "./work-orders.policy.ts";

const IMPORT_TYPES: Record<string, "xlsx" | "csv"> = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "text/csv": "csv",
};
const ImportQuerySchema = z.object({
  dryRun: z
    .enum(["true", "false"], { error: "dryRun 只能是 true 或 false" })
    .default("true")
    .transform((v) => v === "true"),
});
const FileBodySchema = z.custom<Buffer>((v) => Buffer.isBuffer(v), { error: "请上传 .xlsx 或 UTF-8 编码的 .csv 文件" });
const NumberParamSchema = z.object({ number: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, { error: "工单号格式不正确" }) });

export function registerIntakeRoutes(app: App, deps: RouteDeps): void {
  app.addContentTypeParser(
    Object.keys(IMPORT_TYPES),
    { parseAs: "buffer", bodyLimit: 20 * 1024 * 1024 },
    (_req, body, done) => {
      done(null, body);
    },
  );

  app.post("/api/intake/city-tickets", {
    config: { access: { kind: "api_key", scopes: ["tickets:write"] } },
    schema: {
      tags: ["intake"],
      summary: "市12345平台转办工单（按市平台工单号幂等：重发返回原工单，内容不同返回409）",
      body: CityTicketInputSchema,
      response: { 200: IntakeResultSchema, 201: IntakeResultSchema },
    },
    handler: async (req, reply) => {
      const { workOrder, created } = await createWorkOrder(deps.ctx(req), toNewTicket(req.body));
      return reply.status(created ? 201 : 200).send({
        id: workOrder.id,
        number: workOrder.externalNo ?? String(workOrder.seqNo),
        created,
        status: WoStatusSchema.parse(workOrder.status),
      });
    },
  });

  app.post("/api/work-orders/import", {
    config: { access: userAccess(ACT_AS_CENTRE) },
    schema: {
      tags: ["intake"],
      summary: "导入市平台导出的工单（.xlsx/.csv；逐行校验，全部成功才写入；dryRun 只校验）",
      querystring: ImportQuerySchema,
      body: FileBodySchema,
      response: { 200: ImportResultSchema },
    },
    handler: async (req) => {
      const format = IMPORT_TYPES[(req.headers["content-type"] ?? "").split(";")[0]?.trim() ?? ""];
      if (!format) {
        throw new AppError("validation", "请上传 .xlsx 或 .csv 文件", [{ path: "file", message: "文件类型不支持" }]);
      }
      return importTickets(deps.ctx(req), req.body, format, req.query.dryRun);
    },
  });

  app.get("/api/public/work-orders/:number", {
    config: { access: { kind: "public" } },
    schema: {
      tags: ["public"],
      summary: "市民查询工单进度（工单号 + 来电号码后4位；每件每小时错5次即暂停查询）",
      params: NumberParamSchema,
      querystring: PublicStatusQuerySchema,
      response: { 200: PublicStatusSchema },
    },
    handler: async (req) =>
      withProofLimit(
        deps.database.db,
        deps.clock,
        { subject: `work_order:${req.params.number.toUpperCase()}`, address: req.ip },
        () =>
          publicStatus(deps.database.db, req.params.number, req.query.phoneTail, deps.clock.now(), req.query.tenant),
      ),
  });
}
