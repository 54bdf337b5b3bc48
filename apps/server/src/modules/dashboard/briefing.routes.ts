import { BriefingQuerySchema } from "../../../../../packages/contracts/src/briefings.ts";
import { docxToPdf } from "../../platform/documents/docx-to-pdf.ts";
import { userAccess } from "../../platform/http/access-config.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { buildBriefing, renderBriefingDocx } from "./briefing.service.ts";
import { READ_BRIEFINGS } from "./dashboard.policy.ts";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

/** 诉求分析简报: JSON (every number with its query), Word in the 公文 layout, or PDF. */
export function registerBriefingRoutes(app: App, deps: RouteDeps): void {
  app.get("/api/dashboard/briefings", {
    config: { access: userAccess(READ_BRIEFINGS) },
    schema: {
      tags: ["dashboard"],
      summary: "诉求分析简报（周报、月报）：json 列出每个数字及其查询；docx 为公文格式；pdf 需本机安装 LibreOffice",
      // One route answers JSON (BriefingSchema) or a file, so no response schema serializes it.
      querystring: BriefingQuerySchema,
    },
    handler: async (req, reply) => {
      const built = await buildBriefing(deps.ctx(req), req.query);
      if (req.query.format === "json") {
        return built.briefing;
      }
      const docx = await renderBriefingDocx(built);
      if (req.query.format === "docx") {
        return reply
          .header("content-type", DOCX)
          .header("content-disposition", attachment(`${built.briefing.title}.docx`))
          .send(docx);
      }
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", attachment(`${built.briefing.title}.pdf`))
        .send(await docxToPdf(docx, deps.config.soffice));
    },
  });
}
