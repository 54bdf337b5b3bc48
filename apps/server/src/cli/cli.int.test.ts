import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../../../../bin/zhengwu.mjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "zhengwu-cli-"));
const dataDir = join(dir, "data");

// The CLI runs on its own embedded database here, whatever DATABASE_URL the suite has.
function cli(...args: string[]) {
  const res = spawnSync(process.execPath, [BIN, ...args], {
    // The year of operations has its own test (demo-year.int.test.ts); here the base suffices.
    env: { ...process.env, ZHENGWU_DATA_DIR: dataDir, DATABASE_URL: "", ZHENGWU_DEMO_YEAR: "false" },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: res.status, out: `${res.stdout}${res.stderr}` };
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("zhengwu CLI", () => {
  // One CLI process per verb: well over the default minute on a busy 2-core machine.
  it("prints --help for every verb", { timeout: 400_000 }, () => {
    for (const verb of [
      [],
      ["serve"],
      ["db", "migrate"],
      ["user", "create"],
      ["user", "reset-password"],
      ["audit", "verify"],
      ["audit", "keygen"],
      ["audit", "checkpoint"],
      ["backup"],
      ["restore"],
      ["apikey", "create"],
      ["tenant", "create"],
      ["demo", "load"],
      ["briefing", "build"],
    ]) {
      const { code, out } = cli(...verb, "--help");
      expect(code, verb.join(" ")).toBe(0);
      expect(out).toContain("Usage: zhengwu");
    }
  });

  // A dozen CLI processes, each opening the embedded database: slow on a busy 2-core machine.
  it("loads the demo, manages users and keys, and verifies the audit chain until a row is edited", {
    timeout: 300_000,
  }, async () => {
    expect(cli("demo", "load").out).toContain("演示数据已就绪");
    const created = cli(
      "user",
      "create",
      "--username",
      "zhangsan",
      "--name",
      "张三",
      "--org",
      "区政务服务中心",
      "--role",
      "hall_staff",
    );
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/初始密码：\S+/);
    expect(cli("user", "create", "--username", "zhangsan", "--name", "张三").code).toBe(1);
    expect(cli("user", "reset-password", "--username", "zhangsan", "--password", "Another-123").code).toBe(0);
    const key = cli("apikey", "create", "--name", "市12345平台", "--scope", "tickets:write");
    expect(key.out).toMatch(/zwk_[A-Za-z0-9]{12}_/);
    expect(cli("apikey", "create", "--name", "x", "--scope", "everything").code).toBe(1);
    const ok = cli("audit", "verify");
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("完整");

    const pg = await PGlite.create({ dataDir });
    await pg.exec("alter table audit_log disable trigger audit_log_no_update_delete");
    await pg.exec("update audit_log set actor_name = '篡改' where id = (select max(id) from audit_log)");
    await pg.close();
    const broken = cli("audit", "verify");
    expect(broken.code).toBe(1);
    expect(broken.out).toContain("断裂");
  });

  // Runs after the demo load above: the tenant exists (its base holds no 2021 tickets).
  it("builds a 诉求分析简报 as JSON and Word, and refuses bad periods with the reason", { timeout: 300_000 }, () => {
    const json = cli("briefing", "build", "--tenant", "440114", "--from", "2021-03-01", "--to", "2021-03-31");
    expect(json.code, json.out).toBe(0);
    const briefing = JSON.parse(json.out.slice(json.out.indexOf("{"), json.out.lastIndexOf("}") + 1));
    expect(briefing).toMatchObject({ kind: "monthly", tenant: { code: "440114" } });
    expect(briefing.figures.tickets.sql).toContain("select count(*)");
    expect(json.out).toContain("提示：2021-03-01 至 2021-03-31 在您的范围内没有受理工单");
    const out = join(dir, "briefing.docx");
    const word = cli(
      ...["briefing", "build", "--tenant", "440114", "--from", "2021-03-01", "--to", "2021-03-07"],
      ...["--format", "docx", "--out", out],
    );
    expect(word.code, word.out).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString("latin1")).toBe("PK");
    const long = cli("briefing", "build", "--tenant", "440114", "--from", "2019-01-01", "--to", "2022-12-31");
    expect(long.code).toBe(1);
    expect(long.out).toContain("分析期间不能超过 3 年");
    const noOut = cli(
      "briefing",
      "build",
      "--tenant",
      "440114",
      "--from",
      "2021-03-01",
      "--to",
      "2021-03-07",
      "--format",
      "docx",
    );
    expect(noOut.code).toBe(1);
    expect(noOut.out).toContain("--out");
  });

  it("refuses to open the embedded database while another process holds it, to read as well", () => {
    writeFileSync(`${dataDir}.lock`, `${process.pid}\nzhengwu serve\n`);
    const res = cli("db", "migrate");
    const briefing = cli("briefing", "build", "--tenant", "440114", "--from", "2021-03-01", "--to", "2021-03-07");
    rmSync(`${dataDir}.lock`);
    expect(res.code).toBe(1);
    expect(res.out).toContain("正被进程");
    expect(briefing.code).toBe(1);
    expect(briefing.out).toContain("正被进程");
  });
});
