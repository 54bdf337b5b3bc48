import { InboxOutlined } from "@ant-design/icons";
import { Alert, App, Modal, Table, Upload } from "antd";
import { useState } from "react";
import type { CatalogImportResult } from "../../../../../packages/contracts/src/catalog.ts";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { catalogApi } from "./catalog-api.ts";

/** Checks the workbook first (dry run); importing writes every change in one go, or nothing. */
export function CatalogImportModal(props: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<CatalogImportResult | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (f: File) => {
    setFile(f);
    setCheck(null);
    setBusy(true);
    try {
      setCheck(await catalogApi.importFile(f, true));
    } catch (err) {
      handleError(err);
    } finally {
      setBusy(false);
    }
  };
  const run = async () => {
    if (!file) {
      return;
    }
    setBusy(true);
    try {
      const result = await catalogApi.importFile(file, false);
      if (result.errors.length > 0) {
        setCheck(result);
        return;
      }
      void message.success(`已导入：新增 ${result.created} 项，修改 ${result.changed} 项，未变 ${result.unchanged} 项`);
      props.onDone();
    } catch (err) {
      handleError(err);
    } finally {
      setBusy(false);
    }
  };
  const clean = check !== null && check.errors.length === 0;
  return (
    <Modal
      title="导入事项目录"
      open={props.open}
      onCancel={props.onClose}
      onOk={() => void run()}
      okText="确认导入"
      okButtonProps={{ disabled: !clean || check.created + check.changed === 0, loading: busy }}
      width={760}
      destroyOnHidden
    >
      <Upload.Dragger
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={(f) => {
          void choose(f);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{file ? `已选择：${file.name}` : "点击或将 .xlsx 文件拖到此处"}</p>
        <p className="ant-upload-hint">工作表“事项”和“材料”，格式同“导出 Excel”；表中没有的事项保持不变</p>
      </Upload.Dragger>
      {check && clean && (
        <Alert
          style={{ marginTop: 16 }}
          type="success"
          showIcon
          title={`检查通过：${check.items} 个事项、${check.materials} 份材料；将新增 ${check.created} 项、修改 ${check.changed} 项，${check.unchanged} 项不变`}
        />
      )}
      {check && !clean && (
        <>
          <Alert
            style={{ marginTop: 16 }}
            type="error"
            showIcon
            title={`发现 ${check.errors.length} 处错误，未写入任何数据`}
          />
          <Table
            size="small"
            rowKey={(e) => `${e.sheet}-${e.row}-${e.column}-${e.message}`}
            dataSource={check.errors}
            pagination={{ pageSize: 8 }}
            columns={[
              { title: "工作表", dataIndex: "sheet" },
              { title: "行", dataIndex: "row" },
              { title: "列", dataIndex: "column" },
              { title: "问题", dataIndex: "message" },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
