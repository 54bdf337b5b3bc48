import { z } from "zod";
import { RoleSchema } from "./common.ts";
import { Id } from "./id.ts";

export const USERNAME_PATTERN = /^[a-z][a-z0-9_.-]{2,31}$/;
export const PASSWORD_MIN = 8;

export const LoginInputSchema = z.object({
  username: z.string({ error: "请输入用户名" }).trim().min(1, { error: "请输入用户名" }).max(64),
  password: z.string({ error: "请输入密码" }).min(1, { error: "请输入密码" }).max(128),
});
export type LoginInput = z.infer<typeof LoginInputSchema>;

export const PasswordSchema = z
  .string({ error: "请输入密码" })
  .min(PASSWORD_MIN, { error: `密码至少${PASSWORD_MIN}位` })
  .max(128, { error: "密码不能超过128位" })
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), { error: "密码须同时包含字母和数字" });

export const ChangePasswordInputSchema = z.object({
  currentPassword: z.string({ error: "请输入当前密码" }).min(1, { error: "请输入当前密码" }).max(128),
  newPassword: PasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInputSchema>;

export const GrantSchema = z.object({
  id: Id,
  role: RoleSchema,
  orgUnitId: Id,
  orgUnitName: z.string(),
});
export type Grant = z.infer<typeof GrantSchema>;

export const MENU_KEYS = [
  "workOrders",
  "workOrderMetrics",
  "ratings",
  "onlineCases",
  "budget",
  "evaluations",
  "reports",
  "hallWindow",
  "hallMetrics",
  "deferrals",
  "creditFlags",
  "hallSetup",
  "catalog",
  "org",
  "users",
  "apiKeys",
  "audit",
  "jobRuns",
  "dataResources",
  "cockpit",
  "appeals",
  /** Not a page of its own: the 诉求分析 page offers the briefing downloads with it. */
  "briefings",
] as const;
export const MenuKeySchema = z.enum(MENU_KEYS);
export type MenuKey = z.infer<typeof MenuKeySchema>;

export const MeSchema = z.object({
  user: z.object({
    id: Id,
    username: z.string(),
    displayName: z.string(),
    mustChangePassword: z.boolean(),
  }),
  tenant: z.object({ code: z.string(), name: z.string() }),
  grants: z.array(GrantSchema),
  menu: z.array(MenuKeySchema),
  /** Actions the UI may offer; computed by the server's policy functions. */
  can: z.object({
    manageOrg: z.boolean(),
    manageUsers: z.boolean(),
    /** May check the district's 交换日志 chain (auditors, district data officers). */
    verifyExchange: z.boolean().optional(),
  }),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof MeSchema>;
