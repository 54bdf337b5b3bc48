import type { TableColumnsType } from "antd";
import { Tag, Tooltip, Typography } from "antd";
import { Link } from "react-router-dom";
import {
  WO_CATEGORY_LABELS,
  WO_KIND_LABELS,
  type WorkOrder,
} from "../../../../../packages/contracts/src/work-orders.ts";
import { formatDateTime } from "../../shared/format.ts";
import { DueTag, StatusTag, SupervisionTag } from "./work-order-tags.tsx";

/** The workbench table's columns; `now` drives the deadline countdowns. */
export function workOrderColumns(now: number): TableColumnsType<WorkOrder> {
  return [
    {
      title: "工单号",
      dataIndex: "number",
      width: 130,
      fixed: "left",
      render: (_v, wo) => <Link to={`/work-orders/${wo.id}`}>{wo.number}</Link>,
    },
    {
      title: "标题",
      dataIndex: "title",
      width: 240,
      ellipsis: { showTitle: false },
      render: (_v, wo) => (
        <Tooltip title={wo.content} placement="topLeft">
          <Link to={`/work-orders/${wo.id}`}>{wo.title}</Link>
        </Tooltip>
      ),
    },
    {
      title: "分类",
      key: "category",
      width: 150,
      render: (_v, wo) => (
        <>
          {WO_CATEGORY_LABELS[wo.category]}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {" "}
            · {WO_KIND_LABELS[wo.kind]}
          </Typography.Text>
        </>
      ),
    },
    {
      title: "紧急",
      dataIndex: "urgency",
      width: 70,
      render: (_v, wo) => (wo.urgency === "urgent" ? <Tag color="red">紧急</Tag> : "一般"),
    },
    { title: "镇街", dataIndex: "townName", width: 100, render: (v: string | null) => v ?? "—" },
    {
      title: "承办单位",
      dataIndex: "unitName",
      width: 200,
      ellipsis: true,
      render: (v: string | null) => v ?? <Typography.Text type="secondary">未派单</Typography.Text>,
    },
    { title: "状态", dataIndex: "status", width: 110, render: (_v, wo) => <StatusTag status={wo.status} /> },
    { title: "期限", key: "due", width: 140, render: (_v, wo) => <DueTag workOrder={wo} now={now} /> },
    {
      title: "督办",
      dataIndex: "supervisionLevel",
      width: 70,
      render: (_v, wo) => <SupervisionTag level={wo.supervisionLevel} />,
    },
    {
      title: "重复",
      key: "duplicate",
      width: 90,
      render: (_v, wo) =>
        wo.duplicateOf !== null && wo.status !== "merged" ? <Tag color="warning">疑似重复</Tag> : null,
    },
    { title: "受理时间", dataIndex: "receivedAt", width: 170, render: (v: string) => formatDateTime(v) },
  ];
}
