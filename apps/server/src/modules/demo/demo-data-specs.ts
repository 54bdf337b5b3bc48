import {
  bureau,
  CONDITIONAL,
  dept,
  fields,
  ORG,
  PERSON,
  PLACE,
  type ResourceSpec,
  SHARED,
  unit,
} from "./demo-data-fields.ts";

/*
 * The district's 政务信息资源目录 as the 2022 report names it: the 基础库 (自然人, 法人, 地址 …), the
 * 专题库 (社保, 穗康 …), the shared-data sources the service catalog's 免提交 materials name, and
 * the departments' own resources. Sizes (batchRows) are relative: the year is scaled to the report's
 * "21 亿条" afterwards.
 */

const basic = (s: Omit<ResourceSpec, "classification">): ResourceSpec => ({ ...s, classification: "basic" });
const thematic = (s: Omit<ResourceSpec, "classification">): ResourceSpec => ({ ...s, classification: "thematic" });

export const BASE_LIBRARIES: ResourceSpec[] = [
  basic({
    name: "自然人基础信息库",
    provider: bureau,
    subclass: "人口",
    item: "0101",
    format: "table",
    sharing: CONDITIONAL,
    updateCycle: "daily",
    summary: "汇聚公安户籍、流动人口、社保、民政、卫健等部门数据形成的全区自然人基础信息，一人一档",
    fields: fields(
      ...PERSON,
      "民族:C20",
      "出生日期:D10:p",
      "户籍地址:C200:p",
      "现居住地址:C200:p",
      "联系电话:C20:p",
      "人口类型:C10|户籍人口、流动人口、境外人员",
      "所属镇街:C30",
      "数据更新时间:T19:r",
    ),
    batchRows: 60_000,
  }),
  basic({
    name: "法人基础信息库",
    provider: bureau,
    subclass: "法人",
    item: "0201",
    format: "table",
    sharing: SHARED,
    updateCycle: "daily",
    summary: "全区企业、个体工商户、机关、事业单位和社会组织等法人及其他组织的基础信息",
    fields: fields(
      ...ORG,
      "主体类型:C20|企业、个体工商户、农民专业合作社、机关、事业单位、社会组织",
      "法定代表人:C50:p",
      "登记机关:C100",
      "成立日期:D10",
      "住所:C200",
      "经营范围:C2000",
      "登记状态:C10|存续、注销、吊销、迁出",
    ),
    batchRows: 25_000,
  }),
  basic({
    name: "地址基础信息库",
    provider: bureau,
    subclass: "自然资源和空间地理",
    item: "0301",
    format: "table",
    sharing: SHARED,
    updateCycle: "weekly",
    summary: "“四标四实”标准地址：镇街、村居、街路巷、门牌及楼栋，带坐标，供各部门地址落图与核验",
    fields: fields(
      "标准地址编码:C32:k",
      "标准地址:C200:r",
      ...PLACE.slice(0, 2),
      "街路巷:C100",
      "门牌号:C20",
      "楼栋号:C20",
      "经度:N12",
      "纬度:N12",
    ),
    batchRows: 180_000,
  }),
  basic({
    name: "公共信用信息",
    provider: dept("区发展和改革局"),
    subclass: "社会信用",
    item: "0401",
    format: "table",
    sharing: SHARED,
    updateCycle: "monthly",
    summary: "行政许可、行政处罚、守信激励与失信惩戒名单等公共信用信息（双公示）",
    fields: fields(
      ...ORG,
      "信息类别:C20|行政许可、行政处罚、守信激励、失信惩戒",
      "决定文书号:C100",
      "决定日期:D10",
      "决定机关:C100",
    ),
    batchRows: 12_000,
  }),
  basic({
    name: "电子证照库（区级）",
    provider: bureau,
    subclass: "电子证照",
    item: "0501",
    format: "api",
    sharing: CONDITIONAL,
    updateCycle: "realtime",
    summary: "区级签发证照的电子证照目录与照面信息，办事时“免提交”核验调用",
    fields: fields(
      "证照标识:C64:k",
      "证照类型:C50:r",
      "证照编号:C64",
      "持证主体:C200:p",
      "持证主体代码:C18:p",
      "签发机关:C100",
      "签发日期:D10",
      "有效期至:D10",
    ),
    batchRows: 8_000,
  }),
];

export const THEMES: ResourceSpec[] = [
  thematic({
    name: "社保专题库·参保人员信息",
    provider: dept("区人力资源和社会保障局"),
    subclass: "社保",
    item: "0101",
    format: "table",
    sharing: CONDITIONAL,
    updateCycle: "daily",
    summary: "全区参保人员的养老、工伤、失业保险参保状态与缴费基数",
    fields: fields(
      ...PERSON,
      "险种:C20|企业职工养老保险、城乡居民养老保险、工伤保险、失业保险",
      "参保状态:C10|正常参保、暂停缴费、终止参保",
      "参保单位:C200",
      "缴费基数:N12",
      "参保日期:D10",
    ),
    batchRows: 40_000,
  }),
  thematic({
    name: "“穗康”专题库·健康码与核酸检测",
    provider: dept("区卫生健康局"),
    subclass: "穗康",
    item: "0201",
    format: "table",
    sharing: CONDITIONAL,
    updateCycle: "daily",
    summary: "“穗康”小程序健康码状态、核酸检测与疫苗接种记录，供疫情防控专班与镇街按需核验",
    fields: fields(
      ...PERSON,
      "健康码状态:C10|绿码、黄码、红码",
      "最近核酸采样时间:T19",
      "核酸检测结果:C10|阴性、阳性、待出结果",
      "疫苗接种剂次:N2",
      "所属镇街:C30",
    ),
    batchRows: 220_000,
  }),
  thematic({
    name: "网格事件专题库",
    provider: unit("区城市社区网格化服务管理中心"),
    subclass: "社会治理",
    item: "0301",
    format: "table",
    sharing: SHARED,
    updateCycle: "daily",
    summary: "网格员巡查上报、12345 转办的网格事件及其处置过程",
    fields: fields(
      "事件编号:C32:k",
      "事件类型:C50:r",
      ...PLACE,
      "上报时间:T19:r",
      "处置状态:C10|待受理、处置中、已办结",
      "办结时间:T19",
    ),
    batchRows: 3_000,
  }),
  thematic({
    name: "政务服务办件专题库",
    provider: unit("区政务服务中心"),
    subclass: "政务服务",
    item: "0401",
    format: "table",
    sharing: SHARED,
    updateCycle: "daily",
    summary: "全区依申请政务服务事项的受理、办结、评价数据（“好差评”）",
    fields: fields(
      "办件编号:C40:k",
      "事项编码:C40:r",
      "事项名称:C200",
      "申请人类型:C10|自然人、法人",
      "受理时间:T19",
      "办结时间:T19",
      "评价等级:C10|非常满意、满意、基本满意、不满意、非常不满意",
    ),
    batchRows: 4_000,
  }),
];

/**
 * The district's cascade of the provincial and national shared-data sources: named exactly as the
 * service catalog's 免提交 materials name their source, so a material finds its resource.
 */
export const EXEMPT_SOURCES: ResourceSpec[] = [
  src("全国人口基础信息库·居民身份证", "公安分局", "basic", "人口", "0102", PERSON, ["签发机关:C100", "有效期限:C30"]),
  src("全国人口基础信息库·户籍信息", "公安分局", "basic", "人口", "0103", PERSON, ["户号:C20:p", "与户主关系:C20"]),
  src("民政部婚姻登记信息系统·结婚证", "区民政局", "department", "民政", "1101", PERSON, ["配偶姓名:C50:p"]),
  src("广东省电子证照库·出生医学证明", "区卫生健康局", "basic", "电子证照", "0502", ["出生医学证明编号:C20:k"]),
  src("广东省不动产登记信息平台·不动产权证书", "规划和自然资源分局", "basic", "自然资源和空间地理", "0302", [
    "不动产单元号:C28:k",
    "权利人:C100:p",
    "坐落:C200",
  ]),
  src("广东省人社信息系统·社会保障卡", "区人力资源和社会保障局", "thematic", "社保", "0102", PERSON, [
    "社会保障卡号:C20:p",
  ]),
  src("中国高等教育学生信息网·学历信息", "区教育局", "department", "教育", "0601", PERSON, ["毕业院校:C100"]),
  src("全国残疾人人口基础库·残疾人证", "区残疾人联合会", "department", "残联", "2701", PERSON, [
    "残疾类别:C10|视力、听力、言语、肢体、智力、精神、多重",
  ]),
  src("广东省电子证照库·营业执照", "区市场监督管理局", "basic", "电子证照", "0503", ORG, ["法定代表人:C50:p"]),
  src("广东省市场主体信息库·法定代表人信息", "区市场监督管理局", "basic", "法人", "0202", ORG, [
    "法定代表人:C50:p",
    "法定代表人证件号码:C18:p",
  ]),
  src("广东省税务局·纳税信息", "税务局", "department", "税务", "2801", ORG, ["纳税信用等级:C2|A、B、M、C、D"]),
  src("广东省人社信息系统·参保缴费记录", "区人力资源和社会保障局", "thematic", "社保", "0103", ORG, [
    "缴费月份:C6:r",
    "参保人数:N8",
  ]),
];

function src(
  name: string,
  provider: string,
  classification: ResourceSpec["classification"],
  subclass: string,
  item: string,
  keyFields: readonly string[],
  more: readonly string[] = [],
): ResourceSpec {
  const [, what = name] = name.split("·");
  return {
    name,
    provider: dept(provider),
    classification,
    subclass,
    item,
    format: "api",
    sharing: { ...CONDITIONAL, shareMethod: "接口调用（省级共享资源级联，办事时核验）" },
    updateCycle: "realtime",
    summary: `省级（国家）共享资源“${what}”在区级的级联目录：事项材料标注“免提交”的，由本资源在线核验或调取`,
    fields: fields(...keyFields, ...more, "核验结果:C10|一致、不一致、无记录"),
    batchRows: 1_500,
  };
}
