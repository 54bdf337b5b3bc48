import { z } from "zod";
import { GrantSchema, PasswordSchema, USERNAME_PATTERN } from "./auth.ts";
import { RoleSchema } from "./common.ts";
import { Id, idOf } from "./id.ts";

/** Mainland mobile numbers: 11 digits starting 1[3-9]. */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;

export const UserSchema = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  /** Masked (138****5678) unless read through the audited contact endpoint. */
  phone: z.string().nullable(),
  orgUnitId: Id,
  orgUnitName: z.string(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  grants: z.array(GrantSchema),
  createdAt: z.string(),
});
export type User = z.infer<typeof UserSchema>;

export const UserListQuerySchema = z.object({
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const UserListSchema = z.object({ items: z.array(UserSchema), total: z.number().int() });

export const CreateUserInputSchema = z.object({
  username: z.string({ error: "用户名必填" }).regex(USERNAME_PATTERN, {
    error: "用户名须以小写字母开头，3–32位小写字母、数字或 _ . -",
  }),
  displayName: z.string({ error: "姓名必填" }).trim().min(2, { error: "姓名至少2个字" }).max(30),
  phone: z.string().regex(PHONE_PATTERN, { error: "手机号应为11位大陆手机号" }).optional(),
  orgUnitId: idOf("所属机构ID格式不正确"),
  password: PasswordSchema,
  roles: z.array(RoleSchema).max(10).default([]),
});
export type CreateUserInput = z.infer<typeof CreateUserInputSchema>;

export const UpdateUserInputSchema = z
  .object({
    displayName: z.string().trim().min(2, { error: "姓名至少2个字" }).max(30).optional(),
    phone: z.string().regex(PHONE_PATTERN, { error: "手机号应为11位大陆手机号" }).nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { error: "至少修改一个字段" });
export type UpdateUserInput = z.infer<typeof UpdateUserInputSchema>;

export const ResetPasswordInputSchema = z.object({ newPassword: PasswordSchema });
export const AddGrantInputSchema = z.object({
  role: RoleSchema,
  orgUnitId: idOf("机构ID格式不正确"),
});
export type AddGrantInput = z.infer<typeof AddGrantInputSchema>;
export const GrantParamSchema = z.object({ id: Id, grantId: Id });
export const UserContactSchema = z.object({ phone: z.string().nullable() });
