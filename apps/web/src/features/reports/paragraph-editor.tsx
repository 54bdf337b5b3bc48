import { useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Input, Modal, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { RecordList, RecordListItem } from "../../shared/record-list.tsx";
import { reportKeys, reportsApi } from "./reports-api.ts";

/** The report's narrative: text is free, numbers only as {{数据项}} so every figure stays computed. */
export function ParagraphEditor({ year }: { year: number }) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: reportKeys.paragraphs(year),
    queryFn: ({ signal }) => reportsApi.paragraphs(year, signal),
  });
  // A paragraph is part of the preview too.
  const changed = () => void queryClient.invalidateQueries({ queryKey: reportKeys.all });
  const [editing, setEditing] = useState<{ key: string; label: string; text: string } | null>(null);
  const save = async () => {
    if (!editing) {
      return;
    }
    try {
      await reportsApi.saveParagraph(year, editing.key, editing.text);
      void message.success("段落已保存");
      setEditing(null);
      changed();
    } catch (err) {
      handleError(err);
    }
  };
  return (
    <>
      <RecordList
        loading={list.isFetching}
        items={list.data?.items ?? []}
        itemKey={(p) => p.key}
        render={(p) => (
          <RecordListItem
            actions={
              list.data?.canEdit ? (
                <Space>
                  <Button key="e" size="small" onClick={() => setEditing({ key: p.key, label: p.label, text: p.text })}>
                    编辑
                  </Button>
                  {p.edited ? (
                    <Button
                      key="r"
                      size="small"
                      onClick={() =>
                        void reportsApi.resetParagraph(year, p.key).then(() => {
                          changed();
                        }, handleError)
                      }
                    >
                      恢复默认
                    </Button>
                  ) : null}
                </Space>
              ) : undefined
            }
            title={
              <Space>
                {p.label}
                {p.edited && <Tag color="blue">已修改</Tag>}
              </Space>
            }
            description={
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                {p.text}
              </Typography.Paragraph>
            }
          />
        )}
      />
      <Modal
        title={editing ? `编辑段落：${editing.label}` : ""}
        open={editing !== null}
        onCancel={() => setEditing(null)}
        onOk={() => void save()}
        okText="保存"
        width={720}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          数字请用 {"{{数据项}}"} 引用（如 {"{{hotline.tickets}}"}、{"{{budget.revenueWan}}"}
          ），生成报告时按最新数据计算；{"{{year}}"} 为年度，{"{{org}}"} 为单位名称。
        </Typography.Paragraph>
        <Input.TextArea
          rows={8}
          value={editing?.text}
          onChange={(e) => editing && setEditing({ ...editing, text: e.target.value })}
          maxLength={5000}
          showCount
        />
      </Modal>
    </>
  );
}
