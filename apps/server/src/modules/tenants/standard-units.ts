/**
 * The bureau's internal units (as the Huadu 2022 report lists them; 区重点项目建设服务中心 was moved
 * out in 2021) and the district departments that receive work orders. Same structure in every
 * district; a tenant adds or renames units in the org admin.
 */
export const BUREAU_UNITS = [
  "办公室",
  "行政审批制度改革科",
  "政务服务监督管理科",
  "公共资源交易管理科",
  "政务信息化科",
  "区政务服务中心",
  "区信息技术中心",
  "区城市社区网格化服务管理中心",
] as const;

export const DISTRICT_DEPARTMENTS = [
  "区人力资源和社会保障局",
  "区住房和城乡建设局",
  "区城市管理和综合执法局",
  "区市场监督管理局",
  "公安分局",
  "区教育局",
  "区卫生健康局",
  "区交通运输局",
  "区水务局",
  "生态环境分局",
  "区民政局",
  "规划和自然资源分局",
  "区发展和改革局",
  "区工业和信息化局",
  "区科学技术局",
  "区财政局",
  "区司法局",
  "区农业农村局",
  "区商务局",
  "区文化广电旅游体育局",
  "区退役军人事务局",
  "区应急管理局",
  "区医疗保障局",
  "区统计局",
  "区林业和园林局",
  "区信访局",
  "区残疾人联合会",
  "税务局",
  "消防救援大队",
  "供电局",
  "住房公积金管理中心办事处",
] as const;

/** City-level branches carry the city and district in their name, e.g. 广州市公安局花都区分局. */
export function departmentFullName(name: string, city: string, district: string): string {
  switch (name) {
    case "公安分局":
      return `${city}公安局${district}分局`;
    case "生态环境分局":
      return `${city}生态环境局${district}分局`;
    case "规划和自然资源分局":
      return `${city}规划和自然资源局${district}分局`;
    case "税务局":
      return `国家税务总局${city}${district}税务局`;
    case "消防救援大队":
      return `${city}${district}消防救援大队`;
    case "供电局":
      return `${city.replace(/市$/, "")}供电局${district}供电局`;
    case "住房公积金管理中心办事处":
      // The city centre's office in the district: 广州住房公积金管理中心花都办事处.
      return `${city.replace(/市$/, "")}住房公积金管理中心${district.replace(/区$/, "")}办事处`;
    default:
      return name.startsWith("区") ? `${city}${district}${name.slice(1)}` : name;
  }
}
