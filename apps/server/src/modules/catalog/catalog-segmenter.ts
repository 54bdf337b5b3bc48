import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";
import { SYNONYM_GROUPS } from "./catalog-search-terms.ts";

let jieba: Jieba | null = null;

/** jieba with its general dictionary plus the catalog's own terms, loaded once (about 0.3 s). */
function segmenter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    const words = [...new Set(SYNONYM_GROUPS.flat())].map((w) => `${w} 100000 n`).join("\n");
    jieba.loadDict(Buffer.from(words));
  }
  return jieba;
}

/** Chinese word segmentation of a citizen's query. */
export function segmentQuery(text: string): string[] {
  return segmenter().cut(text, true);
}
