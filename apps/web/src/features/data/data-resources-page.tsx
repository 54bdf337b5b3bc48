import { Alert, Card, Typography } from "antd";
import { Link } from "react-router-dom";
import { PageContainer } from "../../layout/page-container.tsx";
import { RecordList, RecordListItem } from "../../shared/record-list.tsx";

const TODAY = [
  {
    to: "/catalog",
    title: "事项目录（只读）",
    text: "查看每个事项的申请材料、材料来源与免提交依据，梳理事项所需的数据资源。",
  },
  { to: "/catalog/metrics", title: "事项统计", text: "按部门、层级查看事项数量、可网办与免提交材料情况。" },
  { to: "/org", title: "组织机构", text: "查看各部门、镇街与村居，核对数据资源的责任单位。" },
];

/** 数据资源: the data module is its own issue; until it ships this page says so and lists what works now. */
export function DataResourcesPage() {
  return (
    <PageContainer title="数据资源" description="数据资源目录、共享申请与数据质量管理。">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="数据资源模块正在建设中"
        description="数据资源目录编目、共享申请审批和数据质量检查将在后续版本上线。上线前，数据专员可使用下列功能。"
      />
      <Card title="现在可以使用">
        <RecordList
          items={TODAY}
          itemKey={(item) => item.to}
          render={(item) => (
            <RecordListItem
              title={<Link to={item.to}>{item.title}</Link>}
              description={<Typography.Text type="secondary">{item.text}</Typography.Text>}
            />
          )}
        />
      </Card>
    </PageContainer>
  );
}
