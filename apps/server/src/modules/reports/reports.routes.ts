import { z } from "zod";
import { YearParamSchema } from "../../../../../packages/contracts/src/budget.ts";
import {
  CheckResultSchema,
  ParagraphInputSchema,
  ParagraphListSchema,
  ParagraphParamSchema,
  ReportPreviewSchema,
} from "../../../../../packages/contracts/src/reports.ts";
import { action } from "../../platform/access-can.ts";
import { docxToPdf } from "../../platform/documents/docx-to-pdf.ts";
import { AppError } from "../../platform/errors.ts";
import { userAccess } from "../../platform/http/access-config.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { EDIT_BUDGETS, VIEW_BUDGETS } from "../budget/budget.policy.ts";
import { checkReportText, extractReportText } from "../report-check/report-check.service.ts";
import { renderDocx } from "./render-docx.ts";
import { renderHtml } from "./render-html.ts";
import { getReport, listParagraphs, saveParagraph } from "./reports.service.ts";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const UPLOAD_TYPES = [DOCX, "application/pdf", "application/octet-stream"];
const CheckQuerySchema = z.object({
  fileName: z.string().trim().min(1, { error: "请提供文件名" }).max(200).default("report.txt"),
});
const UploadSchema = z.custom<Buffer | string>((v) => Buffer.isBuffer(v) || typeof v === "string", {
  error: "请上传 .docx、.pdf 或 .txt 文件",
});
/** Anyone whose work involves reports may check one; it reads nothing of the tenant and stores nothing. */
const CHECK_REPORTS = action("report.check", ["finance_officer", "leader", "auditor", "supervisor", "admin"]);
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

/** The self-evaluation report: preview, Word, PDF and the editable narrative. */
export function registerReportRoutes(app: App, deps: RouteDeps): void {
  app.addContentTypeParser(UPLOAD_TYPES, { parseAs: "buffer", bodyLimit: 30 * 1024 * 1024 }, (_req, body, done) => {
    done(null, body);
  });
  const view = { access: userAccess(VIEW_BUDGETS) };
  const edit = { access: userAccess(EDIT_BUDGETS) };
  const tags = ["reports"];
  app.get("/api/reports/:year", {
    config: view,
    schema: {
      tags,
      summary: "生成部门整体支出绩效自评报告预览（数字均为实时计算，可追溯到记录）",
      params: YearParamSchema,
      response: { 200: ReportPreviewSchema },
    },
    handler: async (req) => {
      const doc = await getReport(deps.ctx(req), req.params.year);
      return {
        title: doc.title,
        year: doc.year,
        html: renderHtml(doc, { standalone: false }),
        figures: doc.figures,
        scores: doc.scores,
        warnings: doc.warnings,
      };
    },
  });
  app.get("/api/reports/:year/report.docx", {
    config: view,
    schema: { tags, summary: "下载 Word 版（公文格式）", params: YearParamSchema },
    handler: async (req, reply) => {
      const doc = await getReport(deps.ctx(req), req.params.year);
      return reply
        .header("content-type", DOCX)
        .header("content-disposition", attachment(`${doc.title}.docx`))
        .send(await renderDocx(doc));
    },
  });
  app.get("/api/reports/:year/report.pdf", {
    config: view,
    schema: { tags, summary: "下载 PDF 版（需本机安装 LibreOffice）", params: YearParamSchema },
    handler: async (req, reply) => {
      const doc = await getReport(deps.ctx(req), req.params.year);
      const pdf = await docxToPdf(await renderDocx(doc), deps.config.soffice);
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", attachment(`${doc.title}.pdf`))
        .send(pdf);
    },
  });
  app.post("/api/reports/check", {
    config: { access: userAccess(CHECK_REPORTS) },
    bodyLimit: 30 * 1024 * 1024,
    schema: {
      tags,
      summary: "检查任一自评报告（.docx/.pdf/.txt，本系统生成的或其他部门的）的前后矛盾",
      querystring: CheckQuerySchema,
      body: UploadSchema,
      response: { 200: CheckResultSchema },
    },
    handler: async (req) => {
      const data = typeof req.body === "string" ? Buffer.from(req.body, "utf8") : req.body;
      let text: string;
      try {
        text = await extractReportText(new Uint8Array(data), req.query.fileName);
      } catch (err) {
        throw new AppError("validation", err instanceof Error ? err.message : "无法读取该文件", [
          { path: "file", message: "文件格式不支持或已损坏" },
        ]);
      }
      return { fileName: req.query.fileName, lines: text.split("\n").length, findings: checkReportText(text) };
    },
  });
  app.get("/api/reports/:year/paragraphs", {
    config: view,
    schema: {
      tags,
      summary: "报告叙述段落（含默认文本）",
      params: YearParamSchema,
      response: { 200: ParagraphListSchema },
    },
    handler: async (req) => listParagraphs(deps.ctx(req), req.params.year),
  });
  app.put("/api/reports/:year/paragraphs/:key", {
    config: edit,
    schema: {
      tags,
      summary: "修改叙述段落（数字须用 {{数据项}} 引用，不可手工填写）",
      params: ParagraphParamSchema,
      body: ParagraphInputSchema,
      response: { 200: ParagraphListSchema },
    },
    handler: async (req) => saveParagraph(deps.ctx(req), req.params.year, req.params.key, req.body.text),
  });
  app.delete("/api/reports/:year/paragraphs/:key", {
    config: edit,
    schema: { tags, summary: "恢复默认段落", params: ParagraphParamSchema, response: { 200: ParagraphListSchema } },
    handler: async (req) => saveParagraph(deps.ctx(req), req.params.year, req.params.key, null),
  });
}
