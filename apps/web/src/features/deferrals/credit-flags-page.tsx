import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, DatePicker, Form, Input, Modal, Space, Tag } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { PageContainer } from "../../layout/page-container.tsx";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { validFields } from "../../shared/form-validate.ts";
import { formatDateTime } from "../../shared/format.ts";
import { PagedTable, usePagedList } from "../../shared/paged-list.tsx";
import { deferralKeys, deferralsApi } from "./deferrals-api.ts";

type Values = { idNumber: string; personName: string; reason: string; source: string; listedOn: Dayjs };

/** 失信名单: applicants barred from 容缺受理 while listed; lifting keeps the record. */
export function CreditFlagsPage() {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const list = usePagedList({ filters: {}, queryKey: deferralKeys.creditFlags, load: deferralsApi.creditFlags });
  // A listing or a lifting changes who may get 容缺受理.
  const refresh = () => void queryClient.invalidateQueries({ queryKey: deferralKeys.all });
  const [adding, setAdding] = useState(false);
  const [lifting, setLifting] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const [form] = Form.useForm<Values>();

  const add = async () => {
    const v = await validFields(form);
    if (!v) {
      return;
    }
    try {
      await deferralsApi.addCreditFlag({ ...v, listedOn: v.listedOn.format("YYYY-MM-DD") });
      void message.success("已列入失信名单");
      setAdding(false);
      form.resetFields();
      refresh();
    } catch (err) {
      handleError(err, form);
    }
  };
  const lift = async () => {
    if (!lifting) {
      return;
    }
    try {
      await deferralsApi.liftCreditFlag(lifting, note);
      void message.success("已移出失信名单");
      setLifting(null);
      setNote("");
      refresh();
    } catch (err) {
      handleError(err);
    }
  };
  return (
    <PageContainer title="失信名单">
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <Card
          size="small"
          title="名单内的申请人不适用容缺受理"
          extra={
            <Button type="primary" onClick={() => setAdding(true)}>
              列入名单
            </Button>
          }
        >
          <PagedTable
            list={list}
            size="small"
            rowKey="id"
            columns={[
              { title: "姓名", dataIndex: "personName" },
              { title: "身份证号", dataIndex: "idNumber" },
              { title: "失信事由", dataIndex: "reason" },
              { title: "认定来源", dataIndex: "source" },
              { title: "认定日期", dataIndex: "listedOn" },
              {
                title: "状态",
                render: (_, r) =>
                  r.liftedAt ? (
                    <Tag>已移出（{formatDateTime(r.liftedAt)}）</Tag>
                  ) : (
                    <Space>
                      <Tag color="red">名单内</Tag>
                      <Button size="small" onClick={() => setLifting(r.id)}>
                        移出
                      </Button>
                    </Space>
                  ),
              },
            ]}
          />
        </Card>
        <Modal
          title="列入失信名单"
          open={adding}
          okText="确定"
          onCancel={() => setAdding(false)}
          onOk={() => void add()}
        >
          <Form<Values> form={form} layout="vertical" name="credit-flag">
            <Form.Item name="personName" label="姓名" rules={[{ required: true, message: "请填写姓名" }]}>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item
              name="idNumber"
              label="身份证号"
              rules={[{ required: true, len: 18, message: "请填写18位身份证号" }]}
            >
              <Input maxLength={18} autoComplete="off" />
            </Form.Item>
            <Form.Item name="reason" label="失信事由" rules={[{ required: true, message: "请填写失信事由" }]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Form.Item name="source" label="认定来源" rules={[{ required: true, message: "请填写认定来源" }]}>
              <Input maxLength={100} placeholder="如：信用中国（广东）" />
            </Form.Item>
            <Form.Item name="listedOn" label="认定日期" rules={[{ required: true, message: "请选择认定日期" }]}>
              <DatePicker format="YYYY-MM-DD" />
            </Form.Item>
          </Form>
        </Modal>
        <Modal
          title="移出失信名单"
          open={lifting !== null}
          okText="确定"
          onCancel={() => setLifting(null)}
          onOk={() => void lift()}
        >
          <Input.TextArea aria-label="移出原因" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
        </Modal>
      </Space>
    </PageContainer>
  );
}
