import { TreeSelect } from "antd";
import { useMemo } from "react";
import { useWholeOrgTree } from "./org-api.ts";
import { buildOrgTree, toSelectTree } from "./org-tree.ts";

type Props = {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  placeholder?: string;
};

/** Picks one organisation unit the user can see; works as a Form.Item control. */
export function OrgUnitSelect({ id, value, onChange, placeholder = "请选择机构" }: Props) {
  const { data, isFetching: loading } = useWholeOrgTree();
  const { treeData, rootIds } = useMemo(() => {
    const tree = buildOrgTree(data?.units ?? []);
    return { treeData: toSelectTree(tree.roots), rootIds: tree.roots.map((r) => r.key) };
  }, [data]);

  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={onChange}
      treeData={treeData}
      loading={loading}
      placeholder={placeholder}
      showSearch={{ treeNodeFilterProp: "title" }}
      allowClear
      treeDefaultExpandedKeys={rootIds}
      listHeight={320}
      style={{ width: "100%" }}
    />
  );
}
