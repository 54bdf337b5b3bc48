import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import type { Figure, Figures } from "./report-model.ts";

type Totals = {
  aggregated: string | number | null;
  shared: string | number | null;
  systems: number;
  systemsOnCloud: number;
  villageCategories: number;
  resources: number;
  exemptSources: number;
  exemptSourcesMatched: number;
};

/**
 * The data-sharing figures of 一网统管 for a tenant's year (Asia/Shanghai), district-wide: rows
 * aggregated (every batch received in the year, stored or registered by counts), rows served to
 * consumers, systems on the government cloud, the 城中村治理 categories catalogued, and the 免提交
 * material sources that are catalogued resources. A tenant without data-sharing records gets none.
 */
export async function dataFigures(db: Db, tenantId: string, year: number): Promise<Figures> {
  const from = `${year}-01-01T00:00:00+08:00`;
  const to = `${year + 1}-01-01T00:00:00+08:00`;
  // Sums of integer columns come back as text (bigint) on PostgreSQL: read them with Number().
  const [t] = await queryRows<Totals>(
    db,
    sql`select
      (select sum(accepted) from data_batches
         where tenant_id = ${tenantId} and received_at >= ${from}::timestamptz and received_at < ${to}::timestamptz) as aggregated,
      (select sum(rows_returned) from data_exchange_log
         where tenant_id = ${tenantId} and outcome = 'served' and at >= ${from}::timestamptz and at < ${to}::timestamptz) as shared,
      (select count(*)::int from data_systems where tenant_id = ${tenantId}) as "systems",
      (select count(*)::int from data_systems where tenant_id = ${tenantId} and on_gov_cloud) as "systemsOnCloud",
      (select count(distinct name)::int from data_resources
         where tenant_id = ${tenantId} and subclass = '城中村治理') as "villageCategories",
      (select count(*)::int from data_resources where tenant_id = ${tenantId}) as "resources",
      (select count(distinct m.exempt_data_source)::int
         from catalog_material_versions m join catalog_item_versions v on v.id = m.item_version_id
         where m.tenant_id = ${tenantId} and v.valid_to is null and m.exempt_data_source is not null) as "exemptSources",
      (select count(distinct m.exempt_data_source)::int
         from catalog_material_versions m join catalog_item_versions v on v.id = m.item_version_id
         where m.tenant_id = ${tenantId} and v.valid_to is null and m.exempt_data_source is not null
           and exists (select 1 from data_resources r where r.tenant_id = ${tenantId} and r.name = m.exempt_data_source))
        as "exemptSourcesMatched"`,
  );
  const figures: Figures = {};
  if (!t) {
    return figures;
  }
  const put = (key: string, value: number, f: Omit<Figure, "value">) => {
    if (value > 0) {
      figures[key] = { value, ...f };
    }
  };
  const aggregated = Number(t.aggregated ?? 0);
  const shared = Number(t.shared ?? 0);
  put("data.aggregatedRows", aggregated, {
    label: "汇聚数据（条）",
    format: "yi",
    href: `/data/statistics?year=${year}`,
    note: `${year} 年各数据资源接收批次（含只登记条数的同步批次）的入库条数之和 ${aggregated.toLocaleString("en-US")} 条，以亿为单位去尾取整`,
  });
  put("data.sharedRows", shared, {
    label: "共享交换数据（条）",
    format: "yi",
    href: `/data/exchange-log?from=${year}-01-01&to=${year}-12-31&outcome=served`,
    note: `${year} 年数据服务成功返回的条数之和 ${shared.toLocaleString("en-US")} 条，以亿为单位去尾取整`,
  });
  put("data.systemsOnCloud", t.systemsOnCloud, {
    label: "运行在政务云上的业务系统",
    format: "count",
    href: "/data/systems?onGovCloud=true",
    note: `信息系统台账中部署在政务云上的系统（台账共 ${t.systems} 个）`,
  });
  put("data.villageCategories", t.villageCategories, {
    label: "城中村治理核心数据编目（类）",
    format: "count",
    href: `/data/resources?subclass=${encodeURIComponent("城中村治理")}`,
    note: "信息资源目录中“城中村治理”子类的资源名称数（各镇街同名资源计一类）",
  });
  put("data.resources", t.resources, {
    label: "信息资源",
    format: "count",
    href: "/data/resources",
    note: "信息资源目录中的资源数",
  });
  put("data.exemptSources", t.exemptSourcesMatched, {
    label: "免提交材料的共享数据来源（已编目）",
    format: "count",
    href: "/catalog",
    note: `现行事项中免提交材料的数据来源 ${t.exemptSources} 个，其中已在信息资源目录编目 ${t.exemptSourcesMatched} 个`,
  });
  return figures;
}
