import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { PublicFrame, usePublicTenant } from "../catalog/public-catalog-layout.tsx";

/** The open-data pages: the catalog and the machine-readable entry points (CKAN API, DCAT-AP). */
export function PublicDataLayout(props: { title: string; children: ReactNode }) {
  const tenant = usePublicTenant();
  return (
    <PublicFrame
      title={props.title}
      nav={
        <>
          <Link to={`/public/data?tenant=${tenant}`}>数据目录</Link>
          <a href={`/open-data/${tenant}/api/3/action/package_list`}>CKAN 接口</a>
          <a href={`/open-data/${tenant}/catalog.jsonld`}>DCAT-AP（JSON-LD）</a>
          <a href={`/open-data/${tenant}/catalog.ttl`}>DCAT-AP（Turtle）</a>
          <Link to={`/public/catalog?tenant=${tenant}`}>办事指南</Link>
        </>
      }
    >
      {props.children}
    </PublicFrame>
  );
}
