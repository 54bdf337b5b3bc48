import { HomeOutlined } from "@ant-design/icons";
import { Breadcrumb, Typography, theme } from "antd";
import type { ReactNode } from "react";
import { Link, useLocation } from "react-router-dom";
import { navItemFor } from "./nav-items.tsx";

/** A step below the menu entry, e.g. one ticket under 工单办理; `path` makes it a link. */
export type Crumb = { title: ReactNode; path?: string };

type Props = {
  title: ReactNode;
  description?: ReactNode;
  /** The page's actions, at the right of the title. */
  extra?: ReactNode;
  /** Steps after the menu entry the page sits under. */
  crumbs?: readonly Crumb[];
  children: ReactNode;
};

/** 首页 / the menu entry / the page's own steps; the entry links back when the page is below it. */
function useBreadcrumb(crumbs: readonly Crumb[]) {
  const { pathname } = useLocation();
  const entry = navItemFor(pathname);
  const items: { title: ReactNode }[] = [
    {
      title: (
        <Link to="/">
          <HomeOutlined /> 首页
        </Link>
      ),
    },
  ];
  if (entry && entry.path !== "/") {
    const below = crumbs.length > 0 || pathname !== entry.path;
    items.push({ title: below ? <Link to={entry.path}>{entry.label}</Link> : entry.label });
  }
  for (const c of crumbs) {
    items.push({ title: c.path ? <Link to={c.path}>{c.title}</Link> : c.title });
  }
  return items;
}

/**
 * Every staff page's shell, as Ant Design Pro's PageContainer: breadcrumb, title with the page's
 * actions, an optional description, then the content with the standard padding.
 */
export function PageContainer({ title, description, extra, crumbs = [], children }: Props) {
  const { token } = theme.useToken();
  const breadcrumb = useBreadcrumb(crumbs);
  return (
    <>
      <div
        style={{
          background: token.colorBgContainer,
          padding: "12px 24px 16px",
          borderBottom: `1px solid ${token.colorSplit}`,
        }}
      >
        <Breadcrumb items={breadcrumb} style={{ marginBottom: 8 }} />
        <div style={{ display: "flex", alignItems: "center", justifyContent: "space-between", gap: 16 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {extra && <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>{extra}</div>}
        </div>
        {description && (
          <Typography.Paragraph type="secondary" style={{ margin: "8px 0 0" }}>
            {description}
          </Typography.Paragraph>
        )}
      </div>
      <div style={{ padding: 24 }}>{children}</div>
    </>
  );
}
