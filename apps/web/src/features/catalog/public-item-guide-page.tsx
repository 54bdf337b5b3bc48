import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Descriptions, Space, Table, Tag, Typography } from "antd";
import { Link, useParams } from "react-router-dom";
import {
  CROSS_REGION_LABELS,
  ITEM_TYPE_LABELS,
  MATERIAL_KIND_LABELS,
  ONLINE_DEPTH_LABELS,
} from "../../../../../packages/contracts/src/catalog.ts";
import type { PublicItemGuide } from "../../../../../packages/contracts/src/catalog-public.ts";
import { PageLoading } from "../../shared/results.tsx";
import { publicCatalogApi, publicCatalogKeys } from "./catalog-api.ts";
import { PublicCatalogLayout, usePublicTenant } from "./public-catalog-layout.tsx";

type GuideMaterial = PublicItemGuide["materials"][number];

function howToProvide(m: GuideMaterial) {
  if (m.source === "shared_data") {
    return (
      <Space orientation="vertical" size={0}>
        <Tag color="green">免提交</Tag>
        <Typography.Text type="secondary">由部门通过数据共享获取：{m.exemptDataSource}</Typography.Text>
      </Space>
    );
  }
  const from = m.source === "government" ? "政府部门核发" : "申请人提供";
  return `${from}，${MATERIAL_KIND_LABELS[m.kind]}${m.copies > 0 ? ` ${m.copies} 份` : ""}`;
}

/** 办事指南: what to bring, which materials need not be submitted (and why), which may come later. */
export function PublicItemGuidePage() {
  const { code = "" } = useParams();
  const tenant = usePublicTenant();
  const guide = useQuery({
    queryKey: publicCatalogKeys.guide(tenant, code),
    queryFn: ({ signal }) => publicCatalogApi.guide(tenant, code, signal),
  });
  const g = guide.data;
  return (
    <PublicCatalogLayout title={g ? `办事指南：${g.name}` : "办事指南"}>
      {!g ? (
        guide.isFetching ? (
          <PageLoading />
        ) : (
          <Alert type="warning" showIcon title="事项不存在或已停止办理" />
        )
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
          <Card size="small">
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label="事项类型">{ITEM_TYPE_LABELS[g.type]}</Descriptions.Item>
              <Descriptions.Item label="实施主体">{g.implementingBody}</Descriptions.Item>
              <Descriptions.Item label="承诺办结时限">
                {g.promisedLimitDays} 个工作日（法定 {g.statutoryLimitDays} 个工作日）
              </Descriptions.Item>
              <Descriptions.Item label="到现场次数">{g.visitsRequired}</Descriptions.Item>
              <Descriptions.Item label="网上办理">{ONLINE_DEPTH_LABELS[g.onlineDepth]}</Descriptions.Item>
              <Descriptions.Item label="收费">{g.fees || "不收费"}</Descriptions.Item>
              <Descriptions.Item label="办理地点">{g.place}</Descriptions.Item>
              <Descriptions.Item label="办理结果">{g.result}</Descriptions.Item>
              <Descriptions.Item label="可预约">
                {[g.bookableTown ? "镇（街）政务服务中心" : "", g.bookableVillage ? "村（居）便民服务站" : ""]
                  .filter(Boolean)
                  .join("、") || "—"}
              </Descriptions.Item>
              <Descriptions.Item label="跨域通办">
                {g.crossRegionScopes.map((s) => CROSS_REGION_LABELS[s]).join("、") || "—"}
              </Descriptions.Item>
              <Descriptions.Item label="设定依据" span={2}>
                {g.legalBasis}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          {g.deferrable && (
            <Alert
              type="info"
              showIcon
              title="本事项可容缺受理"
              description="主要材料齐全、标明“可容缺”的次要材料暂缺时，签署承诺书即可先受理，并在承诺的期限内补齐；逾期未补齐的终止办理。有不良信用记录的申请人不适用。"
            />
          )}
          <Card size="small" title={`办理材料（${g.materials.length}）`}>
            <Table<GuideMaterial>
              rowKey="name"
              size="small"
              pagination={false}
              dataSource={g.materials}
              columns={[
                { title: "材料名称", dataIndex: "name" },
                { title: "如何提供", render: (_: unknown, m) => howToProvide(m) },
                { title: "必要", dataIndex: "required", render: (r: boolean) => (r ? "必要" : "次要") },
                {
                  title: "可容缺",
                  dataIndex: "deferrable",
                  render: (d: boolean) => (d ? <Tag color="orange">可容缺</Tag> : "—"),
                },
                { title: "样表", dataIndex: "template" },
              ]}
            />
          </Card>
          {g.bundles.length > 0 && (
            <Card size="small" title="可一并办理（一件事）">
              <Space wrap>
                {g.bundles.map((b) => (
                  <Link key={b.code} to={`/public/catalog/bundles/${encodeURIComponent(b.code)}?tenant=${tenant}`}>
                    {b.name}
                  </Link>
                ))}
              </Space>
            </Card>
          )}
        </Space>
      )}
    </PublicCatalogLayout>
  );
}
