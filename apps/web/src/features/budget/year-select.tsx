import { Select } from "antd";

/** The fiscal years that have data, newest first; the URL keeps the choice. */
export function YearSelect(props: { years: number[]; value: number | undefined; onChange: (y: number) => void }) {
  return (
    <Select
      aria-label="年度"
      style={{ width: 120 }}
      value={props.value}
      placeholder="选择年度"
      options={[...props.years].sort((a, b) => b - a).map((y) => ({ value: y, label: `${y} 年度` }))}
      onChange={props.onChange}
    />
  );
}
