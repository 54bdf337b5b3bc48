import { useQuery } from "@tanstack/react-query";
import { Button, Tag, Typography } from "antd";
import type { z } from "zod";
import type { SuggestionSchema } from "../../../../../packages/contracts/src/work-orders.ts";
import { RecordList, RecordListItem } from "../../shared/record-list.tsx";
import { workOrderKeys, workOrdersApi } from "./work-orders-api.ts";

type Suggestion = z.infer<typeof SuggestionSchema>;
type Props = { workOrderId: string; picked: string | undefined; onPick: (s: Suggestion) => void };

/** The server's ranked dispatch suggestions with their reasons; clicking one picks that unit. */
export function DispatchSuggestions({ workOrderId, picked, onPick }: Props) {
  const { data, isFetching: loading } = useQuery({
    queryKey: workOrderKeys.suggestions(workOrderId),
    queryFn: ({ signal }) => workOrdersApi.suggestions(workOrderId, signal),
  });
  const items = data?.items ?? [];
  return (
    <div>
      <Typography.Text strong>派单建议</Typography.Text>
      <RecordList<Suggestion>
        loading={loading}
        empty="暂无建议，请在上方选择"
        items={items}
        itemKey={(s) => s.unitId}
        render={(s) => (
          <RecordListItem
            actions={
              <Button
                key="pick"
                size="small"
                type={picked === s.unitId ? "primary" : "default"}
                onClick={() => onPick(s)}
                aria-label={`选择建议单位 ${s.unitName}`}
              >
                {picked === s.unitId ? "已选" : "选择"}
              </Button>
            }
            title={
              <button
                type="button"
                onClick={() => onPick(s)}
                style={{ all: "unset", cursor: "pointer", color: "#1560d4" }}
              >
                {s.unitName}
              </button>
            }
            description={
              <>
                {s.reason} {/* A weighted count of similar closed tickets, so only the order matters. */}
                <Tag color="blue">得分 {s.score}</Tag>
              </>
            }
          />
        )}
      />
    </div>
  );
}
