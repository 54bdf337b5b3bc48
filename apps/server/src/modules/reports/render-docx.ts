import { renderGongwenDocx } from "../../platform/documents/gongwen-docx.ts";
import type { ReportDoc } from "./report-model.ts";

/** The self-evaluation report as Word, in the shared 公文 layout. */
export async function renderDocx(doc: ReportDoc): Promise<Buffer> {
  return renderGongwenDocx(doc.title, doc.blocks);
}
