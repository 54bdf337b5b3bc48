import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { Navigate, useLocation, useNavigate } from "react-router-dom";
import type { LoginInput } from "../../../../../packages/contracts/src/auth.ts";
import { isApiError } from "../../api/client.ts";
import { BrandLogo } from "../../layout/brand-logo.tsx";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { authApi } from "./auth-api.ts";
import { loginFailureMessage } from "./login-messages.ts";
import { useSession } from "./session.tsx";

/** Where to go after signing in: the page that sent us here, never back to /login. */
function redirectTarget(state: unknown): string {
  if (typeof state === "object" && state !== null && "from" in state) {
    const from = state.from;
    if (typeof from === "string" && from.startsWith("/") && !from.startsWith("//") && !from.startsWith("/login")) {
      return from;
    }
  }
  return "/";
}

export function LoginPage() {
  const { state, signIn } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [form] = Form.useForm<LoginInput>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<{ message: string; locked: boolean } | null>(null);
  const handleError = useApiErrorHandler();
  const target = redirectTarget(location.state);

  if (state.status === "authenticated") {
    return <Navigate to={target} replace />;
  }

  const submit = async (values: LoginInput) => {
    setSubmitting(true);
    setError(null);
    try {
      const me = await authApi.login({ username: values.username.trim(), password: values.password });
      signIn(me);
      // An initial or reset password must be changed first: the workbench shows that screen (the
      // layout does on every page), instead of a deep page whose every call would be refused.
      void navigate(me.user.mustChangePassword ? "/" : target, { replace: true });
    } catch (err) {
      if (isApiError(err) && err.fieldIssues.length === 0) {
        setError(loginFailureMessage(err));
      } else {
        handleError(err, form);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div
      style={{
        minHeight: "100vh",
        display: "flex",
        flexDirection: "column",
        alignItems: "center",
        justifyContent: "center",
        padding: 24,
        background:
          "radial-gradient(circle at 20% 20%, rgba(22,119,255,0.10), transparent 45%), radial-gradient(circle at 80% 80%, rgba(212,56,13,0.08), transparent 40%), #f3f6fb",
      }}
    >
      <Card style={{ width: 400, maxWidth: "100%", boxShadow: "0 8px 24px rgba(0,0,0,0.08)" }}>
        <div style={{ textAlign: "center", marginBottom: 28 }}>
          <BrandLogo size={48} />
          <Typography.Title level={3} style={{ margin: "16px 0 4px" }}>
            政务服务数据管理平台
          </Typography.Title>
          <Typography.Text type="secondary">政务服务数据管理局 · 统一工作平台</Typography.Text>
        </div>
        {error && (
          <Alert
            type={error.locked ? "warning" : "error"}
            showIcon
            title={error.message}
            style={{ marginBottom: 24 }}
            role="alert"
          />
        )}
        <Form<LoginInput> form={form} size="large" onFinish={submit} requiredMark={false} autoComplete="on">
          <Form.Item name="username" rules={[{ required: true, whitespace: true, message: "请输入用户名" }]}>
            <Input
              prefix={<UserOutlined />}
              placeholder="用户名"
              aria-label="用户名"
              autoComplete="username"
              autoFocus
            />
          </Form.Item>
          <Form.Item name="password" rules={[{ required: true, message: "请输入密码" }]}>
            <Input.Password
              prefix={<LockOutlined />}
              placeholder="密码"
              aria-label="密码"
              autoComplete="current-password"
            />
          </Form.Item>
          <Form.Item style={{ marginBottom: 0 }}>
            <Button type="primary" htmlType="submit" block loading={submitting}>
              登录
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 24, fontSize: 12 }}>
        政务 Zhengwu · 仅限授权人员使用，所有操作均记入审计日志
      </Typography.Text>
    </div>
  );
}
