import { Empty, Spin, theme } from "antd";
import type { ReactNode } from "react";

type RecordListProps<T> = {
  items: readonly T[];
  render: (item: T) => ReactNode;
  itemKey: (item: T) => string;
  loading?: boolean;
  empty?: string;
  /** Items side by side, this many to a row on wide screens. */
  columns?: number;
};

/**
 * A plain list of records (title, description, actions): antd's List is deprecated in antd 6 and
 * logs a console error on every render, which the browser test counts as a defect.
 */
export function RecordList<T>({
  items,
  render,
  itemKey,
  loading = false,
  empty = "暂无数据",
  columns,
}: RecordListProps<T>) {
  const { token } = theme.useToken();
  const grid = columns
    ? {
        display: "grid",
        gridTemplateColumns: `repeat(auto-fill, minmax(${Math.floor(960 / columns)}px, 1fr))`,
        gap: 12,
      }
    : {};
  return (
    <Spin spinning={loading}>
      {items.length === 0 && !loading ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      ) : (
        <ul style={{ listStyle: "none", margin: 0, padding: 0, ...grid }}>
          {items.map((item) => (
            <li
              key={itemKey(item)}
              style={{ padding: "12px 0", borderBottom: columns ? undefined : `1px solid ${token.colorSplit}` }}
            >
              {render(item)}
            </li>
          ))}
        </ul>
      )}
    </Spin>
  );
}

/** One record's title over its description, with optional actions at the right. */
export function RecordListItem({
  title,
  description,
  actions,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  const { token } = theme.useToken();
  return (
    <div style={{ display: "flex", gap: 16, alignItems: "flex-start" }}>
      <div style={{ flex: 1, minWidth: 0 }}>
        <div style={{ fontWeight: 500, marginBottom: description ? 4 : 0 }}>{title}</div>
        {description && <div style={{ color: token.colorTextSecondary }}>{description}</div>}
      </div>
      {actions && <div>{actions}</div>}
    </div>
  );
}
