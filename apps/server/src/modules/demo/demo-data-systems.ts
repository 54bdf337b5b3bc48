import type { Rng } from "../catalog/demo-catalog.ts";

/*
 * 信息系统台账: the 109 business systems the 2022 report says run on the district's 政务云 (信创云),
 * plus the systems that stay on a vertical network (公安网, 税务专网, 电力专网 …) and so are not on it.
 */

/** [owner (a department's short name, a bureau unit, "bureau" or "town"), name]. */
const BUREAU_SYSTEMS: ReadonlyArray<readonly [string, string]> = [
  ["bureau", "花都区政务工作平台"],
  ["bureau", "穗智管花都分平台"],
  ["bureau", "花都区政务数据共享交换平台"],
  ["bureau", "花都区数据资源目录系统"],
  ["bureau", "花都区公共数据开放平台"],
  ["bureau", "花都区一网统管城市运行指挥中心"],
  ["bureau", "花都区电子证照系统"],
  ["bureau", "花都区统一身份认证平台"],
  ["bureau", "花都区视频共享平台"],
  ["bureau", "花都区疫情防控指挥平台"],
  ["区信息技术中心", "花都区信创云运维管理平台"],
  ["区信息技术中心", "花都区网络安全态势感知平台"],
  ["区信息技术中心", "花都区融合通信平台"],
  ["区信息技术中心", "花都区电子政务外网管理系统"],
  ["区信息技术中心", "花都区视频会议系统"],
  ["区政务服务中心", "12345 热线花都分中心系统"],
  ["区政务服务中心", "花都区政务服务综合受理平台"],
  ["区政务服务中心", "花都区政务服务“好差评”系统"],
  ["区政务服务中心", "花都区智能排队叫号系统"],
  ["区政务服务中心", "花都区自助终端管理系统"],
  ["区城市社区网格化服务管理中心", "花都区网格化服务管理信息系统"],
  ["区城市社区网格化服务管理中心", "花都区城中村“智”理平台"],
  ["公共资源交易管理科", "花都区公共资源交易平台"],
  ["政务服务监督管理科", "花都区政务服务效能监察系统"],
];

/** Each department's systems: [short name of the department, names…]. */
const DEPARTMENT_SYSTEMS: ReadonlyArray<readonly [string, ...string[]]> = [
  ["区人力资源和社会保障局", "就业创业服务系统", "劳动保障监察系统"],
  ["区住房和城乡建设局", "建设工程质量安全监管系统", "住房保障管理系统"],
  ["区城市管理和综合执法局", "数字城管系统", "违法建设治理系统"],
  ["区市场监督管理局", "市场监管综合业务系统", "食品安全智慧监管平台"],
  ["公安分局", "出租屋与流动人员管理系统"],
  ["区教育局", "义务教育招生报名系统", "教育资源公共服务平台"],
  ["区卫生健康局", "全民健康信息平台", "疫情防控流调溯源系统"],
  ["区交通运输局", "交通运输综合执法系统", "公交运营监测系统"],
  ["区水务局", "河长制信息管理系统", "排水设施管理系统"],
  ["生态环境分局", "生态环境监测监控平台", "污染源在线监控系统"],
  ["区民政局", "社会救助信息系统", "智慧养老服务平台"],
  ["规划和自然资源分局", "国土空间基础信息平台", "“多规合一”业务协同平台"],
  ["区发展和改革局", "政府投资项目管理系统", "社会信用信息平台"],
  ["区工业和信息化局", "工业企业运行监测系统", "中小企业服务平台"],
  ["区科学技术局", "科技项目管理系统"],
  ["区财政局", "预算管理一体化系统", "国有资产管理系统"],
  ["区司法局", "人民调解信息系统", "行政执法监督系统"],
  ["区农业农村局", "农村集体“三资”管理平台", "高标准农田管理系统"],
  ["区商务局", "商贸流通监测系统"],
  ["区文化广电旅游体育局", "文化旅游综合服务平台", "公共文化服务系统"],
  ["区退役军人事务局", "退役军人服务保障系统"],
  ["区应急管理局", "应急指挥平台", "危险化学品安全监管系统"],
  ["区医疗保障局", "医保基金智能监管系统"],
  ["区统计局", "统计数据管理系统"],
  ["区林业和园林局", "林长制管理系统", "森林防火监测系统"],
  ["区信访局", "信访信息系统"],
  ["区残疾人联合会", "残疾人服务管理系统"],
  ["住房公积金管理中心办事处", "公积金业务协同系统"],
];

/** Per town/street, on the cloud. */
const TOWN_SYSTEMS = ["综合指挥调度平台", "城中村治理数据采集系统", "网格员移动巡查系统", "视频监控联网平台"] as const;

/** Systems on vertical networks, not on the 政务云. */
const OFF_CLOUD: ReadonlyArray<readonly [string, string]> = [
  ["公安分局", "公安综合警务平台（公安网）"],
  ["公安分局", "人口管理信息系统（公安网）"],
  ["公安分局", "交通违法处理系统（公安网）"],
  ["税务局", "金税三期税收管理系统"],
  ["税务局", "电子税务局"],
  ["供电局", "电力营销管理系统"],
  ["供电局", "配网调度自动化系统"],
  ["消防救援大队", "消防监督管理系统（应急专网）"],
  ["区卫生健康局", "区人民医院医院信息系统（HIS）"],
  ["区医疗保障局", "医疗保障信息平台（省集中）"],
  ["区财政局", "国库集中支付系统（财政专网）"],
];

export type SystemSpec = {
  name: string;
  /** An owner key: "bureau", a bureau unit's name, a department's short name, or a town's name. */
  owner: string;
  onCloud: boolean;
  level: 2 | 3;
};

/** Exactly `cloudCount` systems on the 政务云 (bureau, departments, then towns) and the vertical ones. */
export function demoSystems(towns: readonly string[], rng: Rng, cloudCount = 109): SystemSpec[] {
  const onCloud: SystemSpec[] = [];
  const add = (owner: string, name: string, level: 2 | 3) => onCloud.push({ name, owner, onCloud: true, level });
  for (const [owner, name] of BUREAU_SYSTEMS) {
    add(owner, name, 3);
  }
  for (const [owner, ...names] of DEPARTMENT_SYSTEMS) {
    for (const n of names) {
      // A system that holds personal data or runs a command centre is 三级; the rest 二级 or 三级.
      add(owner, `花都区${n}`, /救助|健康|流调|应急|人口|社会|公积金/.test(n) || rng() < 0.3 ? 3 : 2);
    }
  }
  for (const town of towns) {
    for (const n of TOWN_SYSTEMS) {
      add(town, `${town}${n}`, 2);
    }
  }
  if (onCloud.length < cloudCount) {
    throw new Error(`演示信息系统不足 ${cloudCount} 个（只有 ${onCloud.length} 个）`);
  }
  const offCloud = OFF_CLOUD.map(([owner, name]) => ({ name, owner, onCloud: false, level: 3 as const }));
  // The systems beyond the count are the towns' last ones: they run on the towns' own servers.
  const beyond = onCloud.slice(cloudCount).map((s) => ({ ...s, onCloud: false }));
  return [...onCloud.slice(0, cloudCount), ...offCloud, ...beyond];
}
