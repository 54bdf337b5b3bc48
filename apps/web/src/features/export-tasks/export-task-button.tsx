import { DownloadOutlined } from "@ant-design/icons";
import { Button, Drawer, Progress, Space, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useCallback, useEffect, useState } from "react";
import {
  EXPORT_KIND_LABELS,
  EXPORT_STATE_LABELS,
  type ExportKind,
  type ExportTask,
} from "../../../../../packages/contracts/src/export-tasks.ts";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { RecordList, RecordListItem } from "../../shared/record-list.tsx";
import { exportTasksApi } from "./export-tasks-api.ts";

const POLL_MS = 1000;

const shanghai = (iso: string) =>
  dayjs(new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 19)).format("YYYY-MM-DD HH:mm");

/**
 * 导出Excel as a background task (导出任务): starts the export, then shows the user's tasks with
 * their progress and a download link once ready. A full year takes a minute or more; the page and
 * the server stay usable meanwhile.
 */
export function ExportTaskButton({ kind, filter }: { kind: ExportKind; filter: Record<string, string | undefined> }) {
  const [open, setOpen] = useState(false);
  const [starting, setStarting] = useState(false);
  const [tasks, setTasks] = useState<ExportTask[]>([]);
  const handleError = useApiErrorHandler();

  const refresh = useCallback(
    (signal?: AbortSignal) =>
      exportTasksApi
        .list(signal)
        .then((r) => setTasks(r.items))
        .catch(handleError),
    [handleError],
  );
  const running = tasks.some((t) => t.state === "running");
  useEffect(() => {
    if (!open) {
      return;
    }
    const ctl = new AbortController();
    void refresh(ctl.signal);
    // Poll only while a task is being written.
    const timer = running ? setInterval(() => void refresh(ctl.signal), POLL_MS) : undefined;
    return () => {
      ctl.abort();
      clearInterval(timer);
    };
  }, [open, running, refresh]);

  const start = async () => {
    setStarting(true);
    try {
      // Empty fields are left out: the server reads an absent filter as "all".
      const given = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== ""));
      const task = await exportTasksApi.start({ kind, filter: given });
      setTasks((ts) => [task, ...ts.filter((t) => t.id !== task.id)]);
      setOpen(true);
    } catch (err) {
      handleError(err);
    } finally {
      setStarting(false);
    }
  };

  return (
    <>
      <Space.Compact>
        <Button icon={<DownloadOutlined />} loading={starting} onClick={() => void start()}>
          导出Excel
        </Button>
        <Button onClick={() => setOpen(true)}>导出任务</Button>
      </Space.Compact>
      <Drawer title="导出任务" open={open} onClose={() => setOpen(false)} size={440}>
        <Typography.Paragraph type="secondary">
          导出在后台分批生成，完成后可下载；文件保留 24 小时，仅本人可下载。
        </Typography.Paragraph>
        <RecordList
          items={tasks}
          itemKey={(t) => t.id}
          empty="暂无导出任务"
          render={(t) => (
            <RecordListItem
              actions={t.state === "done" ? <a href={exportTasksApi.downloadUrl(t.id)}>下载</a> : undefined}
              title={
                <Space>
                  {EXPORT_KIND_LABELS[t.kind]}
                  <Tag color={t.state === "done" ? "green" : t.state === "failed" ? "red" : "blue"}>
                    {EXPORT_STATE_LABELS[t.state]}
                  </Tag>
                </Space>
              }
              description={
                <>
                  <div>
                    {shanghai(t.createdAt)} 创建 · {t.rows.toLocaleString("zh-CN")} / {t.total.toLocaleString("zh-CN")}{" "}
                    行
                  </div>
                  {t.state === "running" && (
                    <Progress percent={t.total > 0 ? Math.floor((t.rows / t.total) * 100) : 0} size="small" />
                  )}
                  {t.error && <Typography.Text type="danger">{t.error}</Typography.Text>}
                </>
              }
            />
          )}
        />
      </Drawer>
    </>
  );
}
