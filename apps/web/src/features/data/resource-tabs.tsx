import { useQuery } from "@tanstack/react-query";
import { Alert, Descriptions, List, Progress, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { Link } from "react-router-dom";
import { FIELD_TYPE_LABELS, type ResourceField } from "../../../../../packages/contracts/src/data-sharing.ts";
import type { Batch } from "../../../../../packages/contracts/src/data-sharing-batches.ts";
import type { ExemptItem } from "../../../../../packages/contracts/src/data-sharing-exempt.ts";
import type { DataRequest } from "../../../../../packages/contracts/src/data-sharing-requests.ts";
import { BUREAU_TZ, formatDate, formatDateTime } from "../../shared/format.ts";
import { BatchUpload } from "./batch-upload.tsx";
import { dataApi, dataKeys } from "./data-api.ts";
import { GRANT_STATUS_COLORS, GRANT_STATUS_LABELS } from "./data-labels.ts";

/** The 信息项 table: type, length, required, code list, key, 个人信息 and 查询条件. */
export function FieldsTable({ fields }: { fields: ResourceField[] }) {
  return (
    <Table<ResourceField>
      rowKey="name"
      size="small"
      pagination={false}
      dataSource={fields}
      columns={[
        {
          title: "信息项",
          dataIndex: "name",
          render: (n: string, f) => (
            <>
              {n}
              {f.key && <Tag style={{ marginLeft: 8 }}>关键项</Tag>}
              {f.personal && (
                <Tag color="volcano" style={{ marginLeft: 8 }}>
                  个人信息
                </Tag>
              )}
              {f.query && (
                <Tag color="blue" style={{ marginLeft: 8 }}>
                  查询条件
                </Tag>
              )}
            </>
          ),
        },
        {
          title: "数据类型",
          dataIndex: "type",
          width: 110,
          render: (t: ResourceField["type"]) => `${FIELD_TYPE_LABELS[t]}（${t}）`,
        },
        { title: "长度", dataIndex: "length", width: 70 },
        { title: "必填", dataIndex: "required", width: 70, render: (r: boolean) => (r ? "是" : "否") },
        { title: "代码集", dataIndex: "codeList", render: (c: string[] | null) => (c ? c.join("、") : "—") },
      ]}
    />
  );
}

const PROPERTY_LABELS: Record<string, string> = {
  name: "资源名称",
  providerUnitId: "提供方",
  summary: "摘要",
  classification: "资源分类",
  subclass: "资源子类",
  format: "资源格式",
  shareType: "共享类型",
  shareCondition: "共享条件",
  shareMethod: "共享方式",
  openType: "开放类型",
  updateCycle: "更新周期",
  publishedOn: "发布日期",
  fields: "信息项",
};

const shown = (v: unknown): string => (v === null || v === undefined || v === "" ? "（空）" : String(v));

/** 修改记录: who changed what, when (信息项 compared as one list). */
export function VersionsTab({ code }: { code: string }) {
  const q = useQuery({ queryKey: dataKeys.versions(code), queryFn: ({ signal }) => dataApi.versions(code, signal) });
  return (
    <List
      loading={q.isFetching}
      dataSource={q.data?.items ?? []}
      locale={{ emptyText: "暂无修改记录" }}
      renderItem={(v) => (
        <List.Item>
          <List.Item.Meta
            title={`第 ${v.version} 版 · ${v.actorName} · ${formatDateTime(v.at)}`}
            description={
              Object.keys(v.diff).length === 0
                ? "登记"
                : Object.entries(v.diff).map(([k, d]) => (
                    <div key={k}>
                      {PROPERTY_LABELS[k] ?? k}：
                      {k === "fields"
                        ? `${Array.isArray(d.before) ? d.before.length : 0} 项 → ${Array.isArray(d.after) ? d.after.length : 0} 项（已修改）`
                        : `${shown(d.before)} → ${shown(d.after)}`}
                    </div>
                  ))
            }
          />
        </List.Item>
      )}
    />
  );
}

const MODE_LABELS: Record<Batch["mode"], string> = {
  reject: "整批校验",
  quarantine: "隔离问题行",
  registered: "仅登记",
};

/** 数据批次: counts, checksum and the quarantined rows with their errors. */
export function BatchesTab({ code, canUpload = false }: { code: string; canUpload?: boolean }) {
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const q = useQuery({
    queryKey: dataKeys.batches(code, page),
    queryFn: ({ signal }) => dataApi.batches(code, page, signal),
  });
  return (
    <>
      {canUpload && (
        <div style={{ marginBottom: 12 }}>
          <BatchUpload code={code} />
        </div>
      )}
      <Typography.Paragraph type="secondary">
        汇聚数据量 {(q.data?.aggregatedRows ?? 0).toLocaleString("zh-CN")}{" "}
        行：所有批次（含仅登记行数与校验值、数据留存在提供方系统的批次）的入库行数之和。
      </Typography.Paragraph>
      <Table<Batch>
        rowKey="id"
        size="small"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: q.data?.total ?? 0,
          showTotal: (t) => `共 ${t} 批`,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        expandable={{
          rowExpandable: (b) => b.quarantine.length > 0,
          expandedRowRender: (b) => (
            <List
              size="small"
              header={
                b.quarantine.length < b.quarantined
                  ? `隔离行（共 ${b.quarantined} 行，列出前 ${b.quarantine.length} 行）`
                  : "隔离行"
              }
              dataSource={b.quarantine}
              renderItem={(row) => (
                <List.Item>
                  第 {row.row} 行：{row.errors.map((e) => `${e.column} ${e.message}`).join("；")}
                </List.Item>
              )}
            />
          ),
        }}
        columns={[
          { title: "批次号", dataIndex: "batchId" },
          { title: "方式", dataIndex: "mode", render: (m: Batch["mode"]) => MODE_LABELS[m] },
          { title: "接收", dataIndex: "received", align: "right" },
          { title: "入库", dataIndex: "accepted", align: "right" },
          {
            title: "隔离",
            dataIndex: "quarantined",
            align: "right",
            render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : 0),
          },
          {
            title: "校验值（SHA-256）",
            dataIndex: "checksum",
            render: (c: string) => (
              <Typography.Text code copyable={{ text: c }} title={c}>
                {c.slice(0, 12)}…
              </Typography.Text>
            ),
          },
          { title: "提交人", dataIndex: "createdBy" },
          { title: "接收时间", dataIndex: "receivedAt", render: (t: string) => formatDateTime(t) },
        ]}
      />
    </>
  );
}

/** 数据质量: completeness per field, duplicate keys, quarantined rows, late against the update cycle. */
export function QualityTab({ code }: { code: string }) {
  const q = useQuery({ queryKey: dataKeys.quality(code), queryFn: ({ signal }) => dataApi.quality(code, signal) });
  const d = q.data;
  if (!d) {
    return null;
  }
  return (
    <>
      {d.late && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            d.lastBatchAt
              ? `未按更新周期更新：最近一批于 ${formatDateTime(d.lastBatchAt)}`
              : "未按更新周期更新：尚无批次"
          }
        />
      )}
      <Descriptions size="small" column={4} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="存储行数">{d.storedRows.toLocaleString("zh-CN")}</Descriptions.Item>
        <Descriptions.Item label="批次">{d.batches}</Descriptions.Item>
        <Descriptions.Item label="重复关键项">{d.duplicateKeys}</Descriptions.Item>
        <Descriptions.Item label="隔离行">{d.quarantinedRows}</Descriptions.Item>
      </Descriptions>
      <Table
        rowKey="field"
        size="small"
        pagination={false}
        dataSource={d.completeness}
        columns={[
          { title: "信息项", dataIndex: "field" },
          { title: "有值行数", dataIndex: "filled", align: "right" },
          {
            title: "完整率",
            dataIndex: "ratio",
            render: (r: number | null) =>
              r === null ? "无存储数据" : <Progress percent={Math.round(r * 1000) / 10} size="small" />,
          },
        ]}
      />
    </>
  );
}

/** The grants on a resource this unit provides (the provider's side of its requests). */
export function GrantsTab({ code }: { code: string }) {
  const query = { box: "to_approve", status: "granted", resourceCode: code, page: 1, pageSize: 100 };
  const q = useQuery({ queryKey: dataKeys.requests(query), queryFn: ({ signal }) => dataApi.requests(query, signal) });
  return (
    <Table<DataRequest>
      rowKey="id"
      size="small"
      loading={q.isFetching}
      dataSource={q.data?.items ?? []}
      pagination={false}
      locale={{ emptyText: "暂无授权（仅提供方可见本资源的授权）" }}
      columns={[
        { title: "使用方", dataIndex: "consumerName" },
        { title: "授权信息项", render: (_: unknown, r) => r.grant?.fields.join("、") },
        {
          title: "有效期",
          render: (_: unknown, r) =>
            r.grant ? `${formatDate(r.grant.validFrom)} 至 ${formatDate(r.grant.validTo)}` : "",
        },
        { title: "个人信息明文", render: (_: unknown, r) => (r.grant?.personal ? "允许" : "脱敏") },
        {
          title: "状态",
          render: (_: unknown, r) =>
            r.grant && <Tag color={GRANT_STATUS_COLORS[r.grant.status]}>{GRANT_STATUS_LABELS[r.grant.status]}</Tag>,
        },
      ]}
    />
  );
}

/** 使用情况: rows shared per month from the exchange log; each month opens its log entries. */
export function UsageTab({ code }: { code: string }) {
  const query = { by: "month", resourceCode: code };
  const q = useQuery({ queryKey: dataKeys.counters(query), queryFn: ({ signal }) => dataApi.counters(query, signal) });
  const items = q.data?.items ?? [];
  const max = Math.max(1, ...items.map((i) => i.rows));
  return (
    <Table
      rowKey="key"
      size="small"
      loading={q.isFetching}
      dataSource={items}
      pagination={false}
      locale={{ emptyText: "暂无共享调用" }}
      columns={[
        {
          title: "月份",
          dataIndex: "label",
          render: (label: string, c: { key: string }) => {
            const start = dayjs.tz(`${c.key}-01`, BUREAU_TZ);
            const params = new URLSearchParams({
              resourceCode: code,
              from: start.format("YYYY-MM-DDTHH:mm:ssZ"),
              to: start.add(1, "month").format("YYYY-MM-DDTHH:mm:ssZ"),
            });
            return <Link to={`/data/exchange-log?${params}`}>{label}</Link>;
          },
        },
        {
          title: "共享行数",
          dataIndex: "rows",
          render: (n: number) => (
            <Progress percent={(n / max) * 100} showInfo={false} size="small" style={{ width: 160, marginRight: 8 }} />
          ),
        },
        { title: "行数", dataIndex: "rows", align: "right", render: (n: number) => n.toLocaleString("zh-CN") },
        { title: "调用次数", dataIndex: "calls", align: "right" },
      ]}
    />
  );
}

/** 免提交材料: the catalog items whose materials are fetched from this resource instead of submitted. */
export function ExemptMaterialsTab({ code }: { code: string }) {
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const q = useQuery({
    queryKey: dataKeys.exemptMaterials(code, page),
    queryFn: ({ signal }) => dataApi.exemptMaterials(code, page, signal),
  });
  return (
    <>
      <Typography.Paragraph type="secondary">
        {q.data?.total ?? 0} 个事项的 {q.data?.materials ?? 0}{" "}
        份材料以本资源为共享数据来源、办事时免提交（材料的“共享数据来源”须与资源名称“{q.data?.source ?? ""}”一致）。
      </Typography.Paragraph>
      <Table<ExemptItem>
        rowKey="itemCode"
        size="small"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: "暂无事项材料以本资源为共享数据来源" }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: q.data?.total ?? 0,
          showTotal: (t) => `共 ${t} 个事项`,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: "事项编码", dataIndex: "itemCode", width: 200 },
          { title: "事项名称", dataIndex: "itemName" },
          { title: "主管部门", dataIndex: "departmentName" },
          { title: "免提交材料", dataIndex: "materialNames", render: (n: string[]) => n.join("、") },
        ]}
      />
    </>
  );
}
