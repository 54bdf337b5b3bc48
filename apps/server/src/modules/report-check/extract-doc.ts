import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export const NO_SOFFICE =
  "不支持旧版 Word（.doc）文件：本机未安装 LibreOffice（soffice），无法转换。请另存为 .docx 或 PDF 后再检查，或安装 libreoffice-writer-nogui";

/** LibreOffice's command: ZHENGWU_SOFFICE when set (a full path), else soffice on the PATH. */
export function sofficeCommand(): string {
  return process.env.ZHENGWU_SOFFICE || "soffice";
}

/**
 * A legacy Word file (.doc, .wps) converted to .docx by LibreOffice headless, in a directory and
 * profile of its own (concurrent conversions sharing a profile lose documents).
 * @throws Error with a Chinese message when LibreOffice is missing or the conversion fails
 */
export async function docToDocx(data: Uint8Array, fileName: string): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), "zw-doc-"));
  try {
    const input = join(dir, "report.doc");
    await writeFile(input, data);
    const profile = pathToFileURL(join(dir, `profile-${randomUUID()}`)).href;
    await new Promise<void>((resolve, reject) => {
      execFile(
        sofficeCommand(),
        [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "docx", "--outdir", dir, input],
        { timeout: 120_000 },
        (err) => {
          if (!err) {
            resolve();
          } else if ("code" in err && err.code === "ENOENT") {
            reject(new Error(NO_SOFFICE));
          } else {
            reject(new Error(`无法转换 Word 文件“${fileName}”：${err.message}`));
          }
        },
      );
    });
    try {
      return new Uint8Array(await readFile(join(dir, "report.docx")));
    } catch {
      throw new Error(`无法转换 Word 文件“${fileName}”：LibreOffice 未生成 .docx，文件可能已损坏`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
