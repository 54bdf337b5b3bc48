import { Alert } from "antd";
import type { User } from "../../../../../packages/contracts/src/users.ts";
import { FormModal } from "../../shared/form-modal.tsx";
import { NewPasswordFields } from "../../shared/password-fields.tsx";
import { usersApi } from "./users-api.ts";

type Values = { newPassword: string; confirmPassword: string };
type Props = { user: User | null; onClose: () => void };

export function ResetPasswordModal({ user, onClose }: Props) {
  return (
    <FormModal<Values>
      title={user ? `重置密码 — ${user.displayName}（${user.username}）` : "重置密码"}
      open={user !== null}
      onClose={onClose}
      intro={
        <Alert
          type="info"
          showIcon
          title="重置后该用户须使用新密码登录，此操作将记入审计日志。"
          style={{ marginTop: 16 }}
        />
      }
      submit={(v) => usersApi.resetPassword(user?.id ?? "", v.newPassword)}
      success={() => `已重置「${user?.displayName ?? ""}」的密码，请通过安全渠道告知本人`}
      onDone={onClose}
    >
      <NewPasswordFields />
    </FormModal>
  );
}
