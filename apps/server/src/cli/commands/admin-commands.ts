import { randomBytes, randomUUID } from "node:crypto";
import type { Command } from "commander";
import { ApiKeyScopeSchema } from "../../../../../packages/contracts/src/api-keys.ts";
import { PasswordSchema, USERNAME_PATTERN } from "../../../../../packages/contracts/src/auth.ts";
import { RoleSchema } from "../../../../../packages/contracts/src/common.ts";
import { issueApiKey } from "../../modules/api-keys/api-keys.service.ts";
import { recordAudit } from "../../modules/audit/audit.service.ts";
import { findOrgUnitByName, findRootUnit } from "../../modules/org/org.repo.ts";
import { createTenantFromCode } from "../../modules/tenants/tenants.service.ts";
import { findUserByUsername, insertGrant, insertUser, updateUser } from "../../modules/users/users.repo.ts";
import type { SystemActor } from "../../platform/actor.ts";
import { systemClock } from "../../platform/clock.ts";
import type { Config } from "../../platform/config.ts";
import { hashPassword } from "../../platform/passwords.ts";
import { requireTenant, withDatabase } from "../run-with-db.ts";

const out = (s: string) => process.stdout.write(`${s}\n`);
const generatedPassword = () => `Zw${randomBytes(6).toString("base64url")}9`;

function checkPassword(p: string): string {
  const parsed = PasswordSchema.safeParse(p);
  if (!parsed.success) {
    throw new Error(`密码不符合要求：${parsed.error.issues.map((i) => i.message).join("；")}`);
  }
  return parsed.data;
}

export function registerAdminCommands(program: Command, config: Config): void {
  program
    .command("tenant")
    .description("租户（区）管理")
    .command("create")
    .description("按 GB/T 2260 区县代码创建租户及其组织机构树")
    .requiredOption("--code <code>", "6位区县代码，如 440114")
    .action(async (o: { code: string }) => {
      await withDatabase(config, "tenant create", async (database) => {
        const setup = await createTenantFromCode(database.db, o.code, systemClock);
        out(`已创建租户 ${setup.tenant.fullName}（${o.code}），组织机构 ${setup.unitCount} 个`);
      });
    });

  const user = program.command("user").description("用户管理");
  user
    .command("create")
    .description("创建用户并在其所属机构授予角色")
    .requiredOption("--username <name>", "用户名（小写字母开头）")
    .requiredOption("--name <displayName>", "姓名")
    .option("--tenant <code>", "租户区划代码", "440114")
    .option("--org <unitName>", "所属机构名称（默认为区）")
    .option("--role <roles>", "角色，逗号分隔，如 admin,auditor", "")
    .option("--password <password>", "初始密码（不填则生成并打印）")
    .action(
      async (o: { username: string; name: string; tenant: string; org?: string; role: string; password?: string }) => {
        if (!USERNAME_PATTERN.test(o.username)) {
          throw new Error("用户名须以小写字母开头，3–32位小写字母、数字或 _ . -");
        }
        const roles = o.role
          .split(",")
          .filter(Boolean)
          .map((r) => {
            const parsed = RoleSchema.safeParse(r.trim());
            if (!parsed.success) {
              throw new Error(`未知角色 ${r}；可用：${RoleSchema.options.join(", ")}`);
            }
            return parsed.data;
          });
        const password = checkPassword(o.password ?? generatedPassword());
        await withDatabase(config, "user create", async (database) => {
          const tenant = await requireTenant(database, o.tenant);
          const unit = o.org
            ? await findOrgUnitByName(database.db, tenant.id, o.org)
            : await findRootUnit(database.db, tenant.id);
          if (!unit) {
            throw new Error(`机构 ${o.org ?? "(根)"} 不存在`);
          }
          if (await findUserByUsername(database.db, o.username)) {
            throw new Error(`用户名 ${o.username} 已被使用`);
          }
          const id = randomUUID();
          const passwordHash = await hashPassword(password);
          const actor: SystemActor = { kind: "system", tenantId: tenant.id, name: "命令行" };
          await database.db.transaction(async (tx) => {
            await insertUser(tx, {
              id,
              tenantId: tenant.id,
              orgUnitId: unit.id,
              username: o.username,
              displayName: o.name,
              passwordHash,
              mustChangePassword: true,
            });
            for (const role of roles) {
              await insertGrant(tx, { id: randomUUID(), tenantId: tenant.id, userId: id, role, orgUnitId: unit.id });
            }
            await recordAudit(
              { db: tx, actor, clock: systemClock, requestId: null },
              {
                action: "user.create",
                entityType: "user",
                entityId: id,
                scopePath: unit.path,
                summary: { username: o.username, roles, orgUnit: unit.name },
              },
            );
          });
          out(`已创建用户 ${o.username}（${unit.name}，角色：${roles.join(",") || "无"}）`);
          if (!o.password) {
            out(`初始密码：${password}（首次登录后须修改）`);
          }
        });
      },
    );
  user
    .command("reset-password")
    .description("重置用户密码并解除锁定")
    .requiredOption("--username <name>", "用户名")
    .option("--password <password>", "新密码（不填则生成并打印）")
    .action(async (o: { username: string; password?: string }) => {
      const password = checkPassword(o.password ?? generatedPassword());
      await withDatabase(config, "user reset-password", async (database) => {
        const found = await findUserByUsername(database.db, o.username);
        if (!found) {
          throw new Error(`用户 ${o.username} 不存在`);
        }
        const passwordHash = await hashPassword(password);
        const actor: SystemActor = { kind: "system", tenantId: found.tenantId, name: "命令行" };
        await database.db.transaction(async (tx) => {
          await updateUser(tx, found.tenantId, found.id, {
            passwordHash,
            mustChangePassword: true,
            failedLogins: 0,
            lockedUntil: null,
          });
          await recordAudit(
            { db: tx, actor, clock: systemClock, requestId: null },
            {
              action: "user.password.reset",
              entityType: "user",
              entityId: found.id,
              scopePath: found.orgPath,
              summary: { username: found.username },
            },
          );
        });
        out(`已重置 ${o.username} 的密码${o.password ? "" : `：${password}`}（下次登录须修改）`);
      });
    });

  program
    .command("apikey")
    .description("接口密钥")
    .command("create")
    .description("为机器客户端创建接口密钥（密钥只打印一次，库中仅存哈希）")
    .requiredOption("--name <name>", "名称，如 市12345平台")
    .requiredOption("--scope <scopes>", `权限范围，逗号分隔：${ApiKeyScopeSchema.options.join(", ")}`)
    .option("--tenant <code>", "租户区划代码", "440114")
    .action(async (o: { name: string; scope: string; tenant: string }) => {
      const scopes = o.scope.split(",").map((s) => {
        const parsed = ApiKeyScopeSchema.safeParse(s.trim());
        if (!parsed.success) {
          throw new Error(`未知权限范围 ${s}；可用：${ApiKeyScopeSchema.options.join(", ")}`);
        }
        return parsed.data;
      });
      await withDatabase(config, "apikey create", async (database) => {
        const tenant = await requireTenant(database, o.tenant);
        const root = await findRootUnit(database.db, tenant.id);
        if (!root) {
          throw new Error("租户没有根机构");
        }
        const actor: SystemActor = { kind: "system", tenantId: tenant.id, name: "命令行" };
        const issued = await database.db.transaction(async (tx) => {
          const created = await issueApiKey(
            { db: tx, tenantId: tenant.id, orgUnitId: root.id, createdBy: "cli" },
            { name: o.name, scopes },
          );
          await recordAudit(
            { db: tx, actor, clock: systemClock, requestId: null },
            {
              action: "api_key.create",
              entityType: "api_key",
              entityId: created.row.id,
              scopePath: root.path,
              summary: { name: o.name, scopes },
            },
          );
          return created;
        });
        out(`已创建接口密钥「${o.name}」（${scopes.join(",")}）。密钥只显示这一次：`);
        out(issued.secret);
      });
    });
}
