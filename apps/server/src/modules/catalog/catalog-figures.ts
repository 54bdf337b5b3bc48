import type { Db } from "../../platform/db/client.ts";
import type { Figure, Figures } from "../reports/report-model.ts";
import { catalogTotals } from "./catalog-metrics.service.ts";

/**
 * The catalog's figures for the report, computed from the catalog as it was at the end of
 * `asOf` (ISO date), district-wide. Each links to the list of the items it counts.
 */
export async function catalogFigures(db: Db, tenantId: string, asOf: string): Promise<Figures> {
  const t = await catalogTotals(db, tenantId, ["/"], asOf);
  const list = (params: Record<string, string>) => `/catalog?${new URLSearchParams({ ...params, asOf }).toString()}`;
  const count = (value: number, label: string, href: string, note: string): Figure => ({
    value,
    label,
    format: "count",
    href,
    note,
  });
  const rateFigure = (value: number | null, label: string, href: string, note: string): Figure => ({
    value: value ?? 0,
    label,
    format: "rate",
    href,
    note,
  });
  const when = `截至 ${asOf} 的事项目录`;
  return {
    "catalog.onApplicationItems": count(
      t.onApplicationItems,
      "依申请政务服务事项",
      list({ flag: "onApplication" }),
      `${when}中在用的依申请事项数`,
    ),
    "catalog.materialsReducedItems": count(
      t.materialsReducedItems,
      "已减材料的事项",
      list({ flag: "materialsReduced" }),
      `${when}中已减材料的依申请事项数`,
    ),
    "catalog.materialsReducedRate": rateFigure(
      t.materialsReducedRate,
      "减材料落实率",
      list({ flag: "materialsReduced" }),
      `已减材料事项 ${t.materialsReducedItems} ÷ 依申请事项 ${t.onApplicationItems}`,
    ),
    "catalog.materials": count(t.materials, "办理材料", list({}), `${when}中在用事项的办理材料数`),
    "catalog.exemptMaterials": count(
      t.exemptMaterials,
      "免提交材料",
      list({ materialSource: "shared_data" }),
      `${when}中通过数据共享获取、申请人免于提交的材料数`,
    ),
    "catalog.exemptRate": rateFigure(
      t.exemptRate,
      "免提交比例",
      list({ materialSource: "shared_data" }),
      `免提交材料 ${t.exemptMaterials} ÷ 全部材料 ${t.materials}`,
    ),
    "catalog.bundles": count(t.bundles, "“一件事”主题套餐", `/catalog/bundles?asOf=${asOf}`, `${when}中的一件事套餐数`),
    "catalog.deferrableItems": count(
      t.deferrableItems,
      "容缺受理事项",
      list({ flag: "deferrable" }),
      `${when}中列入容缺受理清单的事项数`,
    ),
    "catalog.deferrableDepartments": count(
      t.deferrableDepartments,
      "容缺受理事项涉及部门",
      `/catalog/metrics?${new URLSearchParams({ asOf, groupBy: "department" }).toString()}`,
      "有事项列入容缺受理清单的主管部门数",
    ),
    "catalog.crossRegionEntries": count(
      t.crossRegionEntries,
      "跨域通办事项",
      list({ flag: "crossRegion" }),
      "跨域通办清单条目数（一个事项在省内、跨省、全国通办中各计一次）",
    ),
    "catalog.policyBenefitItems": count(
      t.policyBenefitItems,
      "政策兑现事项",
      list({ flag: "policyBenefit" }),
      `${when}中的政策兑现事项数`,
    ),
    "catalog.policyBenefitCases": count(
      t.policyBenefitCases,
      "政策兑现案例",
      list({ flag: "policyBenefit" }),
      `${asOf.slice(0, 4)} 年 1 月 1 日至 ${asOf} 兑现的政策兑现案例数`,
    ),
    "appointments.bookableItems.town": count(
      t.bookableTown,
      "镇（街）大厅可预约事项",
      list({ flag: "bookableTown" }),
      `${when}中可在镇（街）政务服务中心预约办理的事项数`,
    ),
    "appointments.bookableItems.village": count(
      t.bookableVillage,
      "村（居）站点可预约事项",
      list({ flag: "bookableVillage" }),
      `${when}中可在村（居）便民服务站预约办理的事项数`,
    ),
  };
}
