import { DownOutlined, FilePdfOutlined, FileWordOutlined, SearchOutlined } from "@ant-design/icons";
import { App, Button, DatePicker, Dropdown, Form, Select, Space, Tabs, TreeSelect } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { PageContainer } from "../../layout/page-container.tsx";
import { compactParams } from "../../shared/url-params.ts";
import { useMe } from "../auth/session.tsx";
import { useOrgUnits } from "../work-orders/use-org-units.ts";
import { type AppealsParams, addDays, mondayOf, readAppealsParams, shanghaiDay } from "./appeals-params.ts";
import {
  errorText,
  HotSpotsSection,
  HotTopicsSection,
  RepeatCallersSection,
  RisingSection,
} from "./appeals-sections.tsx";
import { dashboardApi, downloadBriefing } from "./dashboard-api.ts";

type Values = { period: [Dayjs, Dayjs]; week: Dayjs; townId?: string; unitId?: string };

const DAY_FORMAT = "YYYY-MM-DD";

const firstOf = (day: string) => `${day.slice(0, 7)}-01`;
const nextFirst = (first: string) => firstOf(addDays(first, 32));

/** The weekly briefing's week (the tested week) and the monthly's month (the last one ended by then). */
export function briefingSpans(p: AppealsParams, now: Date) {
  const weekFrom = mondayOf(p.week);
  const monthOfTo = firstOf(p.to);
  // A month not over yet has no monthly briefing: take the one before it.
  const ended = addDays(nextFirst(monthOfTo), -1) < shanghaiDay(now);
  const first = ended ? monthOfTo : firstOf(addDays(monthOfTo, -1));
  return {
    week: { from: weekFrom, to: addDays(weekFrom, 6) },
    month: { from: first, to: addDays(nextFirst(first), -1) },
  };
}

function FilterForm({ value, onSearch }: { value: AppealsParams; onSearch: (p: AppealsParams) => void }) {
  const [form] = Form.useForm<Values>();
  const { towns, dispatchTree } = useOrgUnits();
  const initialValues: Values = {
    period: [dayjs(value.from), dayjs(value.to)],
    week: dayjs(value.week),
    townId: value.townId,
    unitId: value.unitId,
  };
  return (
    <Form<Values>
      form={form}
      layout="inline"
      initialValues={initialValues}
      style={{ marginBottom: 16, rowGap: 8 }}
      onFinish={(v) =>
        onSearch({
          from: v.period[0].format(DAY_FORMAT),
          to: v.period[1].format(DAY_FORMAT),
          week: v.week.format(DAY_FORMAT),
          townId: v.townId,
          unitId: v.unitId,
        })
      }
    >
      <Form.Item name="period" label="分析期间" rules={[{ required: true, message: "请选择分析期间" }]}>
        <DatePicker.RangePicker allowClear={false} />
      </Form.Item>
      <Form.Item name="week" label="上升检验周" rules={[{ required: true, message: "请选择检验周" }]}>
        <DatePicker picker="week" allowClear={false} />
      </Form.Item>
      <Form.Item name="townId" label="镇街">
        <Select
          allowClear
          placeholder="全部镇街"
          style={{ width: 160 }}
          options={towns.map((t) => ({ value: t.id, label: t.name }))}
        />
      </Form.Item>
      <Form.Item name="unitId" label="承办单位">
        <TreeSelect
          allowClear
          showSearch
          placeholder="全部单位"
          style={{ width: 220 }}
          treeData={dispatchTree}
          treeNodeFilterProp="title"
        />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          查询
        </Button>
      </Form.Item>
    </Form>
  );
}

function BriefingButtons({ params }: { params: AppealsParams }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const spans = briefingSpans(params, new Date());
  const get = async (kind: "week" | "month", format: "docx" | "pdf") => {
    const span = spans[kind];
    setBusy(true);
    try {
      await downloadBriefing(
        dashboardApi.briefingUrl(span.from, span.to, format),
        `诉求分析${kind === "week" ? "周报" : "月报"}-${span.from}.${format}`,
      );
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const menu = (kind: "week" | "month") => ({
    items: [
      { key: "docx", icon: <FileWordOutlined />, label: "Word（DOCX）" },
      { key: "pdf", icon: <FilePdfOutlined />, label: "PDF" },
    ],
    onClick: ({ key }: { key: string }) => void get(kind, key === "pdf" ? "pdf" : "docx"),
  });
  return (
    <Space>
      <Space.Compact>
        <Button icon={<FileWordOutlined />} loading={busy} onClick={() => void get("week", "docx")}>
          周报 {spans.week.from} 至 {spans.week.to}
        </Button>
        <Dropdown menu={menu("week")}>
          <Button icon={<DownOutlined />} aria-label="周报的其他格式" />
        </Dropdown>
      </Space.Compact>
      <Space.Compact>
        <Button icon={<FileWordOutlined />} loading={busy} onClick={() => void get("month", "docx")}>
          月报 {spans.month.from.slice(0, 7)}
        </Button>
        <Dropdown menu={menu("month")}>
          <Button icon={<DownOutlined />} aria-label="月报的其他格式" />
        </Dropdown>
      </Space.Compact>
    </Space>
  );
}

/** 诉求分析: hot topics, rising topics (with their test), hot spots, repeat callers, and the briefings. */
export function AppealsPage() {
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const params = readAppealsParams(search, new Date());
  return (
    <PageContainer
      title="诉求分析"
      description="市民诉求的热点、上升话题、聚集点与重复来电；日期按北京时间，默认为上一个完整周。号码均已脱敏。"
      extra={me.menu.includes("briefings") ? <BriefingButtons params={params} /> : undefined}
    >
      <FilterForm key={JSON.stringify(params)} value={params} onSearch={(p) => setSearch(compactParams(p))} />
      <Tabs
        items={[
          { key: "hot", label: "热点", children: <HotTopicsSection params={params} /> },
          { key: "rising", label: "上升话题", children: <RisingSection params={params} /> },
          { key: "spots", label: "聚集点", children: <HotSpotsSection params={params} /> },
          { key: "callers", label: "重复来电", children: <RepeatCallersSection params={params} /> },
        ]}
      />
    </PageContainer>
  );
}
