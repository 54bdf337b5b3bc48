import { ArrowLeftOutlined, ReloadOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Col, Result, Row, Space, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { WO_ACTION_LABELS, type WoAction } from "../../../../../packages/contracts/src/work-orders.ts";
import { isApiError } from "../../api/client.ts";
import { PageContainer } from "../../layout/page-container.tsx";
import { PageLoading } from "../../shared/results.tsx";
import { useMe } from "../auth/session.tsx";
import { DuplicatesPanel } from "./duplicates-panel.tsx";
import { SlaCountdown } from "./sla-countdown.tsx";
import { SuperviseButton } from "./supervise-button.tsx";
import { TransitionModal } from "./transition-modal.tsx";
import { WorkOrderDescriptions } from "./work-order-descriptions.tsx";
import { StatusTag } from "./work-order-tags.tsx";
import { WorkOrderTimeline } from "./work-order-timeline.tsx";
import { workOrderKeys, workOrdersApi } from "./work-orders-api.ts";

// The step that moves the ticket forward is the primary button; refusals are shown as danger.
const FORWARD: ReadonlySet<WoAction> = new Set([
  "dispatch",
  "accept",
  "start",
  "reply",
  "approve_reply",
  "follow_up",
  "approve_return",
  "approve_extension",
]);
const REFUSALS: ReadonlySet<WoAction> = new Set(["reject_reply", "reject_return", "reject_extension"]);

/** One ticket: its fields, deadlines, timeline, the actions this user may take now, and duplicates. */
export function WorkOrderDetailPage() {
  const { id = "" } = useParams();
  const me = useMe();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<WoAction | null>(null);
  const {
    data,
    isFetching: loading,
    error,
    refetch,
  } = useQuery({
    queryKey: workOrderKeys.detail(id),
    queryFn: ({ signal }) => workOrdersApi.detail(id, signal),
    // A missing ticket is shown as a result page, not a toast.
    meta: { silent: true },
  });
  const reload = () => void refetch();
  const roles = me.grants.map((g) => g.role);
  const canRevealContacts = roles.includes("dispatcher") || roles.includes("handler");
  // Any change (action, supervision, merge) reloads the ticket with its new events and actions,
  // and the lists and counts it appears in.
  const changed = () => {
    setAction(null);
    void queryClient.invalidateQueries({ queryKey: workOrderKeys.all });
  };

  if (!data) {
    if (loading) {
      return <PageLoading />;
    }
    const missing = isApiError(error) && (error.status === 404 || error.status === 400);
    return (
      <Result
        status={missing ? "404" : "error"}
        title={missing ? "工单不存在或无权查看" : "工单加载失败"}
        extra={
          <Space>
            <Link to="/work-orders">
              <Button type="primary">返回工单列表</Button>
            </Link>
            {!missing && <Button onClick={reload}>重试</Button>}
          </Space>
        }
      />
    );
  }

  const wo = data;
  const firstForward = wo.actions.find((a) => FORWARD.has(a));
  return (
    <PageContainer
      crumbs={[{ title: `工单 ${wo.number}` }]}
      title={
        <Space size={12} wrap>
          <span>工单 {wo.number}</span>
          <span role="status" aria-label="工单状态">
            <StatusTag status={wo.status} />
          </span>
          <Typography.Text style={{ fontWeight: 400, fontSize: 16 }}>{wo.title}</Typography.Text>
        </Space>
      }
      extra={
        <>
          {wo.actions.map((a) => (
            <Button
              key={a}
              type={a === firstForward ? "primary" : "default"}
              danger={REFUSALS.has(a)}
              onClick={() => setAction(a)}
            >
              {WO_ACTION_LABELS[a]}
            </Button>
          ))}
          {wo.canSupervise && <SuperviseButton workOrder={wo} onDone={changed} />}
          <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={reload} />
          <Link to="/work-orders">
            <Button icon={<ArrowLeftOutlined />}>返回列表</Button>
          </Link>
        </>
      }
    >
      {wo.masterId && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <span>
              本工单已作为重复件合并，进度请查看<Link to={`/work-orders/${wo.masterId}`}>主工单</Link>。
            </span>
          }
        />
      )}
      {!wo.masterId && wo.duplicateOf && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <span>
              受理时系统判断本工单与<Link to={`/work-orders/${wo.duplicateOf}`}>另一工单</Link>
              疑似重复，请核实后决定是否合并。
            </span>
          }
        />
      )}
      <SlaCountdown workOrder={wo} />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <WorkOrderDescriptions workOrder={wo} canRevealContacts={canRevealContacts} />
          <DuplicatesPanel workOrder={wo} onMerged={changed} />
        </Col>
        <Col xs={24} xl={9}>
          <WorkOrderTimeline events={wo.events} />
        </Col>
      </Row>
      <TransitionModal
        key={`${wo.id}:${action ?? ""}`}
        workOrder={wo}
        action={action}
        onClose={() => setAction(null)}
        onDone={changed}
        onStale={changed}
      />
    </PageContainer>
  );
}
