import { Button, Result, Spin } from "antd";
import { Link } from "react-router-dom";

export function PageLoading() {
  return (
    <div style={{ display: "flex", justifyContent: "center", alignItems: "center", minHeight: 240 }}>
      <Spin size="large" />
    </div>
  );
}

export function NotFoundPage() {
  return (
    <Result
      status="404"
      title="404"
      subTitle="抱歉，您访问的页面不存在。"
      extra={
        <Link to="/">
          <Button type="primary">返回工作台</Button>
        </Link>
      }
    />
  );
}

export function ForbiddenResult() {
  return (
    <Result
      status="403"
      title="403"
      subTitle="抱歉，您没有访问此页面的权限，如需开通请联系系统管理员。"
      extra={
        <Link to="/">
          <Button type="primary">返回工作台</Button>
        </Link>
      }
    />
  );
}
