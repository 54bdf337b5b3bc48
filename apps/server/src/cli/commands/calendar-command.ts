import type { Command } from "commander";
import { z } from "zod";
import { setNationalCalendarDays } from "../../modules/calendar/calendar.service.ts";
import { systemClock } from "../../platform/clock.ts";
import type { Config } from "../../platform/config.ts";
import { withDatabase } from "../run-with-db.ts";

const DaySchema = z.object({
  day: z.iso.date({ error: "日期应为真实存在的 YYYY-MM-DD" }),
  kind: z.enum(["holiday", "workday"], { error: "类型只能是 holiday（放假）或 workday（调休上班）" }),
  name: z.string().trim().min(1, { error: "名称必填" }).max(30),
});

/** National statutory holidays (国务院办公厅通知) are set by the system operator here, never over HTTP. */
export function registerCalendarCommand(program: Command, config: Config): void {
  program
    .command("calendar")
    .description("全国法定节假日（仅限系统运维人员）")
    .command("set")
    .description("录入或修改全国法定节假日/调休上班日，如 --day 2027-01-01 --kind holiday --name 元旦")
    .requiredOption("--day <date>", "日期 YYYY-MM-DD")
    .requiredOption("--kind <kind>", "holiday 或 workday")
    .requiredOption("--name <name>", "名称")
    .action(async (o: { day: string; kind: string; name: string }) => {
      const parsed = DaySchema.safeParse(o);
      if (!parsed.success) {
        throw new Error(parsed.error.issues.map((i) => i.message).join("；"));
      }
      await withDatabase(config, "calendar set", async (database) => {
        const { tenantsAudited } = await setNationalCalendarDays(database.db, systemClock, [parsed.data], "命令行");
        process.stdout.write(
          `已录入全国日历：${parsed.data.day} ${parsed.data.name}（${parsed.data.kind}），已记入 ${tenantsAudited} 个租户的审计日志\n`,
        );
      });
    });
}
