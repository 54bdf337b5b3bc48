import { BankOutlined, DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { Avatar, Button, Dropdown, type MenuProps, Space, Typography } from "antd";
import type { Me } from "../../../../packages/contracts/src/auth.ts";
import { useSession } from "../features/auth/session.tsx";

type Props = { me: Me; onChangePassword: () => void };

/** Header right side: tenant name and the account dropdown. */
export function UserMenu({ me, onChangePassword }: Props) {
  const { logout } = useSession();

  const items: MenuProps["items"] = [
    { key: "password", icon: <KeyOutlined />, label: "修改密码" },
    { type: "divider" },
    { key: "logout", icon: <LogoutOutlined />, label: "退出登录", danger: true },
  ];
  const onClick: MenuProps["onClick"] = ({ key }) => {
    if (key === "password") {
      onChangePassword();
    } else if (key === "logout") {
      // The auth guard sends us to /login once the session is gone.
      void logout();
    }
  };

  return (
    <Space size={24}>
      <Space size={6} data-testid="tenant-name">
        <BankOutlined style={{ color: "#8c8c8c" }} />
        <Typography.Text>{me.tenant.name}</Typography.Text>
      </Space>
      <Dropdown menu={{ items, onClick }} trigger={["click"]} placement="bottomRight">
        <Button type="text" data-testid="user-menu" aria-label={`当前用户 ${me.user.displayName}`}>
          <Avatar size="small" icon={<UserOutlined />} style={{ background: "#1677ff" }} />
          <span>{me.user.displayName}</span>
          <DownOutlined style={{ fontSize: 10, color: "#8c8c8c" }} />
        </Button>
      </Dropdown>
    </Space>
  );
}
