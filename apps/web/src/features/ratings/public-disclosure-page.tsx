import { useQuery } from "@tanstack/react-query";
import { Card, Table, Typography } from "antd";
import { useSearchParams } from "react-router-dom";
import { BrandLogo } from "../../layout/brand-logo.tsx";
import { ratingKeys, ratingsApi } from "./ratings-api.ts";

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(2)}%`);

/** 好差评结果公开: each unit's good rate and how its bad ratings were rectified; nothing personal. */
export function PublicDisclosurePage() {
  const [search] = useSearchParams();
  const tenant = search.get("tenant") ?? "440114";
  const data = useQuery({
    queryKey: ratingKeys.disclosure(tenant),
    queryFn: ({ signal }) => ratingsApi.disclosure(tenant, signal),
  });
  return (
    <div style={{ minHeight: "100vh", background: "#f3f6fb", padding: "48px 16px" }}>
      <div style={{ maxWidth: 960, margin: "0 auto" }}>
        <div style={{ display: "flex", alignItems: "center", gap: 12, marginBottom: 24 }}>
          <BrandLogo size={40} />
          <Typography.Title level={3} style={{ margin: 0 }}>
            政务服务“好差评”结果公开
          </Typography.Title>
        </div>
        <Card>
          <Table
            rowKey="unitName"
            loading={data.isFetching}
            dataSource={data.data?.units ?? []}
            pagination={false}
            columns={[
              { title: "单位", dataIndex: "unitName" },
              { title: "评价数", dataIndex: "ratings" },
              { title: "好评率", dataIndex: "goodRate", render: pct },
              { title: "差评", dataIndex: "bad" },
              { title: "已整改", dataIndex: "rectified" },
              { title: "整改中", dataIndex: "rectifying" },
            ]}
          />
        </Card>
      </div>
    </div>
  );
}
