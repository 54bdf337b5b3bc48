import { InboxOutlined } from "@ant-design/icons";
import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Modal, Table, Typography, Upload } from "antd";
import { type ReactNode, useState } from "react";
import { useApiErrorHandler } from "./errors.ts";

/** One problem in the file, wherever the endpoint puts it (sheet optional: a CSV has none). */
export type ImportIssue = { sheet?: string; row: number; column: string; message: string };

type Props<R> = {
  title: string;
  open: boolean;
  onClose: () => void;
  /** ".xlsx" or ".xlsx,.csv". */
  accept: string;
  /** What the file must hold, under the drop zone. */
  hint: ReactNode;
  intro?: ReactNode;
  /** Sends the raw file; `dryRun` checks every row and writes nothing. */
  upload: (file: File, dryRun: boolean) => Promise<R>;
  issuesOf: (result: R) => ImportIssue[];
  /** What the clean check found (or, after the import, did); shown above the button. */
  summary: (result: R) => ReactNode;
  /** When a clean check still leaves nothing to import (e.g. every row exists already). */
  nothingToDo?: (result: R) => boolean;
  done: (result: R) => string;
  okText?: string;
  invalidates?: readonly QueryKey[];
  onDone: () => void;
  width?: number;
};

/**
 * A spreadsheet import: choosing a file checks all of it on the server (dry run, nothing written);
 * the import button comes alive only for a clean file, and the server again writes all rows or none
 * (a file that went bad meanwhile shows its new problems). Problems are listed by sheet, row and column.
 */
export function ImportModal<R>({
  title,
  open,
  onClose,
  accept,
  hint,
  intro,
  upload,
  issuesOf,
  summary,
  nothingToDo = () => false,
  done,
  okText = "确认导入",
  invalidates = [],
  onDone,
  width = 760,
}: Props<R>) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<R | null>(null);

  const dryRun = useMutation({
    mutationFn: (f: File) => upload(f, true),
    onSuccess: setCheck,
    onError: (err) => handleError(err),
  });
  const commit = useMutation({
    mutationFn: (f: File) => upload(f, false),
    onSuccess: (result) => {
      if (issuesOf(result).length > 0) {
        setCheck(result);
        return;
      }
      void message.success(done(result));
      for (const queryKey of invalidates) {
        void queryClient.invalidateQueries({ queryKey });
      }
      setFile(null);
      setCheck(null);
      onDone();
    },
    onError: (err) => handleError(err),
  });

  const close = () => {
    setFile(null);
    setCheck(null);
    onClose();
  };
  const issues = check ? issuesOf(check) : [];
  const ready = check !== null && issues.length === 0 && !nothingToDo(check);
  const busy = dryRun.isPending || commit.isPending;
  const hasSheets = issues.some((i) => i.sheet);

  return (
    <Modal
      title={title}
      open={open}
      width={width}
      onCancel={close}
      onOk={() => file && commit.mutate(file)}
      okText={okText}
      okButtonProps={{ disabled: !ready, loading: busy }}
      destroyOnHidden
    >
      {intro && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {intro}
        </Typography.Paragraph>
      )}
      <Upload.Dragger
        accept={accept}
        maxCount={1}
        showUploadList={false}
        disabled={busy}
        beforeUpload={(f) => {
          setFile(f);
          setCheck(null);
          dryRun.mutate(f);
          // Keep the file in the browser: the API takes the raw body, not a multipart form.
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{file ? `已选择：${file.name}（点击或拖入以更换）` : "点击或将文件拖到此处"}</p>
        <p className="ant-upload-hint">{hint}</p>
      </Upload.Dragger>
      {dryRun.isPending && <Alert type="info" showIcon title="正在校验…" style={{ marginTop: 16 }} />}
      {check && issues.length === 0 && (
        <Alert style={{ marginTop: 16 }} type={ready ? "success" : "info"} showIcon title={summary(check)} />
      )}
      {check && issues.length > 0 && (
        <>
          <Alert
            style={{ margin: "16px 0 8px" }}
            type="error"
            showIcon
            title={`发现 ${issues.length} 处错误，整个文件未导入。请修改后重新上传。`}
          />
          <Table<ImportIssue>
            size="small"
            rowKey={(e) => `${e.sheet ?? ""}-${e.row}-${e.column}-${e.message}`}
            dataSource={issues}
            pagination={{ pageSize: 8, hideOnSinglePage: true }}
            columns={[
              ...(hasSheets ? [{ title: "工作表", dataIndex: "sheet", width: 110 }] : []),
              { title: "行", dataIndex: "row", width: 70 },
              { title: "列", dataIndex: "column", width: 140 },
              { title: "问题", dataIndex: "message" },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
