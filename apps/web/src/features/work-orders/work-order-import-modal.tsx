import { InboxOutlined } from "@ant-design/icons";
import { Alert, App, Button, Descriptions, Modal, Space, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { type ImportResult, workOrdersApi } from "./work-orders-api.ts";

type Props = { open: boolean; onClose: () => void; onImported: () => void };
type RowError = ImportResult["errors"][number];

/**
 * Imports the city platform's export. The file is always checked first (dryRun); the server
 * writes all rows or none, so 确认导入 appears only when the check found no errors.
 */
export function WorkOrderImportModal({ open, onClose, onImported }: Props) {
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();

  const reset = () => {
    setFile(null);
    setCheck(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  const dryRun = async (f: File) => {
    setFile(f);
    setCheck(null);
    setBusy(true);
    try {
      setCheck(await workOrdersApi.importFile(f, true));
    } catch (err) {
      handleError(err);
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!file) {
      return;
    }
    setBusy(true);
    try {
      const result = await workOrdersApi.importFile(file, false);
      if (result.errors.length > 0) {
        // Data changed between the check and the import: show the new errors, nothing was written.
        setCheck(result);
        return;
      }
      void message.success(`导入完成：新建 ${result.created} 条，已存在 ${result.existing} 条`);
      reset();
      onImported();
    } catch (err) {
      handleError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="导入工单"
      open={open}
      width={760}
      onCancel={close}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={close}>取消</Button>
          <Button
            type="primary"
            disabled={!check || check.errors.length > 0 || check.created === 0}
            loading={busy}
            onClick={() => void commit()}
          >
            确认导入
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        支持市12345平台导出的 .xlsx 或 UTF-8 编码的 .csv
        文件（列：工单编号、受理时间、工单类型、诉求分类、标题、诉求内容等）。先校验全部行，无错误后才可导入；按市平台工单编号去重。
      </Typography.Paragraph>
      <Upload.Dragger
        accept=".xlsx,.csv"
        maxCount={1}
        showUploadList={false}
        disabled={busy}
        beforeUpload={(f) => {
          void dryRun(f);
          // Keep the file in the browser: the API takes the raw body, not a multipart form.
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{file ? `已选择：${file.name}（点击或拖入以更换）` : "点击或将文件拖到此处"}</p>
      </Upload.Dragger>
      {busy && !check && <Alert type="info" showIcon title="正在校验…" style={{ marginTop: 16 }} />}
      {check && (
        <div style={{ marginTop: 16 }}>
          <Descriptions
            size="small"
            bordered
            column={3}
            items={[
              { key: "rows", label: "数据行", children: check.rows },
              { key: "created", label: check.dryRun ? "将新建" : "已新建", children: check.created },
              { key: "existing", label: "已存在（跳过）", children: check.existing },
            ]}
          />
          {check.errors.length > 0 ? (
            <>
              <Alert
                type="error"
                showIcon
                title={`发现 ${check.errors.length} 处错误，整个文件未导入。请修改后重新上传。`}
                style={{ margin: "16px 0 8px" }}
              />
              <Table<RowError>
                rowKey={(e) => `${e.row}:${e.field}:${e.message}`}
                size="small"
                dataSource={check.errors}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                columns={[
                  { title: "行号", dataIndex: "row", width: 80 },
                  { title: "字段", dataIndex: "field", width: 140 },
                  { title: "问题", dataIndex: "message" },
                ]}
              />
            </>
          ) : (
            <Alert
              type="success"
              showIcon
              title={check.created > 0 ? "校验通过，可以导入。" : "校验通过，但文件中的工单都已存在，无需导入。"}
              style={{ marginTop: 16 }}
            />
          )}
        </div>
      )}
    </Modal>
  );
}
