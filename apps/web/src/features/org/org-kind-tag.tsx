import { Tag } from "antd";
import { ORG_KIND_LABELS, type OrgKind } from "../../../../../packages/contracts/src/org.ts";

const KIND_COLORS: Record<OrgKind, string> = {
  district: "red",
  street: "blue",
  town: "geekblue",
  community: "green",
  village: "cyan",
  bureau: "volcano",
  bureau_unit: "orange",
  department: "purple",
  department_unit: "magenta",
};

export function OrgKindTag({ kind, compact = false }: { kind: OrgKind; compact?: boolean }) {
  const style = compact ? { marginInlineEnd: 0, fontSize: 11, lineHeight: "16px", paddingInline: 4 } : undefined;
  return (
    <Tag color={KIND_COLORS[kind]} style={style}>
      {ORG_KIND_LABELS[kind]}
    </Tag>
  );
}
