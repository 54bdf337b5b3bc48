import { TreeSelect } from "antd";
import { useOrgUnits } from "./use-org-units.ts";

type Props = {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
};

/** Picks the unit to handle a ticket (departments, towns, villages…); works as a Form.Item control. */
export function DispatchUnitSelect({ id, value, onChange }: Props) {
  const { dispatchTree, rootIds, loading } = useOrgUnits();
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={onChange}
      treeData={dispatchTree}
      loading={loading}
      // Typing into an empty tree would search nothing; wait until the units are in.
      disabled={loading && dispatchTree.length === 0}
      placeholder="搜索或选择承办单位"
      showSearch={{ treeNodeFilterProp: "title" }}
      allowClear
      treeDefaultExpandedKeys={rootIds}
      listHeight={320}
      style={{ width: "100%" }}
    />
  );
}
