import { Space, Typography } from "antd";
import type { ReactNode } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { BrandLogo } from "../../layout/brand-logo.tsx";

/** The tenant the public pages show (a district code in the URL; Huadu by default). */
export function usePublicTenant(): string {
  const [search] = useSearchParams();
  return search.get("tenant") ?? "440114";
}

/** The frame of the citizens' pages: the brand, a title and the links between sibling pages. */
export function PublicFrame(props: { title: string; nav: ReactNode; children: ReactNode }) {
  return (
    <div style={{ minHeight: "100vh", background: "#f3f6fb", padding: "40px 16px" }}>
      <div style={{ maxWidth: 960, margin: "0 auto" }}>
        <div style={{ display: "flex", alignItems: "center", gap: 12, marginBottom: 16 }}>
          <BrandLogo size={40} />
          <Typography.Title level={3} style={{ margin: 0 }}>
            {props.title}
          </Typography.Title>
        </div>
        <Space style={{ marginBottom: 16 }} wrap>
          {props.nav}
        </Space>
        {props.children}
      </div>
    </div>
  );
}

/** The catalog pages: search, bundles and booking. */
export function PublicCatalogLayout(props: { title: string; children: ReactNode }) {
  const tenant = usePublicTenant();
  return (
    <PublicFrame
      title={props.title}
      nav={
        <>
          <Link to={`/public/catalog?tenant=${tenant}`}>事项查询</Link>
          <Link to={`/public/catalog/bundles?tenant=${tenant}`}>一件事</Link>
          <Link to={`/public/appointments`}>预约办事</Link>
        </>
      }
    >
      {props.children}
    </PublicFrame>
  );
}
