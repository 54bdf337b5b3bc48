import { useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Form, InputNumber, Space, Typography } from "antd";
import { useEffect } from "react";
import {
  type AppointmentSettings,
  AppointmentSettingsSchema,
} from "../../../../../packages/contracts/src/appointments.ts";
import { api } from "../../api/client.ts";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { hallKeys } from "./appointments-api.ts";

const FIELDS: { name: Exclude<keyof AppointmentSettings, "sessions">; label: string; min: number; max: number }[] = [
  { name: "horizonWorkdays", label: "可预约范围（工作日）", min: 1, max: 60 },
  { name: "maxActivePerDayHall", label: "每人每天每厅有效预约数", min: 1, max: 10 },
  { name: "cancelBeforeMinutes", label: "开始前可取消/改约（分钟）", min: 0, max: 10080 },
  { name: "noShowLimit", label: "爽约次数上限", min: 1, max: 100 },
  { name: "noShowWindowDays", label: "爽约统计周期（天）", min: 1, max: 365 },
  { name: "blockDays", label: "暂停预约（天）", min: 0, max: 365 },
  { name: "maxCalls", label: "叫号几次未到可过号", min: 1, max: 10 },
  { name: "slotMinutes", label: "每个时段（分钟）", min: 10, max: 240 },
];

/** 预约规则 of the tenant (domain-rules §4 defaults until changed). */
export function SettingsCard() {
  const { message } = App.useApp();
  const [form] = Form.useForm<AppointmentSettings>();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const remote = useQuery({
    queryKey: hallKeys.settings(),
    queryFn: ({ signal }) => api.get("/api/appointments/settings", AppointmentSettingsSchema, undefined, signal),
  });
  useEffect(() => {
    if (remote.data) {
      form.setFieldsValue(remote.data);
    }
  }, [remote.data, form]);
  const save = async (v: AppointmentSettings) => {
    try {
      const saved = await api.put("/api/appointments/settings", AppointmentSettingsSchema, { ...remote.data, ...v });
      queryClient.setQueryData(hallKeys.settings(), saved);
      void message.success("预约规则已保存，新生成的时段按新规则");
    } catch (err) {
      handleError(err, form);
    }
  };
  return (
    <Card title="预约规则" style={{ marginBottom: 16 }}>
      <Form form={form} layout="vertical" name="appointment-settings" onFinish={(v) => void save(v)}>
        <Space wrap>
          {FIELDS.map((f) => (
            <Form.Item key={f.name} name={f.name} label={f.label} rules={[{ required: true }]}>
              <InputNumber min={f.min} max={f.max} />
            </Form.Item>
          ))}
        </Space>
        <Typography.Paragraph type="secondary">
          开放时间：{remote.data?.sessions.map((s) => `${s.start}–${s.end}`).join("、")}（法定工作日，含调休上班日）
        </Typography.Paragraph>
        <Button htmlType="submit">保存规则</Button>
      </Form>
    </Card>
  );
}
