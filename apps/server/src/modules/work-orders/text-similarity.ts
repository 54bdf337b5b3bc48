/** Character bigrams of a text with spaces and punctuation removed: works for Chinese without a tokenizer. */
export function bigrams(text: string): Set<string> {
  const chars = [...text.replace(/[\s\p{P}\p{S}]/gu, "")];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) {
    out.add(`${chars[i]}${chars[i + 1]}`);
  }
  return out;
}

/** Dice coefficient of two texts' bigram sets, 0..1. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) {
    return 0;
  }
  let common = 0;
  for (const g of x) {
    if (y.has(g)) {
      common += 1;
    }
  }
  return (2 * common) / (x.size + y.size);
}

/** Topic words the routing suggestion learns from (matched as substrings). */
export const TOPIC_WORDS = [
  "噪音",
  "施工",
  "占道",
  "垃圾",
  "环卫",
  "路灯",
  "积水",
  "水浸",
  "停水",
  "水压",
  "停电",
  "燃气",
  "社保",
  "医保",
  "公积金",
  "养老",
  "就业",
  "欠薪",
  "工资",
  "劳动",
  "学位",
  "入学",
  "学校",
  "培训",
  "违建",
  "违章",
  "物业",
  "小区",
  "电梯",
  "房产",
  "不动产",
  "停车",
  "交通",
  "公交",
  "道路",
  "红绿灯",
  "油烟",
  "污水",
  "排污",
  "空气",
  "异味",
  "食品",
  "餐饮",
  "药品",
  "价格",
  "消费",
  "营业执照",
  "户籍",
  "身份证",
  "治安",
  "诈骗",
  "树木",
  "绿化",
  "低保",
  "残疾",
  "疫苗",
  "核酸",
  "医院",
  "村道",
  "宅基地",
] as const;

export function extractKeywords(text: string): string[] {
  return TOPIC_WORDS.filter((w) => text.includes(w));
}
