import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";

/*
 * The terms of a citizen's 诉求 (ticket title and content) for the 诉求 analysis: jieba's general
 * dictionary plus the hotline's own problem words and the tenant's place names, without stop words.
 * Place names are segmented whole (花山镇, 新华街道) so that they do not split into topic-like pieces,
 * and are then left out: a place is where a problem is (the hot spots), not what it is about.
 */

/** Problem words of the hotline that the general dictionary cuts apart or does not know. */
const PROBLEM_WORDS = [
  "占道经营",
  "乱停乱放",
  "消防通道",
  "违章建筑",
  "违法建设",
  "无证经营",
  "噪音扰民",
  "油烟扰民",
  "异地就医",
  "灵活就业",
  "充电桩",
  "井盖",
  "黑臭",
  "扬尘",
  "欠薪",
  "城中村",
  "出租屋",
  "无障碍",
  "新生儿",
  "居住证",
  "检测点",
  "河涌",
];

/** Words of every call that say nothing about its subject. */
const STOP_WORDS = new Set(
  (
    "来电人 来电 市民 群众 居民 反映 反馈 咨询 投诉 举报 建议 求助 请求 要求 希望 尽快 及时 相关 部门 情况 问题 处理 " +
    "进行 存在 影响 需要 哪些 如何 怎么 什么 目前 近期 最近 多次 一直 已经 仍然 没有 不能 无法 可以 是否 以及 并且 " +
    "但是 因为 所以 如果 这个 那个 我们 他们 自己 本人 附近 周边 所在 位于 地址 时间 工作 人员 情况下 有关 进一步 " +
    "协调 跟进 落实 办理 方式 渠道 条件 材料 所需 准备 地点 AI 识别 视频 巡查"
  ).split(" "),
);

let jieba: Jieba | null = null;
const added = new Set<string>();

function segmenter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    addWords(PROBLEM_WORDS);
  }
  return jieba;
}

/** Adds words (place names, category terms) to the segmenter once each; segmenting them whole. */
export function addWords(words: readonly string[]): void {
  const fresh = words.filter((w) => w.length >= 2 && !added.has(w));
  if (fresh.length === 0) {
    return;
  }
  for (const w of fresh) {
    added.add(w);
  }
  segmenter().loadDict(Buffer.from(fresh.map((w) => `${w} 100000 n`).join("\n")));
}

const MEANINGFUL = /[\p{Script=Han}A-Za-z]/u;

/**
 * The distinct topic terms of a text, in order of first appearance, at most `max`: two characters
 * or more, with a Han character or a letter, not a stop word and not one of `places`.
 */
export function topicTerms(text: string, places: ReadonlySet<string> = new Set(), max = 12): string[] {
  const out: string[] = [];
  for (const raw of segmenter().cut(text, false)) {
    const w = raw.trim();
    if (w.length < 2 || !MEANINGFUL.test(w) || STOP_WORDS.has(w) || places.has(w) || out.includes(w)) {
      continue;
    }
    out.push(w);
    if (out.length >= max) {
      break;
    }
  }
  return out;
}
