import { useMutation } from "@tanstack/react-query";
import { Button, Space, Typography } from "antd";
import type { ExchangeVerifyResult } from "../../../../../packages/contracts/src/data-sharing-exchange.ts";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { useMe } from "../auth/session.tsx";
import { dataApi } from "./data-api.ts";

/** The result line: how many links held, or where the chain first breaks. */
function Outcome({ result }: { result: ExchangeVerifyResult }) {
  if (result.ok) {
    return (
      <Typography.Text type="success" role="status">
        哈希链完整：已逐条校验 {result.checked.toLocaleString("zh-CN")} 条记录
      </Typography.Text>
    );
  }
  return (
    <Typography.Text type="danger" role="alert">
      哈希链断裂：{result.reason}（此前 {result.checked.toLocaleString("zh-CN")} 条完好）
    </Typography.Text>
  );
}

/**
 * 校验哈希链 on the 交换日志 page, for those who may check the district's chain (auditors and
 * district data officers); others see only how to run the command.
 */
export function ChainCheck() {
  const me = useMe();
  const handleError = useApiErrorHandler();
  const check = useMutation({ mutationFn: () => dataApi.verifyExchange(), onError: (e) => handleError(e) });
  if (!me.can.verifyExchange) {
    return null;
  }
  return (
    <Space wrap style={{ marginTop: 8 }}>
      <Button size="small" loading={check.isPending} onClick={() => check.mutate()}>
        校验哈希链
      </Button>
      {check.data && <Outcome result={check.data} />}
    </Space>
  );
}
