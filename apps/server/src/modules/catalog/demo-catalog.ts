import { createHash, randomUUID } from "node:crypto";
import {
  CROSS_REGION_SCOPES,
  type ItemInput,
  ItemInputSchema,
  type ItemType,
  type MaterialInput,
  ONLINE_DEPTHS,
} from "../../../../../packages/contracts/src/catalog.ts";
import { type Ctx, type SystemActor, silentLogger } from "../../platform/actor.ts";
import { type Clock, fixedClock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { findOrgTree } from "../org/org.service.ts";
import { countItems, insertBundles, insertBundleVersions, insertPolicyCases } from "./catalog.repo.ts";
import { writeVersions } from "./catalog-write.ts";
import { BUNDLE_THEMES, SHOP_TYPES, TYPE_BY_SHORT, VARIANTS } from "./demo-catalog-lists.ts";
import { demoMaterials } from "./demo-catalog-materials.ts";
import { DEPARTMENT_ITEMS } from "./demo-catalog-names.ts";
import { bundlePattern, isPersonalItem, variantAllowed } from "./demo-catalog-rules.ts";

/** Huadu's published 2022 catalog figures, which the demo catalog reproduces exactly. */
export const DEMO_CATALOG_TARGETS = {
  items: 2166,
  reducedItems: 1233,
  materials: 11599,
  exemptMaterials: 3549,
  bundles: 94,
  deferrableItems: 240,
  deferrableDepartments: 20,
  crossRegionEntries: 2266,
  policyBenefitItems: 38,
  policyBenefitCases: 110,
  bookableTown: 873,
  bookableVillage: 585,
} as const;

/** The demo catalog is published at the start of 2022, so the report's year-end view holds all of it. */
const PUBLISHED_AT = "2022-01-01T00:00:00+08:00";

export type Rng = () => number;

/** mulberry32 seeded from the text: same seed, same catalog. */
export function seededRng(seed: string): Rng {
  let a = createHash("sha256").update(seed).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(list: readonly T[], rng: Rng): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Moves `values` one step at a time (within bounds, in a seeded order) until they sum to `target`. */
export function adjustToSum(
  values: number[],
  target: number,
  min: (i: number) => number,
  max: (i: number) => number,
  rng: Rng,
) {
  const order = shuffled(
    values.map((_, i) => i),
    rng,
  );
  let diff = target - values.reduce((s, v) => s + v, 0);
  while (diff !== 0) {
    let moved = false;
    for (const i of order) {
      const v = values[i] ?? 0;
      if (diff > 0 && v < max(i)) {
        values[i] = v + 1;
        diff -= 1;
        moved = true;
      } else if (diff < 0 && v > min(i)) {
        values[i] = v - 1;
        diff += 1;
        moved = true;
      }
      if (diff === 0) {
        break;
      }
    }
    if (!moved) {
      throw new Error(`演示事项目录无法凑足 ${target}`);
    }
  }
}

const STATUTORY: Record<ItemType, number> = {
  license: 20,
  confirmation: 20,
  payment: 30,
  ruling: 60,
  reward: 30,
  filing: 5,
  other_power: 20,
  public_service: 10,
};
const RESULT: Record<ItemType, string> = {
  license: "准予行政许可决定书",
  confirmation: "登记证明",
  payment: "待遇核定通知书",
  ruling: "裁决书",
  reward: "奖励决定书",
  filing: "备案回执",
  other_power: "审批意见书",
  public_service: "办结通知",
};
const BASIS: Record<ItemType, string> = {
  license: "《中华人民共和国行政许可法》；《广东省行政许可监督管理条例》",
  confirmation: "《广东省政务服务事项目录管理办法》及相关登记规定",
  payment: "《社会救助暂行办法》及广东省相关待遇规定",
  ruling: "《中华人民共和国行政复议法》及相关裁决规定",
  reward: "《广州市花都区产业发展扶持办法》及相关奖励规定",
  filing: "《广东省政务服务事项目录管理办法》及相关备案规定",
  other_power: "《广东省行政权力事项目录管理办法》",
  public_service: "《广东省公共服务事项目录管理办法》",
};

type Department = { id: string; path: string; name: string };
type Base = { department: Department; name: string; type: ItemType; index: number; deptIndex: number };

/** Main items per department in org order, by the first keyword its name contains. */
function basesOf(departments: readonly Department[]): Base[] {
  const bases: Base[] = [];
  departments.forEach((department, deptIndex) => {
    const entry = DEPARTMENT_ITEMS.find(([word]) => department.name.includes(word));
    for (const [index, spec] of (entry?.[1] ?? []).entries()) {
      const [name = "", short = ""] = spec.split(":");
      bases.push({ department, name, type: TYPE_BY_SHORT[short] ?? "public_service", index, deptIndex });
    }
  });
  return bases;
}

/** A main item's code: GD, the department's place (2 digits), the item's place in its list (3), 00. */
const mainCode = (base: Base) =>
  `${String(base.deptIndex + 1).padStart(2, "0")}${String(base.index + 1).padStart(3, "0")}`;

/**
 * The demo catalog's main items by name, with their code and department, from the org tree alone
 * (the catalog lists every main item before any case): the demo halls name their window items by
 * these codes even when they are created before the catalog is loaded.
 */
export function demoMainItems(
  units: ReadonlyArray<Department & { kind: string; sort: number }>,
): Map<string, { code: string; departmentName: string }> {
  const departments = units.filter((u) => u.kind === "department").sort((a, b) => a.sort - b.sort);
  return new Map(
    basesOf(departments).map((b) => [b.name, { code: `GD${mainCode(b)}00`, departmentName: b.department.name }]),
  );
}

/**
 * Loads a realistic catalog on the tenant's departments that hits the published 2022 figures
 * exactly, in a few batched statements. Idempotent: does nothing when the tenant has items.
 * @returns whether anything was loaded
 */
export async function loadDemoCatalog(db: Db, clock: Clock, tenantId: string, seed: string): Promise<boolean> {
  if ((await countItems(db, tenantId)) > 0) {
    return false;
  }
  const actor: SystemActor = { kind: "system", tenantId, name: "演示数据" };
  const ctx: Ctx = { db, actor, clock: fixedClock(PUBLISHED_AT), log: silentLogger, requestId: "demo-catalog" };
  const tree = await findOrgTree(ctx);
  const district = tree.find((u) => u.kind === "district")?.name ?? "";
  const departments = tree.filter((u) => u.kind === "department").sort((a, b) => a.sort - b.sort);
  const rng = seededRng(`${seed}:catalog`);
  const T = DEMO_CATALOG_TARGETS;
  const bases = basesOf(departments);
  const maxVariants = Math.max(...Object.values(VARIANTS).map((v) => v.length));
  if (bases.length * (maxVariants + 1) < T.items) {
    throw new Error("租户的区直部门不足以生成演示事项目录");
  }
  // Every main item first, then its cases in turn, until the target count.
  const slots: Array<{ base: Base; variant: number }> = [];
  for (let variant = 0; variant <= maxVariants && slots.length < T.items; variant++) {
    for (const base of bases) {
      const caseName = VARIANTS[base.type][variant - 1] ?? "";
      if (slots.length < T.items && (variant === 0 || (caseName !== "" && variantAllowed(base.name, caseName)))) {
        slots.push({ base, variant });
      }
    }
  }
  const n = slots.length;
  const reduced = new Set(shuffled([...Array(n).keys()], rng).slice(0, T.reducedItems));
  const counts = slots.map((_, i) => (reduced.has(i) ? 4 : 2) + Math.floor(rng() * (reduced.has(i) ? 5 : 6)));
  adjustToSum(
    counts,
    T.materials,
    (i) => (reduced.has(i) ? 3 : 2),
    () => 9,
    rng,
  );
  const exempt = slots.map((_, i) => (reduced.has(i) ? Math.min((counts[i] ?? 2) - 1, 1 + Math.floor(rng() * 4)) : 0));
  adjustToSum(
    exempt,
    T.exemptMaterials,
    (i) => (reduced.has(i) ? 1 : 0),
    (i) => (reduced.has(i) ? Math.min((counts[i] ?? 2) - 1, 6) : 0),
    rng,
  );

  // 容缺: 240 items of the first 20 departments whose items have a secondary material to defer.
  const deferCandidates = shuffled(
    [...Array(n).keys()].filter((i) => (counts[i] ?? 0) - (exempt[i] ?? 0) >= 2),
    rng,
  );
  const deferDepartments = [...new Set(deferCandidates.map((i) => slots[i]?.base.deptIndex ?? -1))]
    .sort((a, b) => a - b)
    .slice(0, T.deferrableDepartments);
  const inDeferDepartments = deferCandidates.filter((i) => deferDepartments.includes(slots[i]?.base.deptIndex ?? -1));
  const firstPerDepartment = deferDepartments.map(
    (d) => inDeferDepartments.find((i) => slots[i]?.base.deptIndex === d) ?? -1,
  );
  const deferrable = new Set(firstPerDepartment);
  for (const i of inDeferDepartments) {
    if (deferrable.size >= T.deferrableItems) {
      break;
    }
    deferrable.add(i);
  }
  if (deferrable.size !== T.deferrableItems || deferDepartments.length !== T.deferrableDepartments) {
    throw new Error("演示事项目录无法凑足容缺受理事项");
  }

  // 跨域通办: 1,400 省内 + 700 跨省 + 166 全国 entries.
  const scopes = slots.map(() => new Set<(typeof CROSS_REGION_SCOPES)[number]>());
  const passes = [1400, 700, T.crossRegionEntries - 2100] as const;
  CROSS_REGION_SCOPES.forEach((scope, k) => {
    for (const i of shuffled([...Array(n).keys()], rng).slice(0, passes[k])) {
      scopes[i]?.add(scope);
    }
  });

  const benefitFirst = [...Array(n).keys()].filter((i) => ["payment", "reward"].includes(slots[i]?.base.type ?? ""));
  const policy = shuffled(benefitFirst, rng).slice(0, T.policyBenefitItems);
  const town = shuffled([...Array(n).keys()], rng).slice(0, T.bookableTown);
  const village = new Set(town.slice(0, T.bookableVillage));
  const townSet = new Set(town);
  const policySet = new Set(policy);

  const inputs: ItemInput[] = slots.map(({ base, variant }, i) => {
    const main = mainCode(base);
    const caseName = VARIANTS[base.type][variant - 1] ?? "";
    const statutory = STATUTORY[base.type];
    const depth = ONLINE_DEPTHS[Math.min(3, Math.floor(rng() * 5))] ?? "online";
    const materials: MaterialInput[] = demoMaterials(
      counts[i] ?? 2,
      exempt[i] ?? 0,
      deferrable.has(i),
      isPersonalItem(base.name),
      rng,
    );
    return ItemInputSchema.parse({
      code: variant === 0 ? `GD${main}00` : `GD${main}${String(variant).padStart(2, "0")}`,
      name: variant === 0 ? base.name : `${base.name}（${caseName}）`,
      level: variant === 0 ? "main" : variant <= 3 ? "sub" : "handling",
      parentCode: variant === 0 ? null : `GD${main}00`,
      type: base.type,
      departmentId: base.department.id,
      implementingBody: base.department.name,
      legalBasis: BASIS[base.type],
      exerciseLevel: base.type === "public_service" && variant % 2 === 1 ? "town" : "district",
      statutoryLimitDays: statutory,
      promisedLimitDays: Math.max(1, Math.round(statutory * (0.2 + rng() * 0.3))),
      place: `${district}政务服务中心`,
      fees: "不收费",
      result: RESULT[base.type],
      visitsRequired: depth === "full_online" ? 0 : 1,
      onlineDepth: depth,
      onApplication: true,
      materialsReduced: reduced.has(i),
      bookableTown: townSet.has(i),
      bookableVillage: village.has(i),
      deferrable: deferrable.has(i),
      policyBenefit: policySet.has(i),
      crossRegionScopes: CROSS_REGION_SCOPES.filter((s) => scopes[i]?.has(s)),
      keywords: caseName,
      materials,
    });
  });

  const bundleNames = [...BUNDLE_THEMES.map((t) => `${t}一件事`), ...SHOP_TYPES.map((s) => `开办${s}一件事`)].slice(
    0,
    T.bundles,
  );
  const now = new Date(PUBLISHED_AT);
  await db.transaction(async (tx) => {
    const ids = await writeVersions(
      ctx,
      tx,
      inputs.map((input, i) => ({
        input,
        previous: undefined,
        scopePath: slots[i]?.base.department.path ?? "/",
        changes: [],
        action: "import" as const,
      })),
    );
    const bundles = bundleNames.map((name, b) => {
      // Members from the bundle's life event (or the shop's start-up and licences), main items only.
      const pattern = bundlePattern(name);
      // The pattern names the core items first (出生医学证明 before 参保), so the smaller bundles keep them.
      const order = pattern.source.slice(2, -2).split("|");
      const fitting = inputs
        .filter((_, i) => slots[i]?.variant === 0 && pattern.test(slots[i]?.base.name ?? ""))
        .sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
      const members = fitting.slice(0, Math.min(fitting.length, 3 + Math.floor(rng() * 3)));
      return { id: randomUUID(), code: `YJS${String(b + 1).padStart(3, "0")}`, name, members };
    });
    await insertBundles(
      tx,
      bundles.map((b) => ({ id: b.id, tenantId, code: b.code })),
    );
    await insertBundleVersions(
      tx,
      bundles.map((b) => ({
        id: randomUUID(),
        tenantId,
        bundleId: b.id,
        version: 1,
        validFrom: now,
        validTo: null,
        changedBy: actor.name,
        code: b.code,
        name: b.name,
        description: `${b.name}：一次告知、一表申请、一套材料、一窗受理。`,
        itemCodes: b.members.map((m) => m.code),
      })),
    );
    let seq = 0;
    const cases = policy.flatMap((i, k) =>
      Array.from({ length: k < T.policyBenefitCases - 2 * T.policyBenefitItems ? 3 : 2 }, () => {
        seq += 1;
        const month = String(1 + Math.floor(rng() * 12)).padStart(2, "0");
        const day = String(1 + Math.floor(rng() * 28)).padStart(2, "0");
        return {
          id: randomUUID(),
          tenantId,
          itemId: ids[i] ?? "",
          caseNo: `ZCDX-2022-${String(seq).padStart(4, "0")}`,
          grantedOn: `2022-${month}-${day}`,
          beneficiaryKind: rng() < 0.8 ? "enterprise" : "individual",
          amountFen: (5000 + Math.floor(rng() * 495000)) * 100,
        };
      }),
    );
    await insertPolicyCases(tx, cases);
    await recordAudit(
      { db: tx, actor, clock, requestId: null },
      {
        action: "catalog.demo_load",
        entityType: "catalog_item",
        entityId: null,
        scopePath: null,
        summary: { seed, items: inputs.length, bundles: bundles.length, policyCases: cases.length },
      },
    );
  });
  return true;
}
