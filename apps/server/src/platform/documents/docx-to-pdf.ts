import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { AppError } from "../errors.ts";

export const NO_LIBREOFFICE =
  "本机未安装 LibreOffice，无法生成 PDF。请下载 Word 版，或安装 libreoffice-writer-nogui 与 fonts-noto-cjk 后重试";

/** The 公文 font substitution (方正小标宋/黑体/楷体/仿宋 → Noto Serif/Sans CJK SC, AR PL UKai CN). */
export const GONGWEN_FONTCONFIG = fileURLToPath(new URL("./fontconfig/fonts.conf", import.meta.url));

// Concurrent conversions sharing a profile silently drop documents: one at a time, own profile each.
let queue: Promise<unknown> = Promise.resolve();

/** DOCX → PDF through LibreOffice headless. @throws unavailable when LibreOffice is not installed */
export function docxToPdf(docx: Buffer, soffice = "soffice"): Promise<Buffer> {
  const job = queue.then(async () => {
    const dir = await mkdtemp(join(tmpdir(), "zw-pdf-"));
    try {
      const input = join(dir, "report.docx");
      await writeFile(input, docx);
      const profile = pathToFileURL(join(dir, `profile-${randomUUID()}`)).href;
      await new Promise<void>((resolve, reject) => {
        execFile(
          soffice,
          [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, input],
          // Only the LibreOffice child reads the shipped fontconfig; it includes the system's.
          { timeout: 120_000, env: { ...process.env, FONTCONFIG_FILE: GONGWEN_FONTCONFIG } },
          (err) => {
            if (!err) {
              resolve();
            } else if ("code" in err && err.code === "ENOENT") {
              reject(new AppError("unavailable", NO_LIBREOFFICE));
            } else {
              reject(new AppError("internal", `PDF 转换失败：${err.message}`));
            }
          },
        );
      });
      return await readFile(join(dir, "report.pdf"));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  queue = job.catch(() => undefined);
  return job;
}
