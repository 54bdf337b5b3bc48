import { UploadOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Form, Input, Modal, Radio, Table, Typography, Upload } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { RowIssueSchema } from "../../../../../packages/contracts/src/data-sharing-batches.ts";
import { isApiError } from "../../api/client.ts";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { BUREAU_TZ } from "../../shared/format.ts";
import { dataApi, dataKeys } from "./data-api.ts";

type Mode = "reject" | "quarantine";
type Issue = { row: number; column: string; message: string };
type Refusal = { message: string; issues: Issue[] };

/** A fresh batch id from the Beijing time of the upload; the server refuses a reused id with other content. */
const newBatchId = () => `upload-${dayjs().tz(BUREAU_TZ).format("YYYYMMDD-HHmmss")}`;

/** The server's refusal as the dialog shows it: its message, and the row/column table when there is one. */
function refusalOf(err: unknown): Refusal | null {
  if (!isApiError(err) || ![400, 413, 422].includes(err.status)) {
    return null;
  }
  const rows = RowIssueSchema.array().safeParse(err.details);
  return { message: err.message, issues: rows.success ? rows.data : [] };
}

/**
 * 上传数据文件: a CSV (UTF-8, header = 信息项 names) or XLSX fills the resource as one batch. The
 * provider chooses what happens to bad rows: the whole file refused (the default) or the bad rows
 * quarantined and listed; a refusal lists every bad cell by row and column, and nothing is written.
 */
export function BatchUpload({ code }: { code: string }) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [batchId, setBatchId] = useState(newBatchId);
  const [mode, setMode] = useState<Mode>("reject");
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const close = () => {
    setOpen(false);
    setFile(null);
    setRefusal(null);
  };
  const upload = useMutation({
    mutationFn: (f: File) => dataApi.uploadBatch(code, f, batchId, mode),
    onSuccess: (b) => {
      void message.success(
        b.quarantined > 0
          ? `已接收 ${b.accepted} 行，${b.quarantined} 行问题数据已隔离（见批次明细）`
          : `已接收 ${b.accepted} 行`,
      );
      void queryClient.invalidateQueries({ queryKey: dataKeys.all });
      close();
    },
    onError: (err) => {
      const r = refusalOf(err);
      if (r) {
        setRefusal(r);
        return;
      }
      handleError(err);
    },
  });

  return (
    <>
      <Button
        icon={<UploadOutlined />}
        onClick={() => {
          setBatchId(newBatchId());
          setOpen(true);
        }}
      >
        上传数据文件
      </Button>
      <Modal
        title="上传数据文件"
        open={open}
        width={760}
        onCancel={close}
        onOk={() => file && upload.mutate(file)}
        okText="上传"
        okButtonProps={{ disabled: !file || batchId.trim() === "", loading: upload.isPending }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          CSV（UTF-8 编码）或 Excel（.xlsx）文件，第 1 行为信息项名称；文件不超过 100
          MB。同一批次号重复上传同一文件不会重复入库。
        </Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label="批次号">
            <Input aria-label="批次号" value={batchId} onChange={(e) => setBatchId(e.target.value)} maxLength={64} />
          </Form.Item>
          <Form.Item label="问题数据的处理">
            <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
              <Radio value="reject">整批拒收（有任何问题行则整个文件不入库）</Radio>
              <Radio value="quarantine">隔离问题行（正确的行入库，问题行列出）</Radio>
            </Radio.Group>
          </Form.Item>
        </Form>
        <Upload
          accept=".csv,.xlsx"
          maxCount={1}
          fileList={[]}
          beforeUpload={(f) => {
            setFile(f);
            setRefusal(null);
            // Kept in the browser: the API takes the raw file as the body.
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>选择文件</Button>
        </Upload>
        {file && <Typography.Text style={{ marginLeft: 8 }}>{file.name}</Typography.Text>}
        {refusal && (
          <>
            <Alert type="error" showIcon style={{ marginTop: 16 }} title={refusal.message} />
            {refusal.issues.length > 0 && (
              <Table<Issue>
                style={{ marginTop: 12 }}
                size="small"
                rowKey={(i) => `${i.row}-${i.column}`}
                dataSource={refusal.issues}
                pagination={{ pageSize: 10, showTotal: (t) => `共 ${t} 处` }}
                columns={[
                  { title: "行", dataIndex: "row", width: 70 },
                  { title: "列（信息项）", dataIndex: "column", width: 180 },
                  { title: "问题", dataIndex: "message" },
                ]}
              />
            )}
          </>
        )}
      </Modal>
    </>
  );
}
