import { useQuery } from "@tanstack/react-query";
import { Col, Row } from "antd";
import type { HallWaits } from "../../../../../packages/contracts/src/hall-waits.ts";
import type { Query } from "../../api/client.ts";
import { CategoryChart, type ChartSeries } from "../../shared/category-chart.tsx";
import { hallApi, hallKeys } from "./appointments-api.ts";
import type { DrillDown } from "./hall-drill-down.tsx";
import { formatDay } from "./slot-format.ts";
import { VisitorCalendar } from "./visitor-calendar.tsx";

type Hour = HallWaits["byHour"][number];
type Group = HallWaits["byGroup"][number];
type Wait = { avgWaitSeconds: number | null; p90WaitSeconds: number | null };

// Waits are drawn in minutes (the table view's decimals read as 12.5 分钟).
const minutes = (s: number | null) => (s === null ? null : s / 60);
function waitSeries<T extends Wait>(): ChartSeries<T>[] {
  return [
    { name: "平均等候（分钟）", type: "bar", value: (r) => minutes(r.avgWaitSeconds) },
    { name: "P90 等候（分钟）", type: "line", value: (r) => minutes(r.p90WaitSeconds) },
  ];
}
const HOUR_SERIES = waitSeries<Hour>();
const GROUP_SERIES = [...waitSeries<Group>()].reverse();

/** Every hour from the first to the last with cases: an hour without any shows as a gap, not a jump. */
function fillHours(rows: readonly Hour[]): Hour[] {
  const first = rows[0]?.hour;
  const last = rows.at(-1)?.hour;
  if (first === undefined || last === undefined) {
    return [];
  }
  const at = new Map(rows.map((r) => [r.hour, r]));
  return Array.from(
    { length: last - first + 1 },
    (_, i) => at.get(first + i) ?? { hour: first + i, cases: 0, avgWaitSeconds: null, p90WaitSeconds: null },
  );
}

const hourLabel = (h: Hour) => `${String(h.hour).padStart(2, "0")}:00`;

type Props = { base: Query; onDrill: (drill: DrillDown) => void };

/**
 * 大厅统计's charts over the page's period and level: visitors by day as a calendar heat map, the
 * waits by hour of ticket-taking, and P90 wait by window group. Each item opens the list it counts
 * in the page's drawer (tickets for visitors, cases for waits).
 */
export function HallCharts({ base, onDrill }: Props) {
  const dayQuery = { ...base, groupBy: "day" };
  const days = useQuery({
    queryKey: hallKeys.metrics(dayQuery),
    queryFn: ({ signal }) => hallApi.metrics(dayQuery, signal),
  });
  const waits = useQuery({
    queryKey: hallKeys.waits(base),
    queryFn: ({ signal }) => hallApi.waits(base, signal),
  });
  const hours = fillHours(waits.data?.byHour ?? []);
  return (
    <>
      <VisitorCalendar
        days={days.data?.groups ?? []}
        loading={days.isFetching}
        onSelect={(day) =>
          onDrill({ list: "tickets", title: `${formatDay(day)} · 来访`, query: { ...base, from: day, to: day } })
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <CategoryChart<Hour>
            title="各时段等候时长（按取号时间）"
            data={hours}
            category={{ title: "取号时段", label: hourLabel }}
            series={HOUR_SERIES}
            format="decimal"
            loading={waits.isFetching}
            selectHint="点击查看该时段取号的办件"
            onSelect={(h) =>
              h.cases > 0 &&
              onDrill({ list: "cases", title: `${hourLabel(h)} 时段取号 · 办件`, query: { ...base, hour: h.hour } })
            }
          />
        </Col>
        <Col xs={24} xl={12}>
          <CategoryChart<Group>
            title="各窗口组 P90 等候时长"
            data={waits.data?.byGroup ?? []}
            category={{ title: "窗口组", label: (g) => g.label }}
            series={GROUP_SERIES}
            format="decimal"
            rotateLabels
            loading={waits.isFetching}
            selectHint="点击查看该窗口组的办件"
            onSelect={(g) =>
              onDrill({ list: "cases", title: `${g.label} · 办件`, query: { ...base, groupId: g.groupId } })
            }
          />
        </Col>
      </Row>
    </>
  );
}
