import { PhoneOutlined, ReloadOutlined, UploadOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Button, Card } from "antd";
import { useState } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import type { WorkOrder } from "../../../../../packages/contracts/src/work-orders.ts";
import { PageContainer } from "../../layout/page-container.tsx";
import { PagedTable, usePagedList } from "../../shared/paged-list.tsx";
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

  const [params] = useSearchParams();
  const queue = readQueue(params, defaultQueue(roles));
  const filters = readFilters(params);
  const filter = serverFilter(queue, filters);
  const list = usePagedList({ filters: filter, queryKey: workOrderKeys.list, load: workOrdersApi.list });
  const listKey = JSON.stringify([filter, list.page, list.pageSize]);

  const org = useOrgUnits();
  const now = useNow(30_000);
  const queryClient = useQueryClient();
  // A selection belongs to the rows it was made on; another page or filter starts empty.
  const [selection, setSelection] = useState<{ key: string; rows: WorkOrder[] }>({ key: "", rows: [] });
  const selected = selection.key === listKey ? selection.rows : [];
  const setSelected = (rows: WorkOrder[]) => setSelection({ key: listKey, rows });
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: workOrderKeys.all });
    setSelected([]);
  };
  // The tab is always written, so "全部" with no filters is not mistaken for the default queue.
  const go = (q: QueueKey, f: WoFilters) => list.setFilters({ queue: q, ...f });

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
          activeTotal={list.query.isFetching ? undefined : list.query.data?.total}
          onChange={(q) => go(q, filters)}
        />
        <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", margin: "12px 0" }}>
          <BulkActions selected={selected} canDispatch={isDispatcher} canAccept={isHandler} onDone={refresh} />
          <Button icon={<ReloadOutlined />} onClick={refresh} aria-label="刷新" />
        </div>
        <PagedTable<WorkOrder>
          list={list}
          rowKey="id"
          size="middle"
          columns={workOrderColumns(now)}
          scroll={{ x: 1500 }}
          rowSelection={{
            selectedRowKeys: selected.map((w) => w.id),
            onChange: (_keys, rows) => setSelected(rows),
          }}
          onRow={(wo) => ({ onDoubleClick: () => void navigate(`/work-orders/${wo.id}`) })}
        />
      </Card>
      <WorkOrderCreateModal open={creating} onClose={() => setCreating(false)} onCreated={() => setCreating(false)} />
      <WorkOrderImportModal
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => setImporting(false)}
      />
    </PageContainer>
  );
}
