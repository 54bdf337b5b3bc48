import { Alert, App, Button, Form, Modal, Popconfirm, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import type { WorkOrder } from "../../../../../packages/contracts/src/work-orders.ts";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { FormModal } from "../../shared/form-modal.tsx";
import { DispatchUnitSelect } from "./dispatch-unit-select.tsx";
import { type TransitionBody, workOrdersApi } from "./work-orders-api.ts";

type Outcome = { workOrder: WorkOrder | undefined; id: string; ok: boolean; error: string | null };
type Summary = { title: string; outcomes: Outcome[] };

type Props = {
  selected: WorkOrder[];
  canDispatch: boolean;
  canAccept: boolean;
  onDone: () => void;
};

/** Bulk 派单 / 签收 / 归档 on the selected rows; the server answers per ticket, shown row by row. */
export function BulkActions({ selected, canDispatch, canAccept, onDone }: Props) {
  const [dispatchOpen, setDispatchOpen] = useState(false);
  const [running, setRunning] = useState(false);
  const [summary, setSummary] = useState<Summary | null>(null);
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();

  const send = async (title: string, transition: TransitionBody): Promise<Summary> => {
    const { results } = await workOrdersApi.bulk(
      selected.map((w) => w.id),
      transition,
    );
    const byId = new Map(selected.map((w) => [w.id, w]));
    return { title, outcomes: results.map((r) => ({ ...r, workOrder: byId.get(r.id) })) };
  };
  const show = (result: Summary) => {
    if (result.outcomes.every((o) => o.ok)) {
      void message.success(`${result.title}：${result.outcomes.length} 条全部成功`);
    }
    setSummary(result);
    setDispatchOpen(false);
    onDone();
  };
  const run = async (title: string, transition: TransitionBody) => {
    setRunning(true);
    try {
      show(await send(title, transition));
    } catch (err) {
      handleError(err);
    } finally {
      setRunning(false);
    }
  };

  const disabled = selected.length === 0;
  const okCount = summary?.outcomes.filter((o) => o.ok).length ?? 0;
  return (
    <Space wrap>
      <Typography.Text type="secondary">已选 {selected.length} 条</Typography.Text>
      {canDispatch && (
        <Button disabled={disabled} onClick={() => setDispatchOpen(true)}>
          批量派单
        </Button>
      )}
      {canAccept && (
        <Popconfirm
          title="批量签收"
          description={`签收选中的 ${selected.length} 条工单？`}
          onConfirm={() => void run("批量签收", { action: "accept" })}
          disabled={disabled}
        >
          <Button disabled={disabled} loading={running}>
            批量签收
          </Button>
        </Popconfirm>
      )}
      {canDispatch && (
        <Popconfirm
          title="批量归档"
          description={`归档选中的 ${selected.length} 条工单？仅已办结的工单可归档。`}
          onConfirm={() => void run("批量归档", { action: "archive" })}
          disabled={disabled}
        >
          <Button disabled={disabled} loading={running}>
            批量归档
          </Button>
        </Popconfirm>
      )}
      <FormModal<{ unitId: string }, Summary>
        name="wo-bulk-dispatch"
        title={`批量派单（${selected.length} 条）`}
        open={dispatchOpen}
        onClose={() => setDispatchOpen(false)}
        submit={(v) => send("批量派单", { action: "dispatch", unitId: v.unitId })}
        onDone={show}
      >
        <Form.Item name="unitId" label="承办单位" rules={[{ required: true, message: "请选择承办单位" }]}>
          <DispatchUnitSelect />
        </Form.Item>
      </FormModal>
      <Modal
        title={`${summary?.title ?? ""}结果`}
        open={summary !== null}
        onCancel={() => setSummary(null)}
        footer={<Button onClick={() => setSummary(null)}>关闭</Button>}
        width={720}
        destroyOnHidden
      >
        {summary && (
          <>
            <Alert
              type={okCount === summary.outcomes.length ? "success" : "warning"}
              showIcon
              title={`成功 ${okCount} 条，失败 ${summary.outcomes.length - okCount} 条`}
              style={{ margin: "12px 0" }}
            />
            <Table<Outcome>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={summary.outcomes}
              scroll={{ y: 360 }}
              columns={[
                { title: "工单号", key: "number", width: 110, render: (_v, o) => o.workOrder?.number ?? o.id },
                { title: "标题", key: "title", ellipsis: true, render: (_v, o) => o.workOrder?.title ?? "—" },
                {
                  title: "结果",
                  key: "result",
                  width: 260,
                  render: (_v, o) =>
                    o.ok ? <Tag color="success">成功</Tag> : <Typography.Text type="danger">{o.error}</Typography.Text>,
                },
              ]}
            />
          </>
        )}
      </Modal>
    </Space>
  );
}
