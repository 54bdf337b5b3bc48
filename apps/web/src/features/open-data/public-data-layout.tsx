import { Space, Typography } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { BrandLogo } from "../../layout/brand-logo.tsx";
import { usePublicTenant } from "../catalog/public-catalog-layout.tsx";

/** The frame of the open-data pages: title, the catalog and the machine-readable entry points. */
export function PublicDataLayout(props: { title: string; children: ReactNode }) {
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
        <Space style={{ marginBottom: 16 }} wrap>
          <Link to={`/public/data?tenant=${tenant}`}>数据目录</Link>
          <a href={`/open-data/${tenant}/api/3/action/package_list`}>CKAN 接口</a>
          <a href={`/open-data/${tenant}/catalog.jsonld`}>DCAT-AP（JSON-LD）</a>
          <a href={`/open-data/${tenant}/catalog.ttl`}>DCAT-AP（Turtle）</a>
          <Link to={`/public/catalog?tenant=${tenant}`}>办事指南</Link>
        </Space>
        {props.children}
      </div>
    </div>
  );
}
