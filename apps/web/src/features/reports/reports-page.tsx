import { FilePdfOutlined, FileWordOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Col, Empty, Row, Space, Tabs, Typography } from "antd";
import type { MouseEvent } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { PageContainer } from "../../layout/page-container.tsx";
import { PageLoading } from "../../shared/results.tsx";
import { useBudgetYears } from "../budget/use-budget-years.ts";
import { YearSelect } from "../budget/year-select.tsx";
import { ParagraphEditor } from "./paragraph-editor.tsx";
import { ReportCheckCard } from "./report-check-card.tsx";
import { reportKeys, reportsApi } from "./reports-api.ts";

const PAPER = `
.zw-report{font-family:"FangSong","仿宋_GB2312","Noto Serif CJK SC",serif;font-size:16px;line-height:1.9;color:#111}
.zw-report h1{font-size:24px;text-align:center;font-weight:600;margin:8px 0 24px}
.zw-report h2{font-size:18px;margin:18px 0 8px}.zw-report h3{font-size:17px;margin:14px 0 6px}
.zw-report p{text-indent:2em;margin:0 0 6px}
.zw-report table{border-collapse:collapse;width:100%;font-size:14px;margin:8px 0}
.zw-report td,.zw-report th{border:1px solid #999;padding:4px 6px}
.zw-report a.fig{color:#1560d4;text-decoration:underline dotted;cursor:pointer}
.zw-report a.fig.manual{color:#ad6800}`;

/** 自评报告: the live preview (every figure opens its records), downloads, narrative and the checker. */
export function ReportsPage() {
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const { query: years, list, year } = useBudgetYears(Number(search.get("year")));
  const preview = useQuery({
    queryKey: reportKeys.preview(year ?? 0),
    queryFn: ({ signal }) => reportsApi.preview(year ?? 0, signal),
    enabled: year !== undefined,
  });

  // Figures are links to the records behind them; follow them inside the app.
  const onPaperClick = (e: MouseEvent<HTMLDivElement>) => {
    const a = (e.target as HTMLElement).closest("a.fig");
    const href = a?.getAttribute("href");
    if (href?.startsWith("/")) {
      e.preventDefault();
      void navigate(href);
    }
  };
  if (years.isLoading) {
    return <PageLoading />;
  }
  const p = preview.data;
  return (
    <PageContainer
      title="部门整体支出绩效自评报告"
      extra={
        <>
          <YearSelect years={list} value={year} onChange={(y) => setSearch({ year: String(y) })} />
          {year && (
            <>
              <Button type="primary" icon={<FileWordOutlined />} href={reportsApi.docxUrl(year)}>
                下载 Word
              </Button>
              <Button icon={<FilePdfOutlined />} href={reportsApi.pdfUrl(year)}>
                下载 PDF
              </Button>
            </>
          )}
        </>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        {!year ? (
          <Empty description="尚无预算年度，无法生成报告" />
        ) : (
          <Tabs
            items={[
              {
                key: "preview",
                label: "报告预览",
                children: preview.isLoading ? (
                  <PageLoading />
                ) : p ? (
                  <Row gutter={16}>
                    <Col xs={24} xl={17}>
                      <Card>
                        <style>{PAPER}</style>
                        {/* Rendered by the server from escaped text; figures are links to their records. */}
                        <div
                          className="zw-report"
                          role="document"
                          aria-label="报告预览"
                          onClick={onPaperClick}
                          onKeyDown={() => {}}
                          // biome-ignore lint/security/noDangerouslySetInnerHtml: server-rendered, every text run escaped
                          dangerouslySetInnerHTML={{ __html: p.html }}
                        />
                      </Card>
                    </Col>
                    <Col xs={24} xl={7}>
                      <Space orientation="vertical" style={{ width: "100%" }}>
                        <Card size="small" title="自评结果">
                          {p.scores.total === null
                            ? "尚未评分"
                            : `总分 ${p.scores.total} 分，等级“${p.scores.grade}”（第 ${p.scores.version} 版，${p.scores.status === "approved" ? "已审定" : "未审定"}）`}
                        </Card>
                        {p.warnings.length > 0 && (
                          <Alert
                            type="warning"
                            showIcon
                            title={`${p.warnings.length} 个段落暂缺数据，未写入报告`}
                            description={
                              <ul style={{ paddingLeft: 16, margin: 0 }}>
                                {p.warnings.map((w) => (
                                  <li key={w}>{w}</li>
                                ))}
                              </ul>
                            }
                          />
                        )}
                        <Typography.Text type="secondary">
                          报告中蓝色数字均由业务数据实时计算，点击可查看对应记录；橙色为人工登记的事实。
                        </Typography.Text>
                      </Space>
                    </Col>
                  </Row>
                ) : (
                  <Alert type="warning" showIcon title={`没有 ${year} 年度的数据，或无权查看`} />
                ),
              },
              {
                key: "narrative",
                label: "叙述段落",
                children: <ParagraphEditor year={year} />,
              },
              { key: "check", label: "一致性检查", children: <ReportCheckCard /> },
            ]}
          />
        )}
      </Space>
    </PageContainer>
  );
}
