import { useQuery } from "@tanstack/react-query";
import { App, Button, Card, Empty, Popconfirm, Progress, Table, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import type { WorkOrder } from "../../../../../packages/contracts/src/work-orders.ts";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { formatDateTime } from "../../shared/format.ts";
import { StatusTag } from "./work-order-tags.tsx";
import { workOrderKeys, workOrdersApi } from "./work-orders-api.ts";

type Candidate = { workOrder: WorkOrder; similarity: number };
type Props = { workOrder: WorkOrder; onMerged: (updated: WorkOrder) => void };

/**
 * Open tickets about the same thing at the same place. 合并到此工单 folds the current ticket into
 * the chosen one (the master), which then carries the callers and the deadline.
 */
export function DuplicatesPanel({ workOrder, onMerged }: Props) {
  const [merging, setMerging] = useState<string | null>(null);
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { data, isFetching: loading } = useQuery({
    queryKey: workOrderKeys.duplicates(workOrder.id),
    queryFn: ({ signal }) => workOrdersApi.duplicates(workOrder.id, signal),
  });
  const items = data?.items ?? [];
  const canMerge = workOrder.canMerge && workOrder.status !== "merged";

  const merge = async (master: WorkOrder) => {
    setMerging(master.id);
    try {
      const updated = await workOrdersApi.merge(workOrder.id, master.id);
      void message.success(`已将本工单合并到 ${master.number}`);
      onMerged(updated);
    } catch (err) {
      handleError(err);
    } finally {
      setMerging(null);
    }
  };

  return (
    <Card title={`疑似重复（${items.length}）`} style={{ marginBottom: 16 }}>
      {items.length === 0 && !loading ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未发现疑似重复的在办工单" />
      ) : (
        <Table<Candidate>
          rowKey={(c) => c.workOrder.id}
          size="small"
          loading={loading}
          pagination={false}
          dataSource={items}
          scroll={{ x: 760 }}
          columns={[
            {
              title: "工单号",
              key: "number",
              width: 110,
              render: (_v, c) => <Link to={`/work-orders/${c.workOrder.id}`}>{c.workOrder.number}</Link>,
            },
            { title: "标题", key: "title", width: 200, ellipsis: true, render: (_v, c) => c.workOrder.title },
            { title: "状态", key: "status", width: 110, render: (_v, c) => <StatusTag status={c.workOrder.status} /> },
            {
              title: "受理时间",
              key: "receivedAt",
              width: 170,
              render: (_v, c) => formatDateTime(c.workOrder.receivedAt),
            },
            {
              title: "相似度",
              key: "similarity",
              width: 150,
              render: (_v, c) => (
                <Progress
                  percent={Math.round(c.similarity * 100)}
                  size="small"
                  status={c.similarity >= 0.7 ? "exception" : "normal"}
                  format={(p) => `${p}%`}
                />
              ),
            },
            ...(canMerge
              ? [
                  {
                    title: "操作",
                    key: "merge",
                    width: 130,
                    render: (_v: unknown, c: Candidate) => (
                      <Popconfirm
                        title="合并到此工单"
                        description={
                          <Typography.Text>本工单将作为重复件并入 {c.workOrder.number}，不再单独办理。</Typography.Text>
                        }
                        okText="合并"
                        onConfirm={() => void merge(c.workOrder)}
                      >
                        <Button type="link" size="small" loading={merging === c.workOrder.id}>
                          合并到此工单
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </Card>
  );
}
