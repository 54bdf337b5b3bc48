import { createHash } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import type { Rng } from "../catalog/demo-catalog.ts";
import { dataResources, dataResourceVersions, dataSystems } from "../data-sharing/data-sharing.schema.ts";
import { orgUnits } from "../org/org.schema.ts";
import { departmentFullName } from "../tenants/standard-units.ts";
import { DEPARTMENT_RESOURCES } from "./demo-data-departments.ts";
import type { Provider, ResourceSpec } from "./demo-data-fields.ts";
import { BASE_LIBRARIES, EXEMPT_SOURCES, THEMES } from "./demo-data-specs.ts";
import { demoSystems } from "./demo-data-systems.ts";
import { villageSpecs } from "./demo-data-village.ts";

/** A demo id: md5 of the seed-qualified text shaped as an RFC 9562 uuid (as demo-ids.ts does in SQL). */
export function demoUuid(text: string): string {
  const h = createHash("md5").update(text).digest("hex").split("");
  h[12] = "4";
  h[16] = "8";
  const s = h.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

export type Unit = { id: string; name: string; kind: string; path: string; sort: number };

/** The tenant's org units the demo names: the root, the bureau and its units, departments, towns/streets. */
export async function demoUnits(db: Db, tenantId: string) {
  const rows: Unit[] = await db
    .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path, sort: orgUnits.sort })
    .from(orgUnits)
    .where(eq(orgUnits.tenantId, tenantId))
    .orderBy(asc(orgUnits.sort), asc(orgUnits.name));
  const root = rows.find((u) => u.kind === "district");
  const bureau = rows.find((u) => u.kind === "bureau");
  if (!root || !bureau) {
    throw new Error("租户的组织机构不完整（缺区或政务服务数据管理局）");
  }
  const fullName = bureau.name.replace(/政务服务数据管理局$/, "");
  const city = fullName.slice(0, fullName.length - root.name.length);
  const towns = rows.filter((u) => u.kind === "town" || u.kind === "street");
  const byName = new Map(rows.map((u) => [u.name, u]));
  /** A department by its standard short name (区民政局, 公安分局 …), a bureau unit by its name. */
  const unitOf = (key: string): Unit => {
    if (key === "bureau") {
      return bureau;
    }
    const u =
      rows.find((r) => r.kind === "bureau_unit" && r.name === key) ??
      byName.get(departmentFullName(key, city, root.name)) ??
      towns.find((t) => t.name === key);
    if (!u) {
      throw new Error(`演示数据的单位“${key}”不在组织机构中`);
    }
    return u;
  };
  return { root, bureau, towns, unitOf };
}

export type DemoUnits = Awaited<ReturnType<typeof demoUnits>>;

/** A demo resource as loaded: its spec, code, id and provider. */
export type LoadedResource = { spec: ResourceSpec; id: string; code: string; unit: Unit; publishedOn: string };

const CLASS_DIGIT = { basic: "1", thematic: "2", department: "3" } as const;

function providerOf(p: Provider, units: DemoUnits, town: Unit | null): Unit {
  switch (p.kind) {
    case "bureau":
      return units.bureau;
    case "bureau_unit":
    case "department":
      return units.unitOf(p.name);
    case "town":
      if (!town) {
        throw new Error("镇街资源缺少镇街");
      }
      return town;
  }
}

/**
 * Codes in load order: 类 + 项目 of the spec, the 细目 counted per 项目 (a town's resource of a
 * category gets its town's number) and the provider's own sequence.
 */
export function planResources(units: DemoUnits, seed: string, rng: Rng): LoadedResource[] {
  const planned: Array<{ spec: ResourceSpec; town: Unit | null }> = [
    ...[...BASE_LIBRARIES, ...THEMES, ...EXEMPT_SOURCES, ...DEPARTMENT_RESOURCES].map((spec) => ({ spec, town: null })),
    ...units.towns.flatMap((town) => villageSpecs(town.name).map((spec) => ({ spec, town }))),
  ];
  const perItem = new Map<string, number>();
  const perProvider = new Map<string, number>();
  return planned.map(({ spec, town }) => {
    const unit = providerOf(spec.provider, units, town);
    const prefix = `${CLASS_DIGIT[spec.classification]}${spec.item}`;
    const detail = (perItem.get(prefix) ?? 0) + 1;
    perItem.set(prefix, detail);
    const sequence = (perProvider.get(unit.id) ?? 0) + 1;
    perProvider.set(unit.id, sequence);
    const code = `${prefix}${String(detail).padStart(3, "0")}-${String(sequence).padStart(5, "0")}`;
    // The 基础库 and the cascades predate 2022; the towns catalogued 城中村 data in its first weeks.
    const publishedOn = town
      ? `2022-01-${String(3 + Math.floor(rng() * 10)).padStart(2, "0")}`
      : `2021-${String(3 + Math.floor(rng() * 9)).padStart(2, "0")}-${String(1 + Math.floor(rng() * 28)).padStart(2, "0")}`;
    return { spec, id: demoUuid(`${seed}:data_resource:${code}`), code, unit, publishedOn };
  });
}

/** Inserts the resources (version 1 each) and the 信息系统台账. */
export async function insertCatalog(
  db: Db,
  tenantId: string,
  resources: readonly LoadedResource[],
  units: DemoUnits,
  seed: string,
  rng: Rng,
): Promise<{ systems: number; onCloud: number }> {
  const at = (day: string) => new Date(`${day}T09:00:00+08:00`);
  for (let i = 0; i < resources.length; i += 200) {
    const chunk = resources.slice(i, i + 200);
    await db.insert(dataResources).values(
      chunk.map((r) => ({
        id: r.id,
        tenantId,
        code: r.code,
        name: r.spec.name,
        providerUnitId: r.unit.id,
        scopePath: r.unit.path,
        summary: r.spec.summary,
        classification: r.spec.classification,
        subclass: r.spec.subclass,
        format: r.spec.format,
        shareType: r.spec.sharing.shareType,
        shareCondition: r.spec.sharing.shareCondition,
        shareMethod: r.spec.sharing.shareMethod,
        openType: r.spec.sharing.openType,
        updateCycle: r.spec.updateCycle,
        publishedOn: r.publishedOn,
        fields: r.spec.fields,
        version: 1,
        createdAt: at(r.publishedOn),
        updatedAt: at(r.publishedOn),
      })),
    );
    await db.insert(dataResourceVersions).values(
      chunk.map((r) => ({
        id: demoUuid(`${seed}:data_resource_version:${r.code}:1`),
        tenantId,
        resourceId: r.id,
        version: 1,
        at: at(r.publishedOn),
        actorName: "演示数据",
        // Version 1 is the registration: nothing changed yet ("登记").
        diff: {},
      })),
    );
  }
  const specs = demoSystems(
    units.towns.map((t) => t.name),
    rng,
  );
  const codesOf = (unitId: string) => resources.filter((r) => r.unit.id === unitId).map((r) => r.code);
  const base = resources.filter((r) => r.spec.classification === "basic").map((r) => r.code);
  await db.insert(dataSystems).values(
    specs.map((s, i) => {
      const owner = units.unitOf(s.owner);
      const provides = codesOf(owner.id).slice(0, owner.kind === "town" ? 5 : 4);
      // Every system reads a few of the 基础库 (自然人, 法人, 地址, 电子证照 …).
      const consumes = base.filter(() => rng() < 0.35);
      return {
        id: demoUuid(`${seed}:data_system:${i}:${s.name}`),
        tenantId,
        name: s.name,
        ownerUnitId: owner.id,
        scopePath: owner.path,
        onGovCloud: s.onCloud,
        protectionLevel: s.level,
        provides: i % 4 === 0 || owner.kind === "town" ? provides : provides.slice(0, 1),
        consumes,
        updatedAt: new Date("2022-12-30T17:00:00+08:00"),
      };
    }),
  );
  return { systems: specs.length, onCloud: specs.filter((s) => s.onCloud).length };
}
