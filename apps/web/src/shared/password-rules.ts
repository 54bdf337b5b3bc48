import type { FormRule } from "antd";
import { PASSWORD_MIN } from "../../../../packages/contracts/src/auth.ts";

/** Mirrors the contract's PasswordSchema so users see problems before submitting. */
export const PASSWORD_RULES: FormRule[] = [
  { required: true, message: "请输入密码" },
  { min: PASSWORD_MIN, message: `密码至少${PASSWORD_MIN}位` },
  { max: 128, message: "密码不能超过128位" },
  {
    validator: async (_rule, value: unknown) => {
      if (typeof value === "string" && value.length > 0 && !(/[A-Za-z]/.test(value) && /\d/.test(value))) {
        throw new Error("密码须同时包含字母和数字");
      }
    },
  },
];

/** For a "确认新密码" field that must repeat `field`. */
export function confirmRule(field: string): FormRule {
  return ({ getFieldValue }) => ({
    validator: async (_rule, value: unknown) => {
      if (value && value !== getFieldValue(field)) {
        throw new Error("两次输入的密码不一致");
      }
    },
  });
}
