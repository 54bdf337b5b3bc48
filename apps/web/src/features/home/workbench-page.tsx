import { CheckCircleOutlined, CloseCircleOutlined, UserOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, Avatar, Card, Col, Empty, Row, Space, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { z } from "zod";
import { ROLE_LABELS } from "../../../../../packages/contracts/src/common.ts";
import { WorkbenchSchema } from "../../../../../packages/contracts/src/workbench.ts";
import { api } from "../../api/client.ts";
import { visibleNavItems } from "../../layout/nav-items.tsx";
import { PageContainer } from "../../layout/page-container.tsx";
import { bureauTime } from "../../shared/format.ts";
import { RecordList } from "../../shared/record-list.tsx";
import { useMe } from "../auth/session.tsx";
import { WorkbenchTasks } from "./workbench-tasks.tsx";

const HealthSchema = z.object({ status: z.string() });

export function WorkbenchPage() {
  const me = useMe();
  const health = useQuery({
    queryKey: ["healthz"],
    queryFn: ({ signal }) => api.get("/healthz", HealthSchema, undefined, signal),
  });
  const shortcuts = visibleNavItems(me.menu).filter((item) => item.path !== "/");
  const healthy = health.data?.status === "ok";
  // What this person must do now, by their grants; the server counts exactly what each link lists.
  const workbench = useQuery({
    queryKey: ["workbench"],
    queryFn: ({ signal }) => api.get("/api/workbench", WorkbenchSchema, undefined, signal),
    refetchInterval: 60_000,
  });

  return (
    <PageContainer title="工作台">
      {workbench.data?.notices.map((n) => (
        <Alert
          key={n.key}
          type={n.level}
          showIcon
          style={{ marginBottom: 16 }}
          title={n.text}
          action={n.href ? <Link to={n.href}>查看</Link> : undefined}
        />
      ))}
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Card data-testid="welcome-card">
            <Space size={16} align="center">
              <Avatar size={56} icon={<UserOutlined />} style={{ background: "#1560d4" }} />
              <div>
                <Typography.Title level={4} style={{ margin: 0 }}>
                  您好，{me.user.displayName}，欢迎使用政务服务数据管理平台
                </Typography.Title>
                <Typography.Text type="secondary">
                  {me.tenant.name} · 今天是 {bureauTime().format("YYYY年M月D日 dddd")}
                </Typography.Text>
              </div>
            </Space>
          </Card>
        </Col>
        <Col span={24}>
          <Card title="我的待办" loading={workbench.isPending} data-testid="todo-card">
            {workbench.isError ? (
              <Alert type="error" showIcon title="待办数量暂时无法读取，请稍后刷新" />
            ) : (
              <WorkbenchTasks tasks={workbench.data?.tasks ?? []} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title="我的角色" style={{ height: "100%" }}>
            {me.grants.length === 0 ? (
              <Empty description="暂未分配角色，请联系系统管理员" />
            ) : (
              <RecordList
                items={me.grants}
                itemKey={(grant) => grant.id}
                render={(grant) => (
                  <Space wrap>
                    <Tag color="blue">{ROLE_LABELS[grant.role]}</Tag>
                    <Typography.Text type="secondary">所在机构</Typography.Text>
                    <Typography.Text>{grant.orgUnitName}</Typography.Text>
                  </Space>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size={16} style={{ width: "100%" }}>
            <Card title="常用功能">
              {shortcuts.length === 0 ? (
                <Typography.Text type="secondary">暂无可用功能</Typography.Text>
              ) : (
                <Row gutter={[12, 12]}>
                  {shortcuts.map((item) => (
                    <Col span={12} key={item.path}>
                      <Link to={item.path}>
                        <Card size="small" hoverable>
                          <Space>
                            {item.icon}
                            {item.label}
                          </Space>
                        </Card>
                      </Link>
                    </Col>
                  ))}
                </Row>
              )}
            </Card>
            <Card title="系统状态" size="small" loading={health.isFetching}>
              {healthy ? (
                <Space>
                  <CheckCircleOutlined style={{ color: "#52c41a" }} />
                  服务运行正常
                </Space>
              ) : (
                <Space>
                  <CloseCircleOutlined style={{ color: "#ff4d4f" }} />
                  服务状态异常，请联系运维人员
                </Space>
              )}
            </Card>
          </Space>
        </Col>
      </Row>
    </PageContainer>
  );
}
