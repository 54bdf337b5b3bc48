import { Alert, Button, Card, Checkbox, Form, Input, Radio, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { BAD_REASONS, RATING_LABELS } from "../../../../../packages/contracts/src/evaluations.ts";

// The contract's pattern, case-insensitive: the server upper-cases what is typed.
const RATING_CODE_INPUT = /^[2-9A-HJ-NP-Za-hj-np-z]{8}$/;

import { isApiError } from "../../api/client.ts";
import { BrandLogo } from "../../layout/brand-logo.tsx";
import { ratingsApi } from "./ratings-api.ts";

type Values = {
  subjectKind: "work_order" | "service_case";
  number: string;
  phoneTail: string;
  ratingCode: string;
  level: 1 | 2 | 3 | 4 | 5;
  reasons: string[];
  comment: string;
};

/** 服务评价 for citizens: real-name by the number and the phone on record; a bad rating needs a reason. */
export function PublicRatePage() {
  const [form] = Form.useForm<Values>();
  // A receipt or message links here with the service filled in: ?kind=service_case&number=…
  const [search] = useSearchParams();
  const kind = search.get("kind") === "work_order" ? "work_order" : "service_case";
  const level = Form.useWatch("level", form);
  const subjectKind = Form.useWatch("subjectKind", form) ?? kind;
  const [done, setDone] = useState<{ label: string; rectification: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const submit = async (v: Values) => {
    setLoading(true);
    setError(null);
    try {
      const r = await ratingsApi.rate({
        subjectKind: v.subjectKind,
        number: v.number.trim(),
        phoneTail: v.phoneTail.trim(),
        ratingCode: v.ratingCode.trim().toUpperCase(),
        level: v.level,
        reasons: (v.reasons ?? []) as Parameters<typeof ratingsApi.rate>[0]["reasons"],
        comment: v.comment ?? "",
      });
      setDone({ label: r.levelLabel, rectification: r.rectification });
    } catch (err) {
      setError(
        isApiError(err) && err.status === 404
          ? "未找到匹配的服务，请核对编号、号码后4位和评价码。"
          : isApiError(err)
            ? err.message
            : "提交失败，请稍后重试",
      );
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
              政务服务“好差评”
            </Typography.Title>
            <Typography.Text type="secondary">您的评价将用于改进服务；评价人信息不向被评价单位公开</Typography.Text>
          </div>
        </div>
        <Card>
          {done ? (
            <Alert
              type="success"
              showIcon
              title={`感谢您的评价：${done.label}`}
              description={done.rectification ? "我们已将差评转交承办单位整改，整改结果将回访告知您。" : undefined}
            />
          ) : (
            <Form<Values>
              form={form}
              layout="vertical"
              onFinish={(v) => void submit(v)}
              requiredMark={false}
              initialValues={{
                subjectKind: kind,
                number: search.get("number") ?? "",
                ratingCode: search.get("code") ?? "",
                reasons: [],
                comment: "",
              }}
            >
              <Form.Item name="subjectKind" label="评价对象">
                <Radio.Group
                  options={[
                    { value: "service_case", label: "大厅或网上办件" },
                    { value: "work_order", label: "12345 热线工单" },
                  ]}
                />
              </Form.Item>
              <Form.Item
                name="number"
                label={subjectKind === "work_order" ? "工单号" : "办件编号"}
                rules={[{ required: true, whitespace: true, message: "请输入编号" }]}
              >
                <Input placeholder="办结通知、预约查询或广东政务服务网上的办件编号" autoComplete="off" />
              </Form.Item>
              <Form.Item
                name="phoneTail"
                label={subjectKind === "work_order" ? "登记手机号后4位" : "登记手机号或身份证号后4位"}
                rules={[{ required: true, pattern: /^\d{3}[\dXx]$/, message: "请输入4位号码" }]}
              >
                <Input maxLength={4} inputMode="numeric" autoComplete="off" />
              </Form.Item>
              <Form.Item
                name="ratingCode"
                label="评价码"
                extra="8位评价码见办结回访短信、工单进度查询或预约查询页面"
                rules={[
                  { required: true, whitespace: true, message: "请输入评价码" },
                  { pattern: RATING_CODE_INPUT, message: "评价码为8位字母或数字" },
                ]}
              >
                <Input maxLength={8} autoComplete="off" style={{ textTransform: "uppercase" }} />
              </Form.Item>
              <Form.Item name="level" label="评价" rules={[{ required: true, message: "请选择评价" }]}>
                <Radio.Group options={[5, 4, 3, 2, 1].map((l) => ({ value: l, label: RATING_LABELS[l] }))} />
              </Form.Item>
              {level !== undefined && level <= 2 && (
                <Form.Item
                  name="reasons"
                  label="不满意的原因"
                  rules={[{ required: true, type: "array", min: 1, message: "差评请选择原因" }]}
                >
                  <Checkbox.Group options={BAD_REASONS.map((r) => ({ value: r, label: r }))} />
                </Form.Item>
              )}
              <Form.Item name="comment" label="意见建议">
                <Input.TextArea rows={3} maxLength={500} showCount />
              </Form.Item>
              {error && <Alert style={{ marginBottom: 16 }} type="error" showIcon title={error} />}
              <Button type="primary" htmlType="submit" loading={loading} block>
                提交评价
              </Button>
            </Form>
          )}
        </Card>
      </div>
    </div>
  );
}
