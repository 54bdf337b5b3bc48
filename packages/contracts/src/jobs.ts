import { z } from "zod";
import { Id } from "./id.ts";

/** The periodic jobs, in the order the run-history page lists them. */
export const JOB_NAMES = [
  "escalation",
  "default-ratings",
  "hall-slots",
  "deferrals",
  "prune",
  "export-tasks",
  "audit-checkpoint",
  "data-request-reminders",
] as const;
export const JobNameSchema = z.enum(JOB_NAMES, { error: "未知的任务名称" });
export type JobName = z.infer<typeof JobNameSchema>;

export const JOB_LABELS: Record<JobName, string> = {
  escalation: "超期督办",
  "default-ratings": "默认好评",
  "hall-slots": "预约时段与爽约",
  deferrals: "容缺受理提醒与到期",
  prune: "过期记录清理",
  "export-tasks": "导出任务清理",
  "audit-checkpoint": "审计锚点签名",
  "data-request-reminders": "共享申请审批期限提醒",
};

export const JOB_RUN_STATES = ["running", "completed", "failed"] as const;
export const JobRunStateSchema = z.enum(JOB_RUN_STATES, { error: "未知的运行状态" });
export type JobRunState = z.infer<typeof JobRunStateSchema>;

export const JOB_RUN_STATE_LABELS: Record<JobRunState, string> = {
  running: "运行中",
  completed: "成功",
  failed: "失败",
};

export const JobRunSchema = z.object({
  id: Id,
  // A name this version does not know (a job retired since) still lists.
  job: z.string(),
  slot: z.string(),
  attempt: z.number().int(),
  host: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  state: JobRunStateSchema,
  error: z.string().nullable(),
  rowsAffected: z.number().int().nullable(),
  summary: z.record(z.string(), z.number()),
});
export type JobRun = z.infer<typeof JobRunSchema>;

export const JobRunQuerySchema = z.object({
  job: JobNameSchema.optional(),
  state: JobRunStateSchema.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type JobRunQuery = z.infer<typeof JobRunQuerySchema>;

export const JobRunListSchema = z.object({ items: z.array(JobRunSchema), total: z.number().int() });
export type JobRunList = z.infer<typeof JobRunListSchema>;
