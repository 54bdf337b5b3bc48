import { useNavigate } from "react-router-dom";
import type { CatalogMetrics } from "../../../../../packages/contracts/src/catalog.ts";
import { CategoryChart, type ChartSeries } from "../../shared/category-chart.tsx";

type Group = CatalogMetrics["groups"][number];
type Series = ChartSeries<Group> & { filter: Record<string, string> };

const rate = (n: number, d: number) => (d > 0 ? n / d : null);

// The counts the table links, and 减材料落实率 on its own axis (it opens the items it divides by).
const SERIES: Series[] = [
  { name: "事项", type: "bar", value: (g) => g.items, filter: {} },
  { name: "已减材料", type: "bar", value: (g) => g.materialsReducedItems, filter: { flag: "materialsReduced" } },
  { name: "容缺", type: "bar", value: (g) => g.deferrableItems, filter: { flag: "deferrable" } },
  { name: "政策兑现", type: "bar", value: (g) => g.policyBenefitItems, filter: { flag: "policyBenefit" } },
  {
    name: "减材料落实率",
    type: "line",
    format: "percent",
    value: (g) => rate(g.materialsReducedItems, g.onApplicationItems),
    filter: { flag: "onApplication" },
  },
];

type Props = {
  title: string;
  groups: readonly Group[];
  loading: boolean;
  /** The catalog list of one group's items under extra filters, as the page's table links it (null: none). */
  href: (group: Group, extra: Record<string, string>) => string | null;
};

/** 事项统计's figures by the page's grouping; a bar or point opens the items it counts. */
export function CatalogMetricsChart({ title, groups, loading, href }: Props) {
  const navigate = useNavigate();
  const ranked = [...groups].sort((a, b) => b.items - a.items);
  return (
    <CategoryChart<Group>
      title={title}
      data={ranked}
      category={{ title: "分组", label: (g) => g.label }}
      series={SERIES}
      rotateLabels
      loading={loading}
      selectHint="点击查看对应事项"
      onSelect={(g, s) => {
        const filter = SERIES.find((x) => x.name === s.name)?.filter;
        const to = filter && href(g, filter);
        if (to) {
          void navigate(to);
        }
      }}
    />
  );
}
