import { Typography } from "antd";
import type { ReactNode } from "react";

type Props = {
  title: ReactNode;
  description?: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
};

/** The white page header band plus content area, as in Ant Design Pro's PageContainer. */
export function PageContainer({ title, description, extra, children }: Props) {
  return (
    <>
      <div style={{ background: "#fff", padding: "16px 24px", borderBottom: "1px solid #f0f0f0" }}>
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
