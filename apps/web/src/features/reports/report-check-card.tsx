import { InboxOutlined } from "@ant-design/icons";
import { Alert, Card, Table, Tag, Upload } from "antd";
import { useState } from "react";
import { type CheckResult, FINDING_KIND_LABELS } from "../../../../../packages/contracts/src/reports.ts";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { reportsApi } from "./reports-api.ts";

/** Upload any report (ours or another department's) and list its internal contradictions. */
export function ReportCheckCard() {
  const handleError = useApiErrorHandler();
  const [result, setResult] = useState<CheckResult | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Card title="报告一致性检查">
      <Upload.Dragger
        accept=".docx,.pdf,.txt"
        showUploadList={false}
        disabled={busy}
        beforeUpload={(f) => {
          setBusy(true);
          setResult(null);
          reportsApi
            .check(f)
            .then(setResult, handleError)
            .finally(() => setBusy(false));
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{busy ? "正在检查…" : "点击或将报告拖到此处（.docx、.pdf、.txt）"}</p>
        <p className="ant-upload-hint">核对合计与分项、得分与分值、比率与数据、金额单位、重复语句和序号</p>
      </Upload.Dragger>
      {result && result.findings.length === 0 && (
        <Alert
          style={{ marginTop: 16 }}
          type="success"
          showIcon
          title={`${result.fileName}：未发现矛盾（共 ${result.lines} 行）`}
        />
      )}
      {result && result.findings.length > 0 && (
        <Table
          style={{ marginTop: 16 }}
          size="small"
          rowKey={(f) => `${f.line}-${f.kind}-${f.stated}`}
          dataSource={result.findings}
          pagination={false}
          title={() => `${result.fileName}：发现 ${result.findings.length} 处问题`}
          columns={[
            { title: "行", dataIndex: "line", width: 60 },
            {
              title: "类型",
              dataIndex: "kind",
              width: 150,
              render: (k: keyof typeof FINDING_KIND_LABELS) => <Tag color="red">{FINDING_KIND_LABELS[k]}</Tag>,
            },
            { title: "报告所述", dataIndex: "stated" },
            { title: "按报告数据计算", dataIndex: "computed" },
            { title: "说明", dataIndex: "message" },
          ]}
        />
      )}
    </Card>
  );
}
