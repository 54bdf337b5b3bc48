import { Card, Col, Empty, Row, Statistic, Typography } from "antd";
import { Link } from "react-router-dom";
import type { WorkbenchTask } from "../../../../../packages/contracts/src/workbench.ts";

const TONE_COLOR: Record<WorkbenchTask["tone"], string | undefined> = {
  normal: undefined,
  warning: "#d48806",
  danger: "#cf1322",
};

/** The person's to-dos by line of work; every count is a link to the list it counts. */
export function WorkbenchTasks({ tasks }: { tasks: readonly WorkbenchTask[] }) {
  if (tasks.length === 0) {
    return <Empty description="当前没有需要您处理的事项" />;
  }
  const groups = [...new Set(tasks.map((t) => t.group))];
  return (
    <Row gutter={[16, 16]}>
      {groups.map((group) => (
        <Col span={24} key={group}>
          <Typography.Text strong>{group}</Typography.Text>
          <Row gutter={[12, 12]} style={{ marginTop: 8 }}>
            {tasks
              .filter((t) => t.group === group)
              .map((t) => (
                <Col xs={12} md={8} xl={6} key={t.key}>
                  <Link to={t.href} data-testid={`task-${t.key}`} aria-label={`${t.label} ${t.count}`}>
                    <Card size="small" hoverable>
                      <Statistic
                        title={t.label}
                        value={t.count}
                        suffix={t.key === "budget.evaluation" ? "版" : "件"}
                        styles={{ content: { color: TONE_COLOR[t.tone] } }}
                      />
                      {t.hint && <Typography.Text type="secondary">{t.hint}</Typography.Text>}
                    </Card>
                  </Link>
                </Col>
              ))}
          </Row>
        </Col>
      ))}
    </Row>
  );
}
