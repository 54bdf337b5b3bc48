import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Space } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import type { HallDetail } from "../../../../../packages/contracts/src/appointments.ts";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { validFields } from "../../shared/form-validate.ts";
import { OrgUnitSelect } from "../org/org-unit-select.tsx";
import { hallApi } from "./appointments-api.ts";

/** 设立大厅: a hall on an org unit; its level follows the unit (区 / 镇街 / 村居). */
export function CreateHallButton({ onCreated }: { onCreated: (h: HallDetail) => void }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ orgUnitId: string; name: string; address?: string }>();
  const handleError = useApiErrorHandler();
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        设立大厅
      </Button>
      <Modal
        title="设立大厅"
        open={open}
        okText="确定"
        destroyOnHidden
        onCancel={() => setOpen(false)}
        onOk={() =>
          void validFields(form).then(async (v) => {
            if (!v) {
              return;
            }
            try {
              onCreated(await hallApi.createHall(v));
              setOpen(false);
            } catch (err) {
              handleError(err, form);
            }
          })
        }
      >
        <Form form={form} layout="vertical" name="create-hall" preserve={false}>
          <Form.Item name="orgUnitId" label="所属机构" rules={[{ required: true, message: "请选择机构" }]}>
            <OrgUnitSelect />
          </Form.Item>
          <Form.Item name="name" label="大厅名称" rules={[{ required: true, min: 2, message: "请输入大厅名称" }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="address" label="地址">
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

type GroupValues = { prefix: string; name: string; slotCapacity: number; items: string; windows: string };

/** 新增窗口组: items one per line as "编码 名称" (a trailing * marks an item not bookable). */
export function AddGroupForm({ hall, onSaved }: { hall: HallDetail; onSaved: (h: HallDetail) => void }) {
  const [form] = Form.useForm<GroupValues>();
  const handleError = useApiErrorHandler();
  const submit = async (v: GroupValues) => {
    const items = v.items
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const [code = "", ...rest] = l.split(/\s+/);
        const name = rest.join(" ");
        return { itemCode: code, itemName: name.replace(/\*$/, "").trim() || code, bookable: !name.endsWith("*") };
      });
    const windows = v.windows
      .split(/[,，\n]/)
      .map((w) => w.trim())
      .filter(Boolean);
    try {
      onSaved(
        await hallApi.addGroup(hall.id, {
          prefix: v.prefix.toUpperCase(),
          name: v.name,
          slotCapacity: v.slotCapacity,
          items,
          windows,
        }),
      );
      form.resetFields();
    } catch (err) {
      handleError(err, form);
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      name="add-group"
      onFinish={(v) => void submit(v)}
      initialValues={{ slotCapacity: 5 }}
    >
      <Space wrap>
        <Form.Item
          name="prefix"
          label="号段前缀"
          rules={[{ required: true, pattern: /^[A-Za-z]$/, message: "一个字母" }]}
        >
          <Input maxLength={1} style={{ width: 80 }} />
        </Form.Item>
        <Form.Item name="name" label="窗口组名称" rules={[{ required: true, message: "请输入名称" }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="slotCapacity" label="每时段容量" rules={[{ required: true }]}>
          <InputNumber min={1} max={500} />
        </Form.Item>
      </Space>
      <Form.Item
        name="items"
        label="办理事项（每行“编码 名称”，名称后加 * 表示不可预约）"
        rules={[{ required: true, message: "至少一个事项" }]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="windows" label="窗口（逗号分隔）" rules={[{ required: true, message: "至少一个窗口" }]}>
        <Input placeholder="1号窗口，2号窗口" />
      </Form.Item>
      <Button htmlType="submit">新增窗口组</Button>
    </Form>
  );
}

/** 闭厅日 and 生成时段. */
export function ClosureAndSlots({ hall, onSaved }: { hall: HallDetail; onSaved: (h: HallDetail) => void }) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<{ day: Dayjs; reason: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Form
        form={form}
        layout="inline"
        name="closure"
        onFinish={(v) =>
          void hallApi.addClosure(hall.id, { day: v.day.format("YYYY-MM-DD"), reason: v.reason }).then(
            (h) => {
              onSaved(h);
              form.resetFields();
            },
            (err: unknown) => handleError(err, form),
          )
        }
      >
        <Form.Item name="day" label="闭厅日" rules={[{ required: true, message: "请选择日期" }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="reason" label="原因" rules={[{ required: true, message: "请填写原因" }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Button htmlType="submit">设置闭厅</Button>
      </Form>
      <Button
        loading={busy}
        onClick={() => {
          setBusy(true);
          hallApi
            .generateSlots(hall.id, 30)
            .then(
              (r) => void message.success(`已生成 ${r.created} 个时段（${r.days[0] ?? ""} 至 ${r.days.at(-1) ?? ""}）`),
              handleError,
            )
            .finally(() => setBusy(false));
        }}
      >
        生成未来30个工作日的时段
      </Button>
    </Space>
  );
}

/** 开放时段 of one hall, as "09:00-12:00, 13:00-17:00"; empty = the tenant's sessions. */
export function HallHoursForm({ hall, onSaved }: { hall: HallDetail; onSaved: (h: HallDetail) => void }) {
  const [form] = Form.useForm<{ hours: string }>();
  const handleError = useApiErrorHandler();
  const current = hall.sessions?.map((s) => `${s.start}-${s.end}`).join(", ") ?? "";
  const submit = async (v: { hours: string }) => {
    const text = v.hours?.trim() ?? "";
    const sessions = text
      ? text
          .split(/[,，;；\s]+/)
          .filter(Boolean)
          .map((p) => {
            const [start = "", end = ""] = p.split(/[-–~至]/);
            return { start: start.trim(), end: end.trim() };
          })
      : null;
    try {
      onSaved(await hallApi.setHours(hall.id, sessions));
    } catch (err) {
      handleError(err, form);
    }
  };
  return (
    <Form
      form={form}
      layout="inline"
      name="hall-hours"
      initialValues={{ hours: current }}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item
        name="hours"
        label="开放时段"
        extra="如 09:00-12:00, 13:00-17:00；留空沿用本区规则，之后生成的日期按新时段"
      >
        <Input style={{ width: 280 }} placeholder="沿用本区规则" />
      </Form.Item>
      <Button htmlType="submit">保存时段</Button>
    </Form>
  );
}
