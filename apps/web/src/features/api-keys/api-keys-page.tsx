import { PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Badge, Button, Card, Popconfirm, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useState } from "react";
import type { ApiKey, ApiKeyScope } from "../../../../../packages/contracts/src/api-keys.ts";
import { PageContainer } from "../../layout/page-container.tsx";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { formatDateTime } from "../../shared/format.ts";
import { ApiKeyCreateModal } from "./api-key-create-modal.tsx";
import { apiKeyKeys, apiKeysApi } from "./api-keys-api.ts";
import { SCOPE_LABELS } from "./scope-labels.ts";
import { SecretModal } from "./secret-modal.tsx";

export function ApiKeysPage() {
  const queryClient = useQueryClient();
  const { data, isFetching: loading } = useQuery({
    queryKey: apiKeyKeys.list(),
    queryFn: ({ signal }) => apiKeysApi.list(signal),
  });
  const reload = () => void queryClient.invalidateQueries({ queryKey: apiKeyKeys.all });
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const [revokingId, setRevokingId] = useState<string | null>(null);
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();

  const revoke = async (key: ApiKey) => {
    setRevokingId(key.id);
    try {
      await apiKeysApi.revoke(key.id);
      void message.success(`已吊销密钥「${key.name}」`);
      reload();
    } catch (err) {
      handleError(err);
    } finally {
      setRevokingId(null);
    }
  };

  const columns: TableColumnsType<ApiKey> = [
    { title: "名称", dataIndex: "name" },
    {
      title: "密钥前缀",
      dataIndex: "prefix",
      width: 160,
      render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text>,
    },
    {
      title: "权限范围",
      dataIndex: "scopes",
      render: (scopes: ApiKeyScope[]) => (
        <Space size={[0, 4]} wrap>
          {scopes.map((s) => (
            <Tag key={s} color="geekblue">
              {SCOPE_LABELS[s]}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: "创建时间", dataIndex: "createdAt", width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: "最近使用",
      dataIndex: "lastUsedAt",
      width: 170,
      render: (v: string | null) => (v ? formatDateTime(v) : "从未使用"),
    },
    {
      title: "状态",
      key: "status",
      width: 200,
      render: (_v, key) =>
        key.revokedAt ? (
          <Badge status="default" text={`已吊销（${formatDateTime(key.revokedAt)}）`} />
        ) : (
          <Badge status="success" text="有效" />
        ),
    },
    {
      title: "操作",
      key: "actions",
      width: 100,
      render: (_v, key) =>
        key.revokedAt ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Popconfirm
            title="吊销密钥"
            description="吊销后使用该密钥的调用将立即失败，且无法恢复。确定吊销？"
            okText="吊销"
            okButtonProps={{ danger: true }}
            onConfirm={() => void revoke(key)}
          >
            <Button type="link" danger size="small" loading={revokingId === key.id}>
              吊销
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <PageContainer
      title="接口密钥"
      description="供12345热线、Open311 等外部系统调用本平台接口的密钥。密钥仅在创建时显示一次。"
      extra={
        <>
          <Button icon={<ReloadOutlined />} onClick={reload}>
            刷新
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建密钥
          </Button>
        </>
      }
    >
      <Card>
        <Table<ApiKey>
          rowKey="id"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          pagination={false}
          scroll={{ x: 1000 }}
        />
      </Card>
      <ApiKeyCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(apiKey, value) => {
          setCreating(false);
          setSecret({ name: apiKey.name, value });
        }}
      />
      <SecretModal secret={secret} onClose={() => setSecret(null)} />
    </PageContainer>
  );
}
