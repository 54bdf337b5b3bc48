import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { sql } from "drizzle-orm";
import { isInside } from "../config.ts";
import { openPglite } from "./client.ts";
import { acquireDataDirLock } from "./lock.ts";
import { queryRows } from "./rows.ts";

const hasDatabase = (dir: string) => existsSync(join(dir, "PG_VERSION"));
const isEmptyDir = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

/**
 * Copies the embedded database into one gzipped tar file (PGlite's own data-folder dump), holding the
 * folder's lock meanwhile: a running server holds it, so a backup never copies files being written.
 */
export async function backupDataDir(
  dataDir: string,
  outFile: string,
  o: { force?: boolean } = {},
): Promise<{ bytes: number }> {
  const target = resolve(outFile);
  if (isInside(target, dataDir)) {
    throw new Error(`备份文件不能写在数据目录 ${dataDir} 之内`);
  }
  if (existsSync(target) && !o.force) {
    throw new Error(`${target} 已存在（加 --force 覆盖）`);
  }
  if (!hasDatabase(dataDir)) {
    throw new Error(`${dataDir} 中没有嵌入式数据库`);
  }
  const release = acquireDataDirLock(dataDir, "zhengwu backup");
  try {
    const database = await openPglite(dataDir);
    const blob = await database.dump().finally(() => database.close());
    const bytes = Buffer.from(await blob.arrayBuffer());
    // Written aside and renamed, so a crash never leaves a half backup under the final name.
    const partial = join(dirname(target), `.${process.pid}.backup.partial`);
    writeFileSync(partial, bytes);
    renameSync(partial, target);
    return { bytes: bytes.length };
  } finally {
    release();
  }
}

/**
 * Restores a backup into `dataDir`: refused while another process holds the folder, and into a folder
 * that holds anything unless `force` (then the old folder is replaced only once the copy opened).
 */
export async function restoreDataDir(
  backupFile: string,
  dataDir: string,
  o: { force?: boolean } = {},
): Promise<{ tenants: number }> {
  let bytes: Buffer<ArrayBuffer>;
  try {
    bytes = readFileSync(backupFile);
  } catch {
    throw new Error(`无法读取备份文件 ${backupFile}`);
  }
  const release = acquireDataDirLock(dataDir, "zhengwu restore");
  try {
    if (existsSync(dataDir) && !statSync(dataDir).isDirectory()) {
      throw new Error(`${dataDir} 不是目录`);
    }
    if (!isEmptyDir(dataDir) && !o.force) {
      throw new Error(`目标目录 ${dataDir} 不是空的（加 --force 以备份内容替换它）`);
    }
    const staging = `${dataDir}.restoring-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    let tenants: number;
    try {
      const database = await openPglite(staging, new Blob([bytes]));
      try {
        const [row] = await queryRows<{ n: number }>(
          database.db,
          // A file that unpacks but is no Zhengwu database fails here, before anything is replaced.
          sql`select count(*)::int as n from tenants`,
        );
        tenants = Number(row?.n ?? 0);
      } finally {
        await database.close();
      }
    } catch (err) {
      rmSync(staging, { recursive: true, force: true });
      throw new Error(`备份文件 ${backupFile} 无法恢复：${err instanceof Error ? err.message : String(err)}`);
    }
    const replaced = `${dataDir}.replaced-${process.pid}`;
    if (existsSync(dataDir)) {
      renameSync(dataDir, replaced);
    }
    renameSync(staging, dataDir);
    rmSync(replaced, { recursive: true, force: true });
    return { tenants };
  } finally {
    release();
  }
}
