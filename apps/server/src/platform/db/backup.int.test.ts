import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDataDir, restoreDataDir } from "./backup.ts";
import { openPglite } from "./client.ts";
import { queryRows } from "./rows.ts";

const dir = mkdtempSync(join(tmpdir(), "zhengwu-backup-unit-"));
const dataDir = join(dir, "data");
const backupFile = join(dir, "backup.tar.gz");

async function countIn(folder: string): Promise<number> {
  const database = await openPglite(folder);
  try {
    const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from tenants`);
    return Number(row?.n ?? -1);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  // A database shaped enough for restore's sanity check (a tenants table), with rows to compare.
  const database = await openPglite(dataDir);
  await database.db.execute(sql`create table tenants (id int primary key, code text)`);
  await database.db.execute(sql`insert into tenants select g, 'c' || g from generate_series(1, 37) g`);
  await database.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("backup of the embedded database", () => {
  it("is refused while another process holds the data folder", async () => {
    writeFileSync(`${dataDir}.lock`, `${process.ppid}\nzhengwu serve\n`);
    try {
      await expect(backupDataDir(dataDir, backupFile)).rejects.toThrow(/正被进程/);
    } finally {
      rmSync(`${dataDir}.lock`, { force: true });
    }
    expect(existsSync(backupFile)).toBe(false);
  });

  it("is refused inside the data folder and over an existing file", async () => {
    await expect(backupDataDir(dataDir, join(dataDir, "b.tar.gz"))).rejects.toThrow(/数据目录/);
    writeFileSync(join(dir, "exists.tar.gz"), "x");
    await expect(backupDataDir(dataDir, join(dir, "exists.tar.gz"))).rejects.toThrow(/已存在/);
  });

  it("restores into a new folder with the same rows, and leaves no lock behind", async () => {
    expect((await backupDataDir(dataDir, backupFile)).bytes).toBeGreaterThan(1000);
    const restored = join(dir, "restored");
    expect(await restoreDataDir(backupFile, restored)).toEqual({ tenants: 37 });
    expect(await countIn(restored)).toBe(37);
    expect(existsSync(`${restored}.lock`)).toBe(false);
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it("refuses a non-empty target unless forced, and then replaces it", async () => {
    const target = join(dir, "busy");
    mkdirSync(target);
    writeFileSync(join(target, "keep.txt"), "x");
    await expect(restoreDataDir(backupFile, target)).rejects.toThrow(/不是空的/);
    expect(readdirSync(target)).toEqual(["keep.txt"]);
    await restoreDataDir(backupFile, target, { force: true });
    expect(await countIn(target)).toBe(37);
    expect(readdirSync(dir).filter((f) => f.includes(".restoring-") || f.includes(".replaced-"))).toEqual([]);
  });

  it("refuses while the target is locked, and a file that is no backup without touching the target", async () => {
    const target = join(dir, "locked");
    writeFileSync(`${target}.lock`, `${process.ppid}\nzhengwu serve\n`);
    try {
      await expect(restoreDataDir(backupFile, target)).rejects.toThrow(/正被进程/);
    } finally {
      rmSync(`${target}.lock`, { force: true });
    }
    const junk = join(dir, "junk.tar.gz");
    writeFileSync(junk, "not a backup");
    await expect(restoreDataDir(junk, join(dir, "fresh"))).rejects.toThrow(/无法恢复/);
    expect(existsSync(join(dir, "fresh"))).toBe(false);
  });
});
