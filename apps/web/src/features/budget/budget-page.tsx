import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Col, Empty, Row, Space, Statistic, Table, Tag } from "antd";
import { useEffect, useState } from "react";
import { useLocation, useNavigate, useParams } from "react-router-dom";
import {
  type BudgetYear,
  FUND_TYPE_LABELS,
  INDICATOR_CATEGORY_LABELS,
  type Project,
} from "../../../../../packages/contracts/src/budget.ts";
import { PageContainer } from "../../layout/page-container.tsx";
import { PageLoading } from "../../shared/results.tsx";
import { useMe } from "../auth/session.tsx";
import { budgetApi, budgetKeys } from "./budget-api.ts";
import { BudgetExecutionChart } from "./budget-execution-chart.tsx";
import { BudgetImportModal } from "./budget-import-modal.tsx";
import { FactCreateModal } from "./fact-create-modal.tsx";
import { FinalAccountsCard } from "./final-accounts-card.tsx";
import { pct, wan } from "./money.ts";
import { YearCreateButton } from "./year-create-modal.tsx";
import { YearSelect } from "./year-select.tsx";

function IndicatorTable({ project }: { project: Project }) {
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={project.indicators}
      columns={[
        {
          title: "类别",
          dataIndex: "category",
          render: (c: keyof typeof INDICATOR_CATEGORY_LABELS) => INDICATOR_CATEGORY_LABELS[c],
        },
        { title: "指标", dataIndex: "name" },
        { title: "指标值", render: (_, i) => `${i.comparator} ${i.target}${i.unit}` },
        { title: "实际完成", render: (_, i) => (i.actual === null ? "—" : `${i.actual}${i.unit}`) },
        {
          title: "达标",
          dataIndex: "met",
          render: (m: boolean | null) =>
            m === null ? <Tag>未填报</Tag> : m ? <Tag color="green">达标</Tag> : <Tag color="red">未达标</Tag>,
        },
      ]}
    />
  );
}

/** Level-1 projects followed by their level-2 ones, level-1 amounts being the sums of theirs. */
function projectRows(projects: Project[]): Project[] {
  const rows: Project[] = [];
  const kids = (code: string) => projects.filter((p) => p.level === 2 && p.parentCode === code);
  for (const top of projects.filter((p) => p.level === 1)) {
    const children = kids(top.code);
    const sum = (f: (p: Project) => number) => children.reduce((a, p) => a + f(p), 0);
    const budget = sum((p) => p.budgetFen + p.adjustmentFen);
    const executed = sum((p) => p.executedFen);
    rows.push(
      {
        ...top,
        budgetFen: budget,
        adjustmentFen: 0,
        executedFen: executed,
        executionRate: budget > 0 ? executed / budget : null,
      },
      ...children,
    );
  }
  const placed = new Set(rows.map((r) => r.id));
  return [...rows, ...projects.filter((p) => !placed.has(p.id))];
}

function YearView({ data, onImport, onAddFact }: { data: BudgetYear; onImport: () => void; onAddFact: () => void }) {
  const s = data.summary;
  const location = useLocation();
  useEffect(() => {
    // Report figures link here with #project-<code> or #facts: bring that row into view.
    const id = decodeURIComponent(location.hash.slice(1));
    if (id) {
      document.getElementById(id)?.scrollIntoView({ block: "center" });
    }
  }, [location.hash]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title="本年收入（万元）" value={wan(data.finalRevenueFen ?? s.revenueActualFen)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title="本年支出（万元）" value={wan(data.finalExpenditureFen ?? s.expenditureFen)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title="基本支出（万元）" value={wan(data.finalBasicFen ?? s.basicExecutedFen)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title="项目预算完成率" value={pct(s.executionRate)} />
          </Card>
        </Col>
      </Row>
      <FinalAccountsCard data={data} />
      <BudgetExecutionChart projects={data.projects} />
      <Card
        title={`预算项目（一级 ${s.level1Projects} 个，二级 ${s.level2Projects} 个；年度预算 ${wan(s.projectBudgetFen)} 万元，执行 ${wan(s.projectExecutedFen)} 万元）`}
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} href={budgetApi.exportUrl(data.year)}>
              导出 Excel
            </Button>
            {data.canEdit && (
              <Button icon={<UploadOutlined />} onClick={onImport}>
                导入 Excel
              </Button>
            )}
          </Space>
        }
      >
        <Table
          size="small"
          rowKey="id"
          dataSource={projectRows(data.projects)}
          pagination={false}
          onRow={(p) => ({ id: `project-${p.code}` })}
          expandable={{
            expandedRowRender: (p) => <IndicatorTable project={p} />,
            rowExpandable: (p) => p.indicators.length > 0,
          }}
          columns={[
            { title: "编码", dataIndex: "code", width: 140 },
            { title: "项目名称", dataIndex: "name", render: (n: string, p) => (p.level === 1 ? <b>{n}</b> : n) },
            { title: "级次", dataIndex: "level", width: 60 },
            {
              title: "资金性质",
              dataIndex: "fundType",
              width: 120,
              render: (f: keyof typeof FUND_TYPE_LABELS) => FUND_TYPE_LABELS[f],
            },
            { title: "年度预算（万元）", align: "right", render: (_, p) => wan(p.budgetFen + p.adjustmentFen) },
            { title: "执行（万元）", align: "right", render: (_, p) => wan(p.executedFen) },
            { title: "完成率", align: "right", render: (_, p) => pct(p.executionRate) },
            {
              title: "指标达标",
              render: (_, p) =>
                p.indicators.length ? `${p.indicators.filter((i) => i.met).length}/${p.indicators.length}` : "—",
            },
          ]}
        />
      </Card>
      <Card
        title="其他绩效事实（人工登记，附来源与佐证）"
        id="facts"
        extra={data.canEdit ? <Button onClick={onAddFact}>登记事实</Button> : null}
      >
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={data.facts}
          locale={{ emptyText: "暂无人工登记的事实" }}
          columns={[
            { title: "事项", dataIndex: "label" },
            { title: "数值", render: (_, f) => `${f.value}${f.unit}` },
            { title: "来源说明", dataIndex: "sourceNote" },
            { title: "登记人", dataIndex: "createdBy" },
            {
              title: "佐证",
              render: (_, f) => (f.evidenceName ? <a href={budgetApi.evidenceUrl(f.id)}>{f.evidenceName}</a> : "—"),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

/** 预算绩效: a year's money, projects with their indicators, and manually recorded facts. */
export function BudgetPage() {
  const params = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const years = useQuery({ queryKey: budgetKeys.years(), queryFn: ({ signal }) => budgetApi.years(signal) });
  const refresh = () => {
    for (const queryKey of budgetKeys.dependents) {
      void queryClient.invalidateQueries({ queryKey });
    }
  };
  // 财务绩效专员 owns the budget: only they start a year (the server checks the same).
  const canEdit = useMe().grants.some((g) => g.role === "finance_officer");
  const list = years.data?.map((y) => y.year) ?? [];
  const year = params.year ? Number(params.year) : list.length ? Math.max(...list) : undefined;
  const detail = useQuery({
    queryKey: budgetKeys.year(year ?? 0),
    queryFn: ({ signal }) => budgetApi.year(year ?? 0, signal),
    enabled: year !== undefined,
  });
  const [importing, setImporting] = useState(false);
  const [addingFact, setAddingFact] = useState(false);
  return (
    <PageContainer
      title="预算与绩效"
      extra={
        <>
          <YearSelect years={list} value={year} onChange={(y) => navigate(`/budget/${y}`)} />
          {canEdit && (
            <YearCreateButton
              existing={list}
              onCreated={(y) => {
                refresh();
                void navigate(`/budget/${y}`);
              }}
            />
          )}
        </>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        {years.isLoading || detail.isLoading ? (
          <PageLoading />
        ) : !year ? (
          <Empty
            description={canEdit ? "尚无预算年度：点击上方「新建预算年度」开始" : "尚无预算年度，请财务绩效专员新建"}
          />
        ) : detail.data ? (
          <YearView data={detail.data} onImport={() => setImporting(true)} onAddFact={() => setAddingFact(true)} />
        ) : (
          <Alert type="warning" showIcon title={`没有 ${year} 年度的数据，或无权查看`} />
        )}
        {year && (
          <FactCreateModal
            year={year}
            open={addingFact}
            onClose={() => setAddingFact(false)}
            onDone={() => setAddingFact(false)}
          />
        )}
        {year && (
          <BudgetImportModal
            year={year}
            open={importing}
            onClose={() => setImporting(false)}
            onDone={() => setImporting(false)}
          />
        )}
      </Space>
    </PageContainer>
  );
}
