import { InboxOutlined } from "@ant-design/icons";
import { Alert, App, Modal, Table, Upload } from "antd";
import { useState } from "react";
import type { BudgetImportResult } from "../../../../../packages/contracts/src/budget.ts";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { budgetApi } from "./budget-api.ts";

/** Checks the workbook first (dry run); importing replaces the year's projects only when it is clean. */
export function BudgetImportModal(props: { year: number; open: boolean; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<BudgetImportResult | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (f: File) => {
    setFile(f);
    setCheck(null);
    setBusy(true);
    try {
      setCheck(await budgetApi.importFile(props.year, f, true));
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
      const result = await budgetApi.importFile(props.year, file, false);
      if (result.errors.length > 0) {
        setCheck(result);
        return;
      }
      void message.success(`已导入 ${result.projects} 个项目、${result.indicators} 个绩效指标`);
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
      title={`导入 ${props.year} 年度预算项目与绩效指标`}
      open={props.open}
      onCancel={props.onClose}
      onOk={() => void run()}
      okText="导入并替换本年度项目"
      okButtonProps={{ disabled: !clean, loading: busy }}
      width={720}
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
        <p className="ant-upload-hint">工作表“预算项目”和“绩效指标”，格式同“导出 Excel”</p>
      </Upload.Dragger>
      {check && clean && (
        <Alert
          style={{ marginTop: 16 }}
          type="success"
          showIcon
          title={`检查通过：${check.projects} 个项目、${check.indicators} 个指标`}
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
            rowKey={(e) => `${e.sheet}-${e.row}-${e.field}-${e.message}`}
            dataSource={check.errors}
            pagination={{ pageSize: 8 }}
            columns={[
              { title: "工作表", dataIndex: "sheet" },
              { title: "行", dataIndex: "row" },
              { title: "列", dataIndex: "field" },
              { title: "问题", dataIndex: "message" },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
