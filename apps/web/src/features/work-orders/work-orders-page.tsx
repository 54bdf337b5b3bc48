import { PhoneOutlined, ReloadOutlined, UploadOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Card, Table } from "antd";
import { useState } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import type { WorkOrder } from "../../../../../packages/contracts/src/work-orders.ts";
import { PageContainer } from "../../layout/page-container.tsx";
import { compactParams, positiveInt } from "../../shared/url-params.ts";
import { useMe } from "../auth/session.tsx";
import { ExportTaskButton } from "../export-tasks/export-task-button.tsx";
import { BulkActions } from "./bulk-actions.tsx";
import { DrillDownAlert } from "./drill-down-alert.tsx";
import { QueueTabs } from "./queue-tabs.tsx";
import { useNow } from "./use-now.ts";
import { useOrgUnits } from "./use-org-units.ts";
import { workOrderColumns } from "./work-order-columns.tsx";
import { WorkOrderCreateModal } from "./work-order-create-modal.tsx";
import { WorkOrderFilterForm } from "./work-order-filter-form.tsx";
import {
  defaultQueue,
  type QueueKey,
  queuesFor,
  readFilters,
  readQueue,
  serverFilter,
  type WoFilters,
} from "./work-order-filters.ts";
import { WorkOrderImportModal } from "./work-order-import-modal.tsx";
import { workOrderKeys, workOrdersApi } from "./work-orders-api.ts";

/** 工单办理: the dispatcher's workbench, and a handling unit's inbox. Tab and filters live in the URL. */
export function WorkOrdersPage() {
  const me = useMe();
  const navigate = useNavigate();
  const roles = me.grants.map((g) => g.role);
  const isDispatcher = roles.includes("dispatcher");
  const isHandler = roles.includes("handler");
  const queues = queuesFor(roles);

  const [params, setParams] = useSearchParams();
  const queue = readQueue(params, defaultQueue(roles));
  const filters = readFilters(params);
  const page = positiveInt(params.get("page"), 1);
  const pageSize = positiveInt(params.get("pageSize"), 20);
  const filter = serverFilter(queue, filters);
  const listQuery = { ...filter, page, pageSize };
  const listKey = JSON.stringify(listQuery);

  const org = useOrgUnits();
  const now = useNow(30_000);
  const queryClient = useQueryClient();
  // A selection belongs to the rows it was made on; another page or filter starts empty.
  const [selection, setSelection] = useState<{ key: string; rows: WorkOrder[] }>({ key: "", rows: [] });
  const selected = selection.key === listKey ? selection.rows : [];
  const setSelected = (rows: WorkOrder[]) => setSelection({ key: listKey, rows });
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const { data, isFetching: loading } = useQuery({
    queryKey: workOrderKeys.list(listQuery),
    queryFn: ({ signal }) => workOrdersApi.list(listQuery, signal),
    placeholderData: keepPreviousData,
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: workOrderKeys.all });
    setSelected([]);
  };
  // The tab is always written, so "全部" with no filters is not mistaken for the default queue.
  const go = (q: QueueKey, f: WoFilters, p = 1, size = pageSize) =>
    setParams(compactParams({ queue: q, ...f, page: p > 1 ? p : undefined, pageSize: size }));

  return (
    <PageContainer
      title="工单办理"
      description="12345热线、差评整改、网格事件等工单的派单、签收、办理、审核与回访；期限按工作日计算。"
      extra={
        <>
          {isDispatcher && (
            <>
              <Button type="primary" icon={<PhoneOutlined />} onClick={() => setCreating(true)}>
                登记来电
              </Button>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                导入
              </Button>
            </>
          )}
          <ExportTaskButton kind="work_orders" filter={filter} />
        </>
      }
    >
      {/* Remounted when the URL's filters change (e.g. back button) so the form shows them. */}
      <WorkOrderFilterForm
        key={JSON.stringify(filters)}
        value={filters}
        towns={org.towns}
        onSearch={(f) =>
          go(queue, {
            metric: filters.metric,
            unitId: filters.unitId,
            campaign: filters.campaign,
            status: filters.status,
            ...f,
          })
        }
      />
      <DrillDownAlert
        filters={filters}
        unitName={org.nameOf}
        onRemove={(keys) =>
          go(queue, Object.fromEntries(Object.entries(filters).filter(([k]) => !keys.some((x) => x === k))))
        }
      />
      <Card styles={{ body: { paddingTop: 0 } }}>
        <QueueTabs
          queues={queues}
          active={queue}
          filters={filters}
          activeTotal={loading ? undefined : data?.total}
          onChange={(q) => go(q, filters)}
        />
        <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", margin: "12px 0" }}>
          <BulkActions selected={selected} canDispatch={isDispatcher} canAccept={isHandler} onDone={refresh} />
          <Button icon={<ReloadOutlined />} onClick={refresh} aria-label="刷新" />
        </div>
        <Table<WorkOrder>
          rowKey="id"
          size="middle"
          columns={workOrderColumns(now)}
          dataSource={data?.items ?? []}
          loading={loading}
          scroll={{ x: 1500 }}
          rowSelection={{
            selectedRowKeys: selected.map((w) => w.id),
            onChange: (_keys, rows) => setSelected(rows),
          }}
          onRow={(wo) => ({ onDoubleClick: () => void navigate(`/work-orders/${wo.id}`) })}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => `共 ${total} 条`,
          }}
          onChange={(p) => go(queue, filters, p.current ?? 1, p.pageSize ?? pageSize)}
        />
      </Card>
      <WorkOrderCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          refresh();
        }}
      />
      <WorkOrderImportModal
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => {
          setImporting(false);
          refresh();
        }}
      />
    </PageContainer>
  );
}
