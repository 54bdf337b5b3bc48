import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Table, Tag } from "antd";
import { Link } from "react-router-dom";
import type { ExemptSource } from "../../../../../packages/contracts/src/data-sharing-exempt.ts";
import { dataApi, dataKeys } from "./data-api.ts";

/**
 * 免提交数据来源核对: every source the service catalog's exempt materials name, with its resource —
 * or flagged when no resource has that name. Only the district's data officers get an answer; for
 * anyone else the card stays away.
 */
export function ExemptSourcesCard() {
  const q = useQuery({
    queryKey: dataKeys.exemptSources(),
    queryFn: ({ signal }) => dataApi.exemptSources(signal),
    retry: false,
  });
  const d = q.data;
  if (!d) {
    return null;
  }
  return (
    <Card size="small" title={`免提交数据来源核对（${d.total} 个来源）`}>
      {d.flagged === 0 ? (
        <Alert type="success" showIcon title="事项目录中免提交材料的数据来源均有对应的信息资源" />
      ) : (
        <Alert
          type="warning"
          showIcon
          title={`${d.flagged} 个数据来源没有对应的信息资源：相关材料无法按“免提交”核验调取，请编目资源或更正材料的数据来源`}
        />
      )}
      <Table<ExemptSource>
        rowKey="source"
        size="small"
        style={{ marginTop: 12 }}
        dataSource={d.items}
        pagination={d.items.length > 10 ? { pageSize: 10 } : false}
        columns={[
          { title: "共享数据来源", dataIndex: "source" },
          {
            title: "信息资源",
            render: (_: unknown, s) =>
              s.resourceCode ? (
                <Link to={`/data/resources/${s.resourceCode}`}>{s.resourceCode}</Link>
              ) : (
                <Tag color="red">无对应资源</Tag>
              ),
          },
          { title: "事项数", dataIndex: "items", align: "right", width: 90 },
          { title: "材料数", dataIndex: "materials", align: "right", width: 90 },
        ]}
      />
    </Card>
  );
}
