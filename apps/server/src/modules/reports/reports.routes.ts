import { YearParamSchema } from "../../../../../packages/contracts/src/budget.ts";
import {
  ParagraphInputSchema,
  ParagraphListSchema,
  ParagraphParamSchema,
  ReportPreviewSchema,
} from "../../../../../packages/contracts/src/reports.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { BUDGET_EDIT_ROLES, BUDGET_VIEW_ROLES } from "../budget/budget.policy.ts";
import { renderDocx } from "./render-docx.ts";
import { renderHtml } from "./render-html.ts";
import { docxToPdf } from "./render-pdf.ts";
import { getReport, listParagraphs, saveParagraph } from "./reports.service.ts";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

/** The self-evaluation report: preview, Word, PDF and the editable narrative. */
export function registerReportRoutes(app: App, deps: RouteDeps): void {
  const view = { access: { kind: "user", roles: BUDGET_VIEW_ROLES } } as const;
  const edit = { access: { kind: "user", roles: BUDGET_EDIT_ROLES } } as const;
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
