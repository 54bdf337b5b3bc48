import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, DatePicker, Descriptions, Space, Table, Tag, Timeline, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useParams, useSearchParams } from "react-router-dom";
import {
  CROSS_REGION_LABELS,
  EXERCISE_LEVEL_LABELS,
  ITEM_LEVEL_LABELS,
  ITEM_TYPE_LABELS,
  MATERIAL_KIND_LABELS,
  MATERIAL_SOURCE_LABELS,
  type Material,
  ONLINE_DEPTH_LABELS,
} from "../../../../../packages/contracts/src/catalog.ts";
import { PageContainer } from "../../layout/page-container.tsx";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { formatDateTime } from "../../shared/format.ts";
import { PageLoading } from "../../shared/results.tsx";
import { catalogApi, catalogKeys } from "./catalog-api.ts";
import { CatalogItemFormModal } from "./catalog-item-form.tsx";

const yesNo = (b: boolean) => (b ? "是" : "否");

/** One item: its elements and materials as now or as of a date, and who changed what when. */
export function CatalogItemPage() {
  const { id = "" } = useParams();
  const [search, setSearch] = useSearchParams();
  const asOf = search.get("asOf") ?? undefined;
  const [editing, setEditing] = useState(false);
  const { modal } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const item = useQuery({
    queryKey: catalogKeys.item(id, asOf),
    queryFn: ({ signal }) => catalogApi.item(id, asOf, signal),
  });
  const versions = useQuery({
    queryKey: catalogKeys.versions(id),
    queryFn: ({ signal }) => catalogApi.versions(id, signal),
  });
  const reload = () => void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
  if (!item.data) {
    return item.isFetching ? (
      <PageLoading />
    ) : (
      <Alert type="warning" showIcon title={asOf ? `该事项在 ${asOf} 尚不存在` : "事项不存在"} />
    );
  }
  const i = item.data;
  const withdraw = () =>
    modal.confirm({
      title: `撤销事项“${i.name}”？`,
      content: "撤销后事项不再出现在目录和办事指南中，历史版本仍可查询。",
      onOk: async () => {
        try {
          await catalogApi.withdraw(i.id);
          reload();
        } catch (err) {
          handleError(err);
        }
      },
    });
  return (
    <PageContainer
      crumbs={[{ title: i.name }]}
      title={
        <Space wrap>
          {i.name}
          <Tag color="blue">第 {i.version} 版</Tag>
          {i.withdrawn && <Tag color="red">已撤销</Tag>}
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <Card size="small">
          <Space wrap>
            <span>查看某日的版本：</span>
            <DatePicker
              value={asOf ? dayjs(asOf) : null}
              onChange={(d) => setSearch(d ? { asOf: d.format("YYYY-MM-DD") } : {})}
              placeholder="当前"
            />
            {asOf && <Button onClick={() => setSearch({})}>回到当前</Button>}
            {i.canEdit && (
              <>
                <Button type="primary" onClick={() => setEditing(true)}>
                  修改
                </Button>
                <Button danger onClick={withdraw}>
                  撤销事项
                </Button>
              </>
            )}
          </Space>
        </Card>
        <Card size="small" title={asOf ? `截至 ${asOf} 的事项要素` : "事项要素"}>
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label="事项编码">{i.code}</Descriptions.Item>
            <Descriptions.Item label="层级">
              {ITEM_LEVEL_LABELS[i.level]}
              {i.parentCode ? `（上级 ${i.parentCode}）` : ""}
            </Descriptions.Item>
            <Descriptions.Item label="类型">{ITEM_TYPE_LABELS[i.type]}</Descriptions.Item>
            <Descriptions.Item label="主管部门">{i.departmentName}</Descriptions.Item>
            <Descriptions.Item label="实施主体">{i.implementingBody}</Descriptions.Item>
            <Descriptions.Item label="行使层级">{EXERCISE_LEVEL_LABELS[i.exerciseLevel]}</Descriptions.Item>
            <Descriptions.Item label="法定 / 承诺时限">
              {i.statutoryLimitDays} / {i.promisedLimitDays} 个工作日
            </Descriptions.Item>
            <Descriptions.Item label="跑动次数">{i.visitsRequired}</Descriptions.Item>
            <Descriptions.Item label="网办深度">{ONLINE_DEPTH_LABELS[i.onlineDepth]}</Descriptions.Item>
            <Descriptions.Item label="办理地点">{i.place}</Descriptions.Item>
            <Descriptions.Item label="收费">{i.fees}</Descriptions.Item>
            <Descriptions.Item label="办理结果">{i.result}</Descriptions.Item>
            <Descriptions.Item label="依申请 / 已减材料">
              {yesNo(i.onApplication)} / {yesNo(i.materialsReduced)}
            </Descriptions.Item>
            <Descriptions.Item label="可预约（镇街 / 村居）">
              {yesNo(i.bookableTown)} / {yesNo(i.bookableVillage)}
            </Descriptions.Item>
            <Descriptions.Item label="容缺受理 / 政策兑现">
              {yesNo(i.deferrable)} / {yesNo(i.policyBenefit)}（兑现 {i.policyCases} 件）
            </Descriptions.Item>
            <Descriptions.Item label="跨域通办" span={3}>
              {i.crossRegionScopes.map((s) => CROSS_REGION_LABELS[s]).join("、") || "—"}
            </Descriptions.Item>
            <Descriptions.Item label="设定依据" span={3}>
              {i.legalBasis}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card size="small" title={`办理材料（${i.materials.length}）`}>
          <Table<Material>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={i.materials}
            columns={[
              { title: "材料名称", dataIndex: "name" },
              { title: "形式", dataIndex: "kind", render: (k: Material["kind"]) => MATERIAL_KIND_LABELS[k] },
              { title: "份数", dataIndex: "copies" },
              {
                title: "来源",
                dataIndex: "source",
                render: (s: Material["source"], m) =>
                  `${MATERIAL_SOURCE_LABELS[s]}${m.exemptDataSource ? `：${m.exemptDataSource}` : ""}`,
              },
              { title: "必要", dataIndex: "required", render: yesNo },
              { title: "可容缺", dataIndex: "deferrable", render: yesNo },
              { title: "信任等级", dataIndex: "trustLevel" },
            ]}
          />
        </Card>
        <Card size="small" title="版本历史">
          <Timeline
            items={(versions.data?.items ?? []).map((v) => ({
              content: (
                <div>
                  <Typography.Text strong>
                    第 {v.version} 版 · {formatDateTime(v.validFrom)} · {v.changedBy}
                  </Typography.Text>{" "}
                  <Button
                    size="small"
                    type="link"
                    onClick={() => setSearch({ asOf: dayjs(v.validFrom).format("YYYY-MM-DD") })}
                  >
                    查看此版
                  </Button>
                  <ul style={{ margin: "4px 0" }}>
                    {v.changes.slice(0, 20).map((c) => (
                      <li key={c.field}>
                        {c.label}：{c.before || "（空）"} → {c.after || "（空）"}
                      </li>
                    ))}
                    {v.changes.length > 20 && <li>……共 {v.changes.length} 处改动</li>}
                  </ul>
                </div>
              ),
            }))}
          />
        </Card>
        <CatalogItemFormModal
          open={editing}
          item={i}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            reload();
          }}
        />
      </Space>
    </PageContainer>
  );
}
