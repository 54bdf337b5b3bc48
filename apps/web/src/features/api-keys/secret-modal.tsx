import { CopyOutlined } from "@ant-design/icons";
import { Alert, App, Button, Input, Modal, Space, Typography } from "antd";

type Props = { secret: { name: string; value: string } | null; onClose: () => void };

/** Shows a new key's secret exactly once; it cannot be fetched again afterwards. */
export function SecretModal({ secret, onClose }: Props) {
  const { message } = App.useApp();

  const copy = async () => {
    if (!secret) {
      return;
    }
    try {
      await navigator.clipboard.writeText(secret.value);
      void message.success("已复制到剪贴板");
    } catch {
      void message.warning("无法访问剪贴板，请手动选中密钥复制");
    }
  };

  return (
    <Modal
      title={secret ? `密钥已创建 — ${secret.name}` : "密钥已创建"}
      width={640}
      open={secret !== null}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose}>
          我已妥善保存
        </Button>
      }
      destroyOnHidden
    >
      <Alert type="warning" showIcon title="密钥只显示一次，请妥善保存" style={{ margin: "16px 0" }} />
      {secret && (
        <Space.Compact style={{ width: "100%" }}>
          <Input
            readOnly
            value={secret.value}
            aria-label="接口密钥"
            data-testid="api-key-secret"
            style={{ fontFamily: "monospace" }}
            onFocus={(e) => e.currentTarget.select()}
          />
          <Button icon={<CopyOutlined />} onClick={() => void copy()}>
            复制
          </Button>
        </Space.Compact>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        调用时通过请求头 X-API-Key（或 Authorization: Bearer）携带该密钥；如遗失，请吊销后重新创建。
      </Typography.Paragraph>
    </Modal>
  );
}
