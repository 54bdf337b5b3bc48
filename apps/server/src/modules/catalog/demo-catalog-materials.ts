import type { MaterialInput } from "../../../../../packages/contracts/src/catalog.ts";
import { APPLICANT_MATERIALS, ISSUED_MATERIALS } from "./demo-catalog-lists.ts";
import { BUSINESS_SHARED, PERSONAL_APPLICANT_MATERIALS, PERSONAL_SHARED } from "./demo-catalog-rules.ts";

type Rng = () => number;

function pick<T>(list: readonly T[], k: number, rng: Rng): T[] {
  const pool = [...list];
  const out: T[] = [];
  while (out.length < k && pool.length > 0) {
    out.push(pool.splice(Math.floor(rng() * pool.length), 1)[0] as T);
  }
  return out;
}

/**
 * One item's materials: `count` in all, `exempt` of them fetched by data sharing (免提交, with
 * the source). An item on the 容缺 list gets a secondary material that may be made up later.
 */
export function demoMaterials(
  count: number,
  exempt: number,
  deferrable: boolean,
  personal: boolean,
  rng: Rng,
): MaterialInput[] {
  // A citizen's item asks for a citizen's documents, a business's item for a business's.
  const shared: MaterialInput[] = pick(personal ? PERSONAL_SHARED : BUSINESS_SHARED, exempt, rng).map(
    ([name, source]) => ({
      name,
      kind: "electronic",
      copies: 0,
      source: "shared_data",
      exemptDataSource: source,
      required: true,
      deferrable: false,
      trustLevel: "A",
      template: "",
      basis: "《广东省政务数据资源共享管理办法》",
    }),
  );
  const others = count - exempt;
  const [first = "申请表", ...rest] = personal ? PERSONAL_APPLICANT_MATERIALS : APPLICANT_MATERIALS;
  const pool: readonly string[] = personal ? rest : [...rest, ...ISSUED_MATERIALS];
  const names = [first, ...pick(pool, others - 1, rng)];
  const submitted: MaterialInput[] = names.map((name, k) => {
    const issued = (ISSUED_MATERIALS as readonly string[]).includes(name);
    const secondary = k > 0 && (rng() < 0.3 || (deferrable && k === names.length - 1));
    return {
      name,
      kind: issued || rng() < 0.3 ? "copy" : "original",
      copies: 1,
      source: issued ? "government" : "applicant",
      exemptDataSource: null,
      required: !secondary,
      deferrable: deferrable && k === names.length - 1,
      trustLevel: k === 0 ? "A" : rng() < 0.5 ? "B" : "C",
      template: k === 0 ? `${name}（空白表格及样表）` : "",
      basis: "",
    };
  });
  return [...submitted.slice(0, 1), ...shared, ...submitted.slice(1)];
}
