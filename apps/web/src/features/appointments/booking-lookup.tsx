import { Alert, Button, Card, Form, Input, Space } from "antd";
import { useState } from "react";
import type { PublicBooking } from "../../../../../packages/contracts/src/appointments.ts";
import { isApiError } from "../../api/client.ts";
import { validFields } from "../../shared/form-validate.ts";
import { publicBookingApi } from "./appointments-api.ts";
import { BookingCard } from "./booking-card.tsx";
import { RescheduleForm } from "./reschedule-form.tsx";

type Values = { code: string; verify: string };

/** 查询 / 取消本人预约: the code plus the full ID number or phone used to book. */
export function BookingLookup() {
  const [form] = Form.useForm<Values>();
  const [booking, setBooking] = useState<PublicBooking | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (fn: (v: Values) => Promise<PublicBooking>) => {
    const v = await validFields(form);
    if (!v) {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setBooking(await fn({ code: v.code.trim().toUpperCase(), verify: v.verify.trim() }));
    } catch (err) {
      setError(isApiError(err) ? err.message : "操作失败，请稍后重试");
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="查询、改约或取消我的预约">
      <Form<Values> form={form} layout="vertical" requiredMark={false} name="booking-lookup">
        <Form.Item
          name="code"
          label="预约码"
          rules={[{ required: true, pattern: /^[A-Za-z0-9]{10}$/, message: "预约码为10位字母和数字" }]}
        >
          <Input maxLength={10} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="verify"
          label="身份证号或手机号"
          rules={[{ required: true, min: 11, max: 18, message: "请输入预约时填写的身份证号或手机号" }]}
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Space>
          <Button loading={busy} onClick={() => void run((v) => publicBookingApi.lookup(v.code, v.verify))}>
            查询
          </Button>
          <Button danger loading={busy} onClick={() => void run((v) => publicBookingApi.cancel(v.code, v.verify))}>
            取消预约
          </Button>
        </Space>
      </Form>
      {error && <Alert style={{ marginTop: 16 }} type="error" showIcon title={error} />}
      {booking && <BookingCard booking={booking} verify={form.getFieldValue("verify")} />}
      {booking?.status === "booked" && (
        <RescheduleForm
          booking={booking}
          onMove={(slotId) => void run((v) => publicBookingApi.reschedule(v.code, v.verify, slotId))}
        />
      )}
    </Card>
  );
}
