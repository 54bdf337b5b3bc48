import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../modules/audit/audit.service.ts";
import { parseAnchorLines } from "../modules/audit/audit-anchor.ts";
import { toReportJson } from "../modules/reports/report-json.ts";
import { buildReportFor } from "../modules/reports/reports.service.ts";
import { findTenantByCode } from "../modules/tenants/tenants.repo.ts";
import { systemClock } from "../platform/clock.ts";
import { openPglite } from "../platform/db/client.ts";

const BIN = fileURLToPath(new URL("../../../../bin/zhengwu.mjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "zhengwu-backup-"));
const dataDir = join(dir, "data");
const restoredDir = join(dir, "restored");
const keyFile = join(dir, "keys", "audit-key.pem");
const anchorFile = join(dir, "anchors.jsonl");
const backupFile = join(dir, "backup.tar.gz");

// The CLI runs on its own embedded databases here, whatever DATABASE_URL the suite has.
function cli(env: Record<string, string>, ...args: string[]) {
  const res = spawnSync(process.execPath, [BIN, ...args], {
    env: {
      ...process.env,
      ZHENGWU_DATA_DIR: dataDir,
      DATABASE_URL: "",
      ZHENGWU_DEMO_YEAR: "false",
      ZHENGWU_AUDIT_KEY_FILE: "",
      ZHENGWU_AUDIT_PUBLIC_KEY: "",
      ZHENGWU_AUDIT_ANCHOR_FILE: "",
      ...env,
    },
    encoding: "utf8",
    timeout: 500_000,
  });
  return { code: res.status, out: `${res.stdout}${res.stderr}` };
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The report's figures of the demo year, computed in this process on the given folder. */
async function reportFigures(folder: string): Promise<Record<string, number>> {
  const database = await openPglite(folder);
  try {
    const tenant = await findTenantByCode(database.db, "440114");
    if (!tenant) {
      throw new Error("no demo tenant");
    }
    return toReportJson(await buildReportFor(database.db, systemClock, tenant.id, 2022)).figures;
  } finally {
    await database.close();
  }
}

describe("backup, restore and signed audit anchors through the CLI", () => {
  // Eight CLI processes, each opening an embedded database: slow on a busy 2-core machine.
  it("restores a backup into a new folder that passes audit verify --anchors and gives the same figures", {
    timeout: 1_200_000,
  }, async () => {
    const keygen = cli({}, "audit", "keygen", "--out", keyFile);
    expect(keygen.code, keygen.out).toBe(0);
    const publicKey = /ZHENGWU_AUDIT_PUBLIC_KEY=(\S+)/.exec(keygen.out)?.[1] ?? "";
    expect(publicKey).not.toBe("");
    expect(cli({}, "audit", "keygen", "--out", keyFile).code).toBe(1); // never overwrites a key
    const audit = {
      ZHENGWU_AUDIT_KEY_FILE: keyFile,
      ZHENGWU_AUDIT_PUBLIC_KEY: publicKey,
      ZHENGWU_AUDIT_ANCHOR_FILE: anchorFile,
    };

    expect(cli(audit, "demo", "load").out).toContain("演示数据已就绪");
    const checkpoint = cli(audit, "audit", "checkpoint");
    expect(checkpoint.code, checkpoint.out).toBe(0);
    const anchors = parseAnchorLines(readFileSync(anchorFile, "utf8")).anchors;
    expect(anchors.length).toBeGreaterThan(0);
    expect(checkpoint.out).toContain(`已写入 ${anchors.length} 个审计锚点`);

    writeFileSync(`${dataDir}.lock`, `${process.pid}\nzhengwu serve\n`);
    const whileServing = cli(audit, "backup", "--out", backupFile);
    rmSync(`${dataDir}.lock`);
    expect(whileServing.code).toBe(1);
    expect(whileServing.out).toContain("正被进程");
    expect(existsSync(backupFile)).toBe(false);

    const backup = cli(audit, "backup", "--out", backupFile);
    expect(backup.code, backup.out).toBe(0);
    const restore = cli(audit, "restore", backupFile, "--data-dir", restoredDir);
    expect(restore.code, restore.out).toBe(0);
    expect(cli(audit, "restore", backupFile, "--data-dir", restoredDir).out).toContain("不是空的");

    const onRestored = { ...audit, ZHENGWU_DATA_DIR: restoredDir };
    const verified = cli(onRestored, "audit", "verify", "--tenant", "440114", "--anchors", anchorFile);
    expect(verified.code, verified.out).toBe(0);
    expect(verified.out).toContain(`${anchors.length} 个签名锚点全部吻合`);
    const copied = await reportFigures(restoredDir);
    expect(copied).toEqual(await reportFigures(dataDir));
    expect(Object.keys(copied).length).toBeGreaterThan(10);

    // An insider empties the restored copy's log, switching the TRUNCATE guard off first.
    const pg = await PGlite.create({ dataDir: restoredDir });
    await pg.exec(`alter table audit_log disable trigger user; alter table audit_chains disable trigger user;
      truncate audit_log, audit_chains;`);
    await pg.close();
    const emptied = await openPglite(restoredDir);
    const tenant = await findTenantByCode(emptied.db, "440114");
    // The chain alone cannot tell an emptied log from a new one.
    expect(await verifyAuditChain(emptied.db, tenant?.id ?? "")).toMatchObject({ ok: true, checked: 0 });
    await emptied.close();
    const anchored = cli(
      { ZHENGWU_DATA_DIR: restoredDir },
      "audit",
      "verify",
      "--tenant",
      "440114",
      "--anchors",
      anchorFile,
      "--public-key",
      publicKey,
    );
    expect(anchored.code).toBe(1);
    expect(anchored.out).toContain("日志被清空");
    expect(anchored.out).toContain("audit verification failed");
  });
});
