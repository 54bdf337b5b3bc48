import { SearchOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Descriptions, Form, Input, Tag, Timeline, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import type { z } from "zod";
import type { PublicStatusSchema } from "../../../../../packages/contracts/src/work-orders.ts";
import { isApiError } from "../../api/client.ts";
import { BrandLogo } from "../../layout/brand-logo.tsx";
import { formatDateTime } from "../../shared/format.ts";
import { publicStatusApi } from "./public-status-api.ts";

type PublicStatus = z.infer<typeof PublicStatusSchema>;
type Values = { number: string; phoneTail: string };

const DONE = new Set(["closed", "archived"]);

/** 工单进度查询 for citizens: no login, and nothing personal is shown. */
export function PublicTrackPage() {
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<PublicStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const submit = async (v: Values) => {
    setLoading(true);
    setError(null);
    setResult(null);
    try {
      setResult(await publicStatusApi.lookup(v.number.trim(), v.phoneTail.trim()));
    } catch (err) {
      // One message for "no such ticket" and "wrong digits", so numbers cannot be probed.
      if (isApiError(err) && err.status === 404) {
        setError("未找到匹配的工单，请核对工单号和来电号码后4位。");
      } else {
        setError(isApiError(err) ? err.message : "查询失败，请稍后重试");
      }
    } finally {
      setLoading(false);
    }
  };

  return (
    <div style={{ minHeight: "100vh", background: "#f3f6fb", padding: "48px 16px" }}>
      <div style={{ maxWidth: 560, margin: "0 auto" }}>
        <div style={{ display: "flex", alignItems: "center", gap: 12, marginBottom: 24 }}>
          <BrandLogo size={40} />
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              工单进度查询
            </Typography.Title>
            <Typography.Text type="secondary">12345 政务服务便民热线</Typography.Text>
          </div>
        </div>
        <Card>
          <Form<Values>
            name="public-track"
            form={form}
            layout="vertical"
            onFinish={(v) => void submit(v)}
            requiredMark={false}
          >
            <Form.Item
              name="number"
              label="工单号"
              rules={[
                { required: true, whitespace: true, message: "请输入工单号" },
                { pattern: /^[A-Za-z0-9-]{1,40}$/, message: "工单号由字母、数字或-组成" },
              ]}
            >
              <Input placeholder="受理时告知您的工单号" autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="phoneTail"
              label="来电号码后4位"
              rules={[
                { required: true, message: "请输入来电号码后4位" },
                { pattern: /^\d{4}$/, message: "请输入4位数字" },
              ]}
            >
              <Input placeholder="如 1234" maxLength={4} inputMode="numeric" autoComplete="off" />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={loading} block>
              查询
            </Button>
          </Form>
          {error && <Alert type="warning" showIcon title={error} style={{ marginTop: 16 }} role="alert" />}
        </Card>
        {result && (
          <Card style={{ marginTop: 16 }} title={`工单 ${result.number}`}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: "title", label: "诉求", children: result.title },
                {
                  key: "status",
                  label: "当前状态",
                  children: (
                    <Tag color={DONE.has(result.status) ? "success" : "processing"} aria-label="办理状态">
                      {result.statusLabel}
                    </Tag>
                  ),
                },
                { key: "receivedAt", label: "受理时间", children: formatDateTime(result.receivedAt) },
                { key: "closeDueAt", label: "办结期限", children: formatDateTime(result.closeDueAt) },
                { key: "closedAt", label: "办结时间", children: formatDateTime(result.closedAt) },
              ]}
            />
            {result.ratingCode && (
              <Alert
                style={{ marginTop: 16 }}
                type="info"
                showIcon
                title={`评价码：${result.ratingCode}`}
                description={
                  <>
                    办结后7日内可评价本次服务，评价码请勿告知他人。
                    <Link
                      to={`/public/rate?kind=work_order&number=${encodeURIComponent(result.number)}&code=${result.ratingCode}`}
                    >
                      去评价
                    </Link>
                  </>
                }
              />
            )}
            <section aria-label="办理进度" style={{ marginTop: 16 }}>
              <Timeline
                items={result.timeline.map((t, i) => ({
                  key: `${t.at}-${i}`,
                  color: i === result.timeline.length - 1 ? "green" : "blue",
                  content: (
                    <>
                      <Typography.Text strong>{t.label}</Typography.Text>
                      <div>
                        <Typography.Text type="secondary">{formatDateTime(t.at)}</Typography.Text>
                      </div>
                    </>
                  ),
                }))}
              />
            </section>
          </Card>
        )}
        <Typography.Paragraph type="secondary" style={{ textAlign: "center", marginTop: 24, fontSize: 12 }}>
          如需补充诉求或对办理结果有异议，请拨打 12345。
        </Typography.Paragraph>
      </div>
    </div>
  );
}
