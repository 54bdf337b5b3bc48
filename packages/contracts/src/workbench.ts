import { z } from "zod";

/** 工作台: what the signed-in person must do now, by the roles they hold; each count opens its list. */
export const WORKBENCH_TONES = ["normal", "warning", "danger"] as const;

export const WorkbenchTaskSchema = z.object({
  key: z.string(),
  /** The line of work the count belongs to (工单办理, 大厅, 绩效自评 …), for grouping on the page. */
  group: z.string(),
  label: z.string(),
  count: z.number().int(),
  /** The page (with filters) that lists exactly what is counted. */
  href: z.string(),
  tone: z.enum(WORKBENCH_TONES),
  hint: z.string().nullable(),
});
export type WorkbenchTask = z.infer<typeof WorkbenchTaskSchema>;

export const WorkbenchNoticeSchema = z.object({
  key: z.string(),
  level: z.enum(["info", "warning"]),
  text: z.string(),
  href: z.string().nullable(),
});
export type WorkbenchNotice = z.infer<typeof WorkbenchNoticeSchema>;

export const WorkbenchSchema = z.object({
  computedAt: z.string(),
  tasks: z.array(WorkbenchTaskSchema),
  notices: z.array(WorkbenchNoticeSchema),
});
export type Workbench = z.infer<typeof WorkbenchSchema>;
