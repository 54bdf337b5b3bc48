import { Card, Select, Space, type TableColumnsType, Tag, Tooltip, Typography } from "antd";
import { useSearchParams } from "react-router-dom";
import {
  JOB_LABELS,
  JOB_NAMES,
  JOB_RUN_STATE_LABELS,
  JOB_RUN_STATES,
  JobNameSchema,
  type JobRun,
  type JobRunState,
  JobRunStateSchema,
} from "../../../../../packages/contracts/src/jobs.ts";
import { PageContainer } from "../../layout/page-container.tsx";
import { PagedTable, RefreshButton, usePagedList } from "../../shared/paged-list.tsx";
import { jobRunKeys, jobRunsApi } from "./job-runs-api.ts";

// The runs are server events, shown in the bureau's time whatever the browser's zone.
const SHANGHAI = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function shanghaiTime(iso: string | null): string {
  return iso ? SHANGHAI.format(new Date(iso)).replaceAll("/", "-") : "—";
}

function duration(run: JobRun): string {
  if (!run.finishedAt) {
    return "—";
  }
  const ms = new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime();
  return ms < 1000 ? `${ms} 毫秒` : `${(ms / 1000).toFixed(1)} 秒`;
}

const STATE_COLORS: Record<JobRunState, string> = { running: "processing", completed: "success", failed: "error" };

const SUMMARY_LABELS: Record<string, string> = {
  checked: "检查",
  raised: "升级督办",
  rated: "默认好评",
  halls: "大厅",
  created: "新增时段",
  noShows: "新记爽约",
  reminded: "提醒",
  terminated: "逾期终止",
};

const columns: TableColumnsType<JobRun> = [
  {
    title: "任务",
    dataIndex: "job",
    width: 170,
    render: (job: string) => {
      const parsed = JobNameSchema.safeParse(job);
      return parsed.success ? JOB_LABELS[parsed.data] : job;
    },
  },
  { title: "开始时间", dataIndex: "startedAt", width: 170, render: (v: string) => shanghaiTime(v) },
  { title: "结束时间", dataIndex: "finishedAt", width: 170, render: (v: string | null) => shanghaiTime(v) },
  { title: "耗时", key: "duration", width: 100, render: (_v, r) => duration(r) },
  {
    title: "状态",
    dataIndex: "state",
    width: 90,
    render: (s: JobRunState) => <Tag color={STATE_COLORS[s]}>{JOB_RUN_STATE_LABELS[s]}</Tag>,
  },
  { title: "第几次", dataIndex: "attempt", width: 80, render: (n: number) => (n > 1 ? `重试 ${n - 1}` : "首次") },
  { title: "影响行数", dataIndex: "rowsAffected", width: 100, render: (n: number | null) => n ?? "—" },
  {
    title: "明细",
    key: "summary",
    render: (_v, r) =>
      r.error ? (
        <Typography.Text type="danger" ellipsis={{ tooltip: r.error }} style={{ maxWidth: 360 }}>
          {r.error}
        </Typography.Text>
      ) : (
        Object.entries(r.summary)
          .map(([k, n]) => `${SUMMARY_LABELS[k] ?? k} ${n}`)
          .join("，") || "—"
      ),
  },
  {
    title: "执行进程",
    dataIndex: "host",
    width: 160,
    render: (h: string) => (
      <Tooltip title={h}>
        <Typography.Text type="secondary">{h}</Typography.Text>
      </Tooltip>
    ),
  },
];

const JOB_OPTIONS = JOB_NAMES.map((j) => ({ value: j, label: JOB_LABELS[j] }));
const STATE_OPTIONS = JOB_RUN_STATES.map((s) => ({ value: s, label: JOB_RUN_STATE_LABELS[s] }));

export function JobRunsPage() {
  const [params] = useSearchParams();
  const job = JobNameSchema.safeParse(params.get("job")).data;
  const state = JobRunStateSchema.safeParse(params.get("state")).data;
  const list = usePagedList({ filters: { job, state }, queryKey: jobRunKeys.list, load: jobRunsApi.list });
  return (
    <PageContainer
      title="任务运行记录"
      description="超期督办、默认好评、预约时段与爽约、容缺受理提醒等定时任务的每次运行；多台服务器共用数据库时每个周期只运行一次，失败会自动重试。时间为北京时间。"
    >
      <Card
        title="运行记录"
        extra={
          <Space>
            <Select
              aria-label="任务"
              placeholder="全部任务"
              allowClear
              style={{ width: 180 }}
              options={JOB_OPTIONS}
              value={job}
              onChange={(v?: string) => list.setFilters({ job: v, state })}
            />
            <Select
              aria-label="状态"
              placeholder="全部状态"
              allowClear
              style={{ width: 120 }}
              options={STATE_OPTIONS}
              value={state}
              onChange={(v?: string) => list.setFilters({ job, state: v })}
            />
            <RefreshButton list={list} />
          </Space>
        }
      >
        <PagedTable<JobRun> list={list} rowKey="id" size="middle" columns={columns} scroll={{ x: 1200 }} />
      </Card>
    </PageContainer>
  );
}
