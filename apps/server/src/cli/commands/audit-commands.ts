import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Command } from "commander";
import { verifyAuditChain } from "../../modules/audit/audit.service.ts";
import { configuredSigningKey } from "../../modules/audit/audit-anchor.job.ts";
import { verifyAuditAnchors, writeAuditCheckpoint } from "../../modules/audit/audit-anchor.service.ts";
import { generateAnchorKeys, parseAnchorLines, parsePublicKey } from "../../modules/audit/audit-anchor.ts";
import { systemClock } from "../../platform/clock.ts";
import { type Config, isInside } from "../../platform/config.ts";
import { requireTenant, withDatabase } from "../run-with-db.ts";

const out = (s: string) => process.stdout.write(`${s}\n`);

/** `--public-key` takes the key itself or a file holding it. */
function publicKeyFrom(option: string | undefined, config: Config): string {
  const text = option ? (existsSync(option) ? readFileSync(option, "utf8") : option) : config.audit.publicKey;
  if (!text) {
    throw new Error(
      "校验锚点需要公钥：--public-key 或 ZHENGWU_AUDIT_PUBLIC_KEY / a public key is needed to check anchors",
    );
  }
  return text;
}

function readAnchorFile(file: string) {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new Error(`无法读取锚点文件 ${file} / cannot read the anchor file`);
  }
  const parsed = parseAnchorLines(text);
  if (parsed.badLine !== null) {
    throw new Error(`锚点文件 ${file} 第 ${parsed.badLine} 行不是有效的锚点 / line ${parsed.badLine} is not an anchor`);
  }
  return parsed.anchors;
}

export function registerAuditCommands(program: Command, config: Config): void {
  const audit = program.command("audit").description("审计日志：哈希链校验与签名锚点");

  audit
    .command("keygen")
    .description("生成审计锚点签名密钥（Ed25519）：私钥写入文件（须在数据目录之外），打印公钥")
    .requiredOption("--out <file>", "私钥文件路径，如 /etc/zhengwu/audit-key.pem")
    .action((o: { out: string }) => {
      const file = resolve(o.out);
      if (isInside(file, config.db.dataDir)) {
        throw new Error(`私钥不能放在数据目录 ${config.db.dataDir} 之内：能改数据库的人不应能拿到它`);
      }
      const keys = generateAnchorKeys();
      mkdirSync(dirname(file), { recursive: true });
      try {
        writeFileSync(file, keys.privatePem, { flag: "wx", mode: 0o600 });
      } catch {
        throw new Error(`无法写入 ${file}（已存在的密钥不会被覆盖）`);
      }
      out(`已生成私钥 ${file}（仅本机服务账号可读；不要放进数据目录或备份里）`);
      out("在配置中设置 / set in the configuration:");
      out(`ZHENGWU_AUDIT_KEY_FILE=${file}`);
      out(`ZHENGWU_AUDIT_PUBLIC_KEY=${keys.publicKey}`);
    });

  audit
    .command("checkpoint")
    .description("立即为各审计链的链头写一个签名锚点（追加到锚点文件并打印）")
    .option("--tenant <code>", "只为该租户（默认全部租户）")
    .option("--anchors <file>", "锚点文件（默认 ZHENGWU_AUDIT_ANCHOR_FILE）")
    .action(async (o: { tenant?: string; anchors?: string }) => {
      const privateKey = configuredSigningKey(config.audit);
      if (!privateKey) {
        throw new Error("未配置签名私钥 ZHENGWU_AUDIT_KEY_FILE（可用 zhengwu audit keygen --out FILE 生成）");
      }
      const anchorFile = o.anchors ? resolve(o.anchors) : config.audit.anchorFile;
      const anchors = await withDatabase(config, "audit checkpoint", async (database) => {
        if (o.tenant) {
          await requireTenant(database, o.tenant);
        }
        return writeAuditCheckpoint(database.db, {
          privateKey,
          clock: systemClock,
          anchorFile,
          tenantCode: o.tenant,
          log: out,
        });
      });
      out(`已写入 ${anchors.length} 个审计锚点${anchorFile ? `到 ${anchorFile}` : "（未配置锚点文件，仅打印）"}`);
    });

  audit
    .command("verify")
    .description("校验审计日志哈希链；给出锚点文件时还核对每个签名锚点。发现问题时以非零状态退出")
    .option("--tenant <code>", "租户区划代码", "440114")
    .option("--anchors <file>", "锚点文件（默认 ZHENGWU_AUDIT_ANCHOR_FILE；都没有则只校验哈希链）")
    .option("--public-key <keyOrFile>", "公钥（一行 base64、PEM 或其文件；默认 ZHENGWU_AUDIT_PUBLIC_KEY）")
    .action(async (o: { tenant: string; anchors?: string; publicKey?: string }) => {
      const anchorFile = o.anchors ? resolve(o.anchors) : config.audit.anchorFile;
      if (!anchorFile) {
        const result = await withDatabase(config, "audit verify", async (database) => {
          const tenant = await requireTenant(database, o.tenant);
          return verifyAuditChain(database.db, tenant.id);
        });
        if (result.ok) {
          out(`审计哈希链完整：已校验 ${result.checked} 条（未核对锚点：链内一致不排除整体改写，见 docs/security.md）`);
        } else {
          out(
            `审计哈希链断裂：${result.reason}${result.firstBrokenId ? `（首个断点记录 id=${result.firstBrokenId}）` : ""}；此前 ${result.checked} 条完好`,
          );
          process.exitCode = 1;
        }
        return;
      }
      const publicKey = parsePublicKey(publicKeyFrom(o.publicKey, config));
      const anchors = readAnchorFile(anchorFile);
      const result = await withDatabase(config, "audit verify", async (database) => {
        const tenant = await requireTenant(database, o.tenant);
        return verifyAuditAnchors(database.db, tenant, anchors, publicKey);
      });
      if (result.ok) {
        out(
          `审计哈希链完整，${result.checkedAnchors} 个签名锚点全部吻合：已校验 ${result.checkedRows} 条 / ` +
            `audit chain intact, all ${result.checkedAnchors} anchors match`,
        );
      } else {
        out(`审计校验失败 / audit verification failed：${result.reason}`);
        process.exitCode = 1;
      }
    });
}
