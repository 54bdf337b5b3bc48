import { useQuery } from "@tanstack/react-query";
import { Col, Row } from "antd";
import { useNavigate } from "react-router-dom";
import type { z } from "zod";
import type { RateGroup, RateRowSchema } from "../../../../../packages/contracts/src/evaluations.ts";
import { CategoryChart, type ChartSeries } from "../../shared/category-chart.tsx";
import { formatMonthKey } from "../../shared/chart-format.ts";
import { groupFilter } from "./rate-groups.ts";
import { ratingKeys, ratingsApi } from "./ratings-api.ts";

type RateRow = z.infer<typeof RateRowSchema>;
type Series = ChartSeries<RateRow> & { metric: "bad" | "ratings" };

// 差评 are counted; 好评率 is a rate over the valid ratings, on its own axis.
const SERIES: Series[] = [
  { name: "差评", type: "bar", value: (r) => r.counts.bad ?? 0, metric: "bad", color: "#ff7875" },
  { name: "好评率", type: "line", value: (r) => r.goodRate, metric: "ratings", format: "percent" },
];

function useRates(groupBy: Exclude<RateGroup, "none">) {
  return useQuery({
    queryKey: ratingKeys.rates({ groupBy }),
    queryFn: ({ signal }) => ratingsApi.rates({ groupBy }, signal),
  });
}

/**
 * 好差评's charts: 好评率 and 差评 by month, and by unit (most 差评 first). A bar or point opens the
 * ratings it counts in the page's list below (差评 → the bad ones, 好评率 → all it is taken over),
 * keeping the table's grouping.
 */
export function RatingsCharts({ groupBy }: { groupBy: RateGroup }) {
  const navigate = useNavigate();
  const months = useRates("month");
  const units = useRates("unit");
  const monthRows = (months.data?.groups ?? []).filter((r) => r.key !== null);
  const unitRows = [...(units.data?.groups ?? [])]
    .filter((r) => r.key !== null)
    .sort((a, b) => (b.counts.bad ?? 0) - (a.counts.bad ?? 0) || (a.goodRate ?? 1) - (b.goodRate ?? 1));
  const years = new Set(monthRows.map((r) => r.key?.slice(0, 4)));
  const open = (by: RateGroup) => (row: RateRow, s: ChartSeries<RateRow>) => {
    const metric = SERIES.find((x) => x.name === s.name)?.metric ?? "ratings";
    void navigate(`?${new URLSearchParams({ groupBy, ...groupFilter(by, row.key), metric })}`);
  };
  return (
    <Row gutter={16}>
      <Col xs={24} xl={12}>
        <CategoryChart<RateRow>
          title="好评率与差评（按月）"
          data={monthRows}
          category={{ title: "月份", label: (r) => (r.key ? formatMonthKey(r.key, years.size > 1) : r.label) }}
          series={SERIES}
          onSelect={open("month")}
          selectHint="点击查看该月评价"
          loading={months.isFetching}
        />
      </Col>
      <Col xs={24} xl={12}>
        <CategoryChart<RateRow>
          title="各单位好评率与差评"
          data={unitRows}
          category={{ title: "单位", label: (r) => r.label }}
          series={SERIES}
          onSelect={open("unit")}
          selectHint="点击查看该单位评价"
          rotateLabels
          loading={units.isFetching}
        />
      </Col>
    </Row>
  );
}
