import { Space, Typography } from "antd";
import type { ReactNode } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { BrandLogo } from "../../layout/brand-logo.tsx";

/** The tenant the public pages show (a district code in the URL; Huadu by default). */
export function usePublicTenant(): string {
  const [search] = useSearchParams();
  return search.get("tenant") ?? "440114";
}

/** The frame of the citizens' catalog pages: title and links between search and bundles. */
export function PublicCatalogLayout(props: { title: string; children: ReactNode }) {
  const tenant = usePublicTenant();
  return (
    <div style={{ minHeight: "100vh", background: "#f3f6fb", padding: "40px 16px" }}>
      <div style={{ maxWidth: 960, margin: "0 auto" }}>
        <div style={{ display: "flex", alignItems: "center", gap: 12, marginBottom: 16 }}>
          <BrandLogo size={40} />
          <Typography.Title level={3} style={{ margin: 0 }}>
            {props.title}
          </Typography.Title>
        </div>
        <Space style={{ marginBottom: 16 }}>
          <Link to={`/public/catalog?tenant=${tenant}`}>事项查询</Link>
          <Link to={`/public/catalog/bundles?tenant=${tenant}`}>一件事</Link>
          <Link to={`/public/appointments`}>预约办事</Link>
        </Space>
        {props.children}
      </div>
    </div>
  );
}
