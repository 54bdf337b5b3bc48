import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { parseAnchorLines } from "../modules/audit/audit-anchor.ts";

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
    timeout: 180_000,
  });
  return { code: res.status, out: `${res.stdout}${res.stderr}` };
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function figures(text: string): object | undefined {
  const parsed: unknown = JSON.parse(text);
  return typeof parsed === "object" && parsed !== null && "figures" in parsed && typeof parsed.figures === "object"
    ? (parsed.figures ?? undefined)
    : undefined;
}

describe("backup, restore and signed audit anchors through the CLI", () => {
  // Some ten CLI processes, each opening an embedded database: slow on a busy 2-core machine.
  it("restores a backup into a new folder that passes audit verify --anchors and gives the same figures", {
    timeout: 600_000,
  }, async () => {
    const keygen = cli({}, "audit", "keygen", "--out", keyFile);
    expect(keygen.code, keygen.out).toBe(0);
    const publicKey = /ZHENGWU_AUDIT_PUBLIC_KEY=(\S+)/.exec(keygen.out)?.[1] ?? "";
    expect(publicKey).not.toBe("");
    expect(cli({}, "audit", "keygen", "--out", keyFile).code).toBe(1); // never overwrites a key
    expect(cli({}, "audit", "keygen", "--out", join(dataDir, "k.pem")).out).toContain("数据目录");
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
    const report = ["report", "build", "--tenant", "440114", "--year", "2022", "--format", "json", "--out"] as const;
    expect(cli(audit, ...report, join(dir, "original.json")).code).toBe(0);
    const copy = cli(onRestored, ...report, join(dir, "copy.json"));
    expect(copy.code, copy.out).toBe(0);
    const copied = figures(readFileSync(join(dir, "copy.json"), "utf8"));
    expect(copied).toEqual(figures(readFileSync(join(dir, "original.json"), "utf8")));
    expect(Object.keys(copied ?? {}).length).toBeGreaterThan(10);

    // An insider empties the restored copy's log, switching the TRUNCATE guard off first.
    const pg = await PGlite.create({ dataDir: restoredDir });
    await pg.exec(`alter table audit_log disable trigger user; alter table audit_chains disable trigger user;
      truncate audit_log, audit_chains;`);
    await pg.close();
    const plain = cli({ ZHENGWU_DATA_DIR: restoredDir }, "audit", "verify", "--tenant", "440114");
    expect(plain.code).toBe(0); // the chain alone cannot tell an emptied log from a new one
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
