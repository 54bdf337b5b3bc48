import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CloudUploadOutlined,
  ClusterOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  DesktopOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  FireOutlined,
  FundOutlined,
  KeyOutlined,
  LikeOutlined,
  LineChartOutlined,
  PhoneOutlined,
  PieChartOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  SolutionOutlined,
  StopOutlined,
  SwapOutlined,
  TeamOutlined,
  TrophyOutlined,
} from "@ant-design/icons";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import type { MenuKey } from "../../../../packages/contracts/src/auth.ts";

export type NavItem = {
  path: string;
  label: string;
  icon: ReactNode;
  /** The server-computed menu entry that unlocks this page; none = everyone. */
  menuKey: MenuKey | null;
  /** The side menu's submenu holding this entry (its title), if any. */
  group?: string;
};

export const NAV_ITEMS: NavItem[] = [
  { path: "/", label: "工作台", icon: <DashboardOutlined />, menuKey: null },
  { path: "/cockpit", label: "领导驾驶舱", icon: <DesktopOutlined />, menuKey: "cockpit" },
  { path: "/work-orders", label: "工单办理", icon: <PhoneOutlined />, menuKey: "workOrders" },
  { path: "/work-orders/metrics", label: "工单统计", icon: <BarChartOutlined />, menuKey: "workOrderMetrics" },
  { path: "/appeals", label: "诉求分析", icon: <FireOutlined />, menuKey: "appeals" },
  { path: "/ratings", label: "好差评", icon: <LikeOutlined />, menuKey: "ratings" },
  { path: "/online-cases", label: "网上办件", icon: <CloudUploadOutlined />, menuKey: "onlineCases" },
  { path: "/budget", label: "预算绩效", icon: <FundOutlined />, menuKey: "budget" },
  { path: "/evaluations", label: "绩效自评", icon: <TrophyOutlined />, menuKey: "evaluations" },
  { path: "/reports", label: "自评报告", icon: <FileTextOutlined />, menuKey: "reports" },
  { path: "/hall/window", label: "窗口叫号", icon: <ShopOutlined />, menuKey: "hallWindow" },
  { path: "/hall/metrics", label: "大厅统计", icon: <LineChartOutlined />, menuKey: "hallMetrics" },
  { path: "/hall/deferrals", label: "容缺受理", icon: <FileDoneOutlined />, menuKey: "deferrals" },
  { path: "/credit-flags", label: "失信名单", icon: <StopOutlined />, menuKey: "creditFlags" },
  { path: "/hall/setup", label: "大厅设置", icon: <SettingOutlined />, menuKey: "hallSetup" },
  { path: "/catalog", label: "事项目录", icon: <ProfileOutlined />, menuKey: "catalog" },
  { path: "/catalog/metrics", label: "事项统计", icon: <PieChartOutlined />, menuKey: "catalog" },
  { path: "/org", label: "组织机构", icon: <ApartmentOutlined />, menuKey: "org" },
  { path: "/users", label: "用户与角色", icon: <TeamOutlined />, menuKey: "users" },
  { path: "/api-keys", label: "接口密钥", icon: <KeyOutlined />, menuKey: "apiKeys" },
  { path: "/audit", label: "审计日志", icon: <AuditOutlined />, menuKey: "audit" },
  { path: "/jobs", label: "任务运行记录", icon: <ScheduleOutlined />, menuKey: "jobRuns" },
  {
    path: "/data/resources",
    label: "数据资源目录",
    icon: <DatabaseOutlined />,
    menuKey: "dataResources",
    group: "数据资源",
  },
  {
    path: "/data/requests",
    label: "共享申请",
    icon: <SolutionOutlined />,
    menuKey: "dataResources",
    group: "数据资源",
  },
  {
    path: "/data/credentials",
    label: "授权与凭证",
    icon: <SafetyCertificateOutlined />,
    menuKey: "dataResources",
    group: "数据资源",
  },
  {
    path: "/data/exchange-log",
    label: "交换日志",
    icon: <SwapOutlined />,
    menuKey: "dataResources",
    group: "数据资源",
  },
  {
    path: "/data/systems",
    label: "信息系统台账",
    icon: <ClusterOutlined />,
    menuKey: "dataResources",
    group: "数据资源",
  },
  {
    path: "/data/statistics",
    label: "数据统计",
    icon: <BarChartOutlined />,
    menuKey: "dataResources",
    group: "数据资源",
  },
];

/** The most specific entry for a path, so /work-orders/metrics is 工单统计, not 工单办理. */
export function navItemFor(pathname: string): NavItem | undefined {
  const matches = NAV_ITEMS.filter(
    (item) => item.path === pathname || (item.path !== "/" && pathname.startsWith(`${item.path}/`)),
  );
  return matches.sort((a, b) => b.path.length - a.path.length)[0];
}

type MenuEntry = { key: string; icon: ReactNode; label: ReactNode; children?: MenuEntry[] };

/** The side menu: the visible entries in order, those of a group gathered in its submenu (keyed "group:<title>"). */
export function navMenuItems(menu: readonly MenuKey[]): MenuEntry[] {
  const out: MenuEntry[] = [];
  for (const item of visibleNavItems(menu)) {
    const entry = { key: item.path, icon: item.icon, label: <Link to={item.path}>{item.label}</Link> };
    if (!item.group) {
      out.push(entry);
      continue;
    }
    const key = `group:${item.group}`;
    let group = out.find((e) => e.key === key);
    if (!group) {
      group = { key, icon: item.icon, label: item.group, children: [] };
      out.push(group);
    }
    group.children?.push({ ...entry, icon: undefined });
  }
  return out;
}

/** The entries this user may see, in the order above. */
export function visibleNavItems(menu: readonly MenuKey[]): NavItem[] {
  return NAV_ITEMS.filter((item) => item.menuKey === null || menu.includes(item.menuKey));
}
