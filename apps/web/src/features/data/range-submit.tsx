import { Button, DatePicker, Form } from "antd";

/** The data pages' filter forms end alike: a day range, 查询, and 重置 (which clears the URL's filters). */
export function RangeSubmit({ onReset }: { onReset: () => void }) {
  return (
    <>
      <Form.Item name="range">
        <DatePicker.RangePicker />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        查询
      </Button>
      <Button onClick={onReset} style={{ marginLeft: 8 }}>
        重置
      </Button>
    </>
  );
}
