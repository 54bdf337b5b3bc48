import { Button, Card, Form, Input, Select, Space, Tabs } from "antd";
import { useState } from "react";
import type { HallDetail, Ticket } from "../../../../../packages/contracts/src/appointments.ts";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { hallApi } from "./appointments-api.ts";

/** 取号: by booking code, or a walk-in for a group and item. */
export function CheckInCard({ hall, onTicket }: { hall: HallDetail; onTicket: (t: Ticket) => void }) {
  const [codeForm] = Form.useForm<{ code: string }>();
  const [walkForm] = Form.useForm<{ groupId: string; itemCode: string }>();
  const [busy, setBusy] = useState(false);
  const handleError = useApiErrorHandler();
  const groupId = Form.useWatch("groupId", walkForm);
  const group = hall.groups.find((g) => g.id === groupId);

  const run = async (fn: () => Promise<Ticket>, form: { resetFields(): void }) => {
    setBusy(true);
    try {
      onTicket(await fn());
      form.resetFields();
    } catch (err) {
      handleError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="取号">
      <Tabs
        items={[
          {
            key: "booking",
            label: "预约签到",
            children: (
              <Form
                form={codeForm}
                layout="inline"
                name="check-in-booking"
                onFinish={(v) =>
                  void run(
                    () => hallApi.checkIn(hall.id, { kind: "booking", code: v.code.trim().toUpperCase() }),
                    codeForm,
                  )
                }
              >
                <Form.Item name="code" label="预约码" rules={[{ required: true, message: "请输入预约码" }]}>
                  <Input maxLength={10} autoComplete="off" />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy}>
                  签到取号
                </Button>
              </Form>
            ),
          },
          {
            key: "walk_in",
            label: "现场取号",
            children: (
              <Form
                form={walkForm}
                layout="vertical"
                name="check-in-walk-in"
                onFinish={(v) =>
                  void run(
                    () => hallApi.checkIn(hall.id, { kind: "walk_in", groupId: v.groupId, itemCode: v.itemCode }),
                    walkForm,
                  )
                }
              >
                <Space wrap align="end">
                  <Form.Item name="groupId" label="窗口组" rules={[{ required: true, message: "请选择窗口组" }]}>
                    <Select
                      style={{ width: 180 }}
                      options={hall.groups.map((g) => ({ value: g.id, label: `${g.prefix} ${g.name}` }))}
                    />
                  </Form.Item>
                  <Form.Item name="itemCode" label="事项" rules={[{ required: true, message: "请选择事项" }]}>
                    <Select
                      style={{ width: 220 }}
                      options={group?.items.map((i) => ({ value: i.itemCode, label: i.itemName })) ?? []}
                    />
                  </Form.Item>
                  <Form.Item>
                    <Button type="primary" htmlType="submit" loading={busy}>
                      取号
                    </Button>
                  </Form.Item>
                </Space>
              </Form>
            ),
          },
        ]}
      />
    </Card>
  );
}
