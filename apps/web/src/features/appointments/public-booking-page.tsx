import { Alert, Button, Card, Empty, Form, Input, Radio, Select, Space, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router-dom";
import type { HallDetail, PublicBooking, Slot } from "../../../../../packages/contracts/src/appointments.ts";
import { HALL_LEVEL_LABELS } from "../../../../../packages/contracts/src/appointments.ts";
import { checkIdNumber, ID_NUMBER_MESSAGES, PHONE_PATTERN } from "../../../../../packages/contracts/src/id-number.ts";
import { isApiError } from "../../api/client.ts";
import { BrandLogo } from "../../layout/brand-logo.tsx";
import { bureauTime } from "../../shared/format.ts";
import { publicBookingApi } from "./appointments-api.ts";
import { BookingCard } from "./booking-card.tsx";
import { BookingLookup } from "./booking-lookup.tsx";
import { formatDay, formatTime } from "./slot-format.ts";

type Values = {
  hallId: string;
  groupId: string;
  itemCode: string;
  day: string;
  slotId: string;
  personName: string;
  idNumber: string;
  phone: string;
};
type Halls = Awaited<ReturnType<typeof publicBookingApi.halls>>["items"];

const today = () => bureauTime().format("YYYY-MM-DD");

/** 统一预约 for citizens: pick hall, item, day and slot, then book under one's real name. */
export function PublicBookingPage() {
  const [form] = Form.useForm<Values>();
  const [halls, setHalls] = useState<Halls>([]);
  const [hall, setHall] = useState<HallDetail | null>(null);
  const [slots, setSlots] = useState<Slot[]>([]);
  const [done, setDone] = useState<{ booking: PublicBooking; verify: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hallId = Form.useWatch("hallId", form);
  const groupId = Form.useWatch("groupId", form);
  const day = Form.useWatch("day", form);

  // ?tenant=440115 books at that district's halls.
  const tenant = useSearchParams()[0].get("tenant") ?? undefined;
  useEffect(() => {
    publicBookingApi.halls(tenant).then(
      (r) => setHalls(r.items),
      () => setError("大厅列表加载失败，请刷新重试"),
    );
  }, [tenant]);
  useEffect(() => {
    setHall(null);
    if (hallId) {
      publicBookingApi.hall(hallId).then(setHall, () => setError("大厅信息加载失败"));
    }
  }, [hallId]);
  useEffect(() => {
    setSlots([]);
    if (hallId && groupId) {
      publicBookingApi.slots(hallId, groupId).then(
        (r) => setSlots(r.items),
        () => setError("时段加载失败"),
      );
    }
  }, [hallId, groupId]);

  const group = hall?.groups.find((g) => g.id === groupId);
  const days = useMemo(() => [...new Set(slots.map((s) => s.day))], [slots]);
  const daySlots = slots.filter((s) => s.day === day);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const booking = await publicBookingApi.book({
        slotId: v.slotId,
        itemCode: v.itemCode,
        personName: v.personName.trim(),
        idNumber: v.idNumber.trim().toUpperCase(),
        phone: v.phone.trim(),
      });
      setDone({ booking, verify: v.idNumber.trim().toUpperCase() });
    } catch (err) {
      setError(isApiError(err) ? err.message : "预约失败，请稍后重试");
      if (hallId && groupId) {
        publicBookingApi.slots(hallId, groupId).then(
          (r) => setSlots(r.items),
          () => undefined,
        );
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: "100vh", background: "#f3f6fb", padding: "32px 16px" }}>
      <div style={{ maxWidth: 640, margin: "0 auto", display: "flex", flexDirection: "column", gap: 16 }}>
        <div style={{ display: "flex", alignItems: "center", gap: 12 }}>
          <BrandLogo size={40} />
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              政务服务统一预约
            </Typography.Title>
            <Typography.Text type="secondary">实名预约，可预约今天起5个工作日内的时段</Typography.Text>
          </div>
        </div>
        <Card title="预约办事">
          {done ? (
            <>
              <Alert type="success" showIcon title="预约成功" role="status" />
              <BookingCard booking={done.booking} verify={done.verify} />
              <Button style={{ marginTop: 12 }} onClick={() => setDone(null)}>
                再约一个
              </Button>
            </>
          ) : (
            <Form<Values>
              form={form}
              layout="vertical"
              requiredMark={false}
              name="public-booking"
              onFinish={(v) => void submit(v)}
            >
              <Form.Item name="hallId" label="办事大厅" rules={[{ required: true, message: "请选择大厅" }]}>
                <Select
                  showSearch={{ optionFilterProp: "label" }}
                  placeholder="选择区、镇街或村居的服务大厅"
                  options={halls.map((h) => ({ value: h.id, label: `${h.name}（${HALL_LEVEL_LABELS[h.level]}）` }))}
                  onChange={() =>
                    form.setFieldsValue({ groupId: undefined, itemCode: undefined, day: undefined, slotId: undefined })
                  }
                />
              </Form.Item>
              <Form.Item name="groupId" label="办理窗口" rules={[{ required: true, message: "请选择窗口" }]}>
                <Select
                  placeholder="选择窗口"
                  options={hall?.groups.map((g) => ({ value: g.id, label: g.name })) ?? []}
                  onChange={() => form.setFieldsValue({ itemCode: undefined, day: undefined, slotId: undefined })}
                />
              </Form.Item>
              <Form.Item name="itemCode" label="办理事项" rules={[{ required: true, message: "请选择事项" }]}>
                <Select
                  placeholder="选择事项"
                  options={group?.items.map((i) => ({ value: i.itemCode, label: i.itemName })) ?? []}
                />
              </Form.Item>
              <Form.Item name="day" label="日期" rules={[{ required: true, message: "请选择日期" }]}>
                {groupId && days.length === 0 ? (
                  <Empty description="近期没有可预约的时段" />
                ) : (
                  <Radio.Group
                    optionType="button"
                    options={days.map((d) => ({
                      value: d,
                      label: d === today() ? `今天 ${formatDay(d)}` : formatDay(d),
                    }))}
                    onChange={() => form.setFieldValue("slotId", undefined)}
                  />
                )}
              </Form.Item>
              <Form.Item name="slotId" label="时段" rules={[{ required: true, message: "请选择时段" }]}>
                <Radio.Group>
                  <Space wrap>
                    {daySlots.map((s) => (
                      <Radio.Button key={s.id} value={s.id} disabled={s.booked >= s.capacity}>
                        {formatTime(s.startsAt)}（余{s.capacity - s.booked}）
                      </Radio.Button>
                    ))}
                  </Space>
                </Radio.Group>
              </Form.Item>
              <Form.Item
                name="personName"
                label="姓名"
                rules={[{ required: true, whitespace: true, min: 2, message: "请输入真实姓名" }]}
              >
                <Input maxLength={40} autoComplete="name" />
              </Form.Item>
              <Form.Item
                name="idNumber"
                label="身份证号"
                rules={[
                  { required: true, message: "请输入身份证号" },
                  {
                    validator: async (_, v: string | undefined) => {
                      const problem = v ? checkIdNumber(v.trim(), today()) : null;
                      if (problem) {
                        throw new Error(ID_NUMBER_MESSAGES[problem]);
                      }
                    },
                  },
                ]}
              >
                <Input maxLength={18} autoComplete="off" />
              </Form.Item>
              <Form.Item
                name="phone"
                label="手机号"
                rules={[{ required: true, pattern: PHONE_PATTERN, message: "请输入11位手机号" }]}
              >
                <Input maxLength={11} inputMode="numeric" autoComplete="tel" />
              </Form.Item>
              {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
              <Button type="primary" htmlType="submit" loading={busy} block>
                提交预约
              </Button>
            </Form>
          )}
        </Card>
        <BookingLookup />
      </div>
    </div>
  );
}
