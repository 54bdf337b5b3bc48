import { InfoCircleOutlined } from "@ant-design/icons";
import { Card, Col, Row, Space, Tooltip, Typography } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import type { MetricRow } from "../../../../../packages/contracts/src/work-orders.ts";
import { CountLink, formatGrowth, formatRate, RATES } from "./metric-figures.tsx";
import { drillHref, previousYear } from "./metrics-params.ts";

// Counts without a server formula still say what they count.
const LOCAL_FORMULAS: Record<string, string> = {
  volume: "受理量 = 受理时间在统计期内的工单数（含已合并的重复件）",
  returns: "退单 = 发生过退单的工单数；不当退单 = 退单被驳回的工单数",
  praises: "表扬 = 回访时市民表扬承办单位的工单数",
};

const BIG = { fontSize: 28, fontWeight: 600, lineHeight: "36px" };

type KpiProps = { title: string; formula: string | undefined; value: ReactNode; footer: ReactNode };

function Kpi({ title, formula, value, footer }: KpiProps) {
  return (
    <Card size="small" style={{ height: "100%" }}>
      <Space size={4}>
        <Typography.Text type="secondary">{title}</Typography.Text>
        {formula && (
          <Tooltip title={formula}>
            <InfoCircleOutlined aria-label={`${title}计算公式`} style={{ color: "#8c8c8c" }} />
          </Tooltip>
        )}
      </Space>
      <div style={BIG}>{value}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {footer}
      </Typography.Text>
    </Card>
  );
}

type Props = { total: MetricRow; formulas: Record<string, string>; filter: Record<string, string | undefined> };

/** The period's headline figures; every number opens the tickets it counts. */
export function MetricsKpiCards({ total, formulas, filter }: Props) {
  const c = total.counts;
  const growthColor = total.yoyGrowth === null ? undefined : total.yoyGrowth > 0 ? "#cf1322" : "#389e0d";
  const cards: (KpiProps & { key: string })[] = [
    {
      key: "volume",
      title: "受理量",
      formula: `${LOCAL_FORMULAS.volume}；${formulas.yoyGrowth ?? ""}`,
      value: <CountLink filter={filter} metric="volume" count={c.volume} />,
      footer: (
        <>
          同比 <span style={{ color: growthColor }}>{formatGrowth(total.yoyGrowth)}</span>（上年同期{" "}
          <CountLink filter={previousYear(filter)} metric="volume" count={total.previousVolume} />）
        </>
      ),
    },
    ...RATES.map((r) => {
      const rate = total[r.key];
      return {
        key: r.key,
        title: r.label,
        formula: formulas[r.key],
        value:
          rate === null ? (
            "—"
          ) : (
            <Tooltip title={`查看计入${r.label}的 ${c[r.den]} 件工单`}>
              <Link to={drillHref(filter, r.den)}>{formatRate(rate)}</Link>
            </Tooltip>
          ),
        footer: (
          <>
            <CountLink filter={filter} metric={r.num} count={c[r.num]} /> /{" "}
            <CountLink filter={filter} metric={r.den} count={c[r.den]} />
          </>
        ),
      };
    }),
    {
      key: "returns",
      title: "退单",
      formula: LOCAL_FORMULAS.returns,
      value: <CountLink filter={filter} metric="returns" count={c.returns} />,
      footer: (
        <>
          其中不当退单 <CountLink filter={filter} metric="improperReturns" count={c.improperReturns} />
        </>
      ),
    },
    {
      key: "praises",
      title: "表扬",
      formula: LOCAL_FORMULAS.praises,
      value: <CountLink filter={filter} metric="praises" count={c.praises} />,
      footer: (
        <>
          已回访 <CountLink filter={filter} metric="followedUp" count={c.followedUp} />
        </>
      ),
    },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {cards.map(({ key, ...card }) => (
        <Col key={key} xs={12} md={8} xl={6}>
          <Kpi {...card} />
        </Col>
      ))}
    </Row>
  );
}
