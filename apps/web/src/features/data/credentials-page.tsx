import { PlusOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Form, Input, Popconfirm, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import type { WriteKeyInput } from "../../../../../packages/contracts/src/data-sharing-batches.ts";
import { DATA_KEY_KIND_LABELS, type DataKey } from "../../../../../packages/contracts/src/data-sharing-credentials.ts";
import { PageContainer } from "../../layout/page-container.tsx";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { FormModal } from "../../shared/form-modal.tsx";
import { formatMinute } from "../../shared/format.ts";
import { SecretModal } from "../api-keys/secret-modal.tsx";
import { OrgUnitSelect } from "../org/org-unit-select.tsx";
import { dataApi, dataKeys } from "./data-api.ts";
import { GRANT_STATUS_COLORS, GRANT_STATUS_LABELS } from "./data-labels.ts";

/** What a key is for: a credential's resource and grant state, or "数据写入" for a write key. */
function purpose(k: DataKey) {
  if (!k.grant) {
    return <Typography.Text type="secondary">向本单位资源推送数据批次</Typography.Text>;
  }
  return (
    <>
      <Link to={`/data/resources/${k.grant.resourceCode}`}>{k.grant.resourceName}</Link>
      <Tag color={GRANT_STATUS_COLORS[k.grant.status]} style={{ marginLeft: 8 }}>
        授权{GRANT_STATUS_LABELS[k.grant.status]}
      </Tag>
      <Typography.Text type="secondary">有效期至 {k.grant.validTo}</Typography.Text>
    </>
  );
}

/**
 * 授权与凭证: the data-service credentials and data:write keys of the officer's units — what each is
 * for, who issued it, when it was last used — with revocation, and issuing a write key (shown once).
 */
export function CredentialsPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const list = useQuery({ queryKey: dataKeys.credentials(), queryFn: ({ signal }) => dataApi.dataKeys(signal) });
  const [issuing, setIssuing] = useState(false);
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const revoke = useMutation({
    mutationFn: (k: DataKey) => dataApi.revokeDataKey(k.id),
    onSuccess: (k) => {
      void message.success(`已吊销「${k.name}」，立即失效`);
      void queryClient.invalidateQueries({ queryKey: dataKeys.credentials() });
    },
    onError: (e) => handleError(e),
  });
  return (
    <PageContainer
      title="授权与凭证"
      description="本单位及下级单位的数据服务凭证（按共享授权读取数据）与数据写入密钥（推送数据批次）。密钥只在签发时显示一次；吊销立即生效。"
    >
      <Card
        size="small"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)}>
            签发写入密钥
          </Button>
        }
      >
        <Table<DataKey>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 个` }}
          columns={[
            {
              title: "名称",
              dataIndex: "name",
              render: (n: string, k) => (
                <>
                  {n}
                  <Typography.Text type="secondary" code style={{ marginLeft: 8 }}>
                    {k.prefix}…
                  </Typography.Text>
                </>
              ),
            },
            { title: "类型", dataIndex: "kind", width: 170, render: (k: DataKey["kind"]) => DATA_KEY_KIND_LABELS[k] },
            { title: "单位", dataIndex: "unitName", width: 160 },
            { title: "用途", key: "purpose", render: (_: unknown, k) => purpose(k) },
            { title: "签发人", dataIndex: "createdBy", width: 100 },
            { title: "签发时间", dataIndex: "createdAt", width: 150, render: formatMinute },
            {
              title: "最近使用",
              dataIndex: "lastUsedAt",
              width: 150,
              render: (v: string | null) => (v ? formatMinute(v) : "未使用"),
            },
            {
              title: "状态",
              key: "state",
              width: 150,
              render: (_: unknown, k) =>
                k.revokedAt ? (
                  <Tag color="red">已吊销 {formatMinute(k.revokedAt)}</Tag>
                ) : (
                  <Popconfirm
                    title={`吊销「${k.name}」？`}
                    description="使用该密钥的系统将立即无法调用。"
                    okText="吊销"
                    okButtonProps={{ danger: true }}
                    onConfirm={() => revoke.mutate(k)}
                  >
                    <Button size="small" danger>
                      吊销
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
      <FormModal<WriteKeyInput, Awaited<ReturnType<typeof dataApi.issueWriteKey>>>
        title="签发数据写入密钥"
        name="write-key"
        open={issuing}
        onClose={() => setIssuing(false)}
        submit={dataApi.issueWriteKey}
        invalidates={[dataKeys.credentials()]}
        onDone={(k, v) => {
          setIssuing(false);
          setSecret({ name: v.name, value: k.secret });
        }}
        intro="写入密钥只能向所选单位（及其下级）提供的资源推送数据批次；密钥只显示这一次。"
      >
        <Form.Item name="providerUnitId" label="提供单位" rules={[{ required: true, message: "请选择提供单位" }]}>
          <OrgUnitSelect placeholder="选择本单位或下级单位" />
        </Form.Item>
        <Form.Item name="name" label="名称（使用该密钥的系统）" rules={[{ required: true, message: "名称必填" }]}>
          <Input maxLength={60} placeholder="如：企业登记业务系统" />
        </Form.Item>
      </FormModal>
      <SecretModal secret={secret} onClose={() => setSecret(null)} />
    </PageContainer>
  );
}
