import { MenuFoldOutlined, MenuUnfoldOutlined } from "@ant-design/icons";
import { Alert, Button, Layout, Menu, Result } from "antd";
import { Suspense, useState } from "react";
import { Link, Outlet, useLocation } from "react-router-dom";
import { ChangePasswordModal } from "../features/auth/change-password-modal.tsx";
import { useMe } from "../features/auth/session.tsx";
import { ForbiddenResult, PageLoading } from "../shared/results.tsx";
import { BrandLogo } from "./brand-logo.tsx";
import { navItemFor, navMenuItems } from "./nav-items.tsx";
import { UserMenu } from "./user-menu.tsx";

const SIDER_WIDTH = 220;

export function AppLayout() {
  const me = useMe();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  // Opens at once when the password must be changed before anything else.
  const [passwordOpen, setPasswordOpen] = useState(me.user.mustChangePassword);

  const current = navItemFor(location.pathname);
  // The server decides the menu; a page not in it is shown as 403 rather than left to fail on load.
  const allowed = !current || current.menuKey === null || me.menu.includes(current.menuKey);
  const menuItems = navMenuItems(me.menu);

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Sider
        width={SIDER_WIDTH}
        collapsible
        collapsed={collapsed}
        trigger={null}
        breakpoint="lg"
        onBreakpoint={setCollapsed}
        style={{ position: "sticky", top: 0, height: "100vh", overflow: "auto" }}
      >
        <Link
          to="/"
          aria-label="政务服务数据管理平台 首页"
          style={{
            display: "flex",
            alignItems: "center",
            gap: 10,
            height: 64,
            padding: collapsed ? "0 24px" : "0 16px",
            overflow: "hidden",
            whiteSpace: "nowrap",
          }}
        >
          <BrandLogo size={32} />
          {!collapsed && (
            <span style={{ display: "flex", flexDirection: "column", lineHeight: 1.3 }}>
              <span style={{ color: "#fff", fontWeight: 600, fontSize: 14 }}>政务服务数据管理平台</span>
              <span style={{ color: "rgba(255,255,255,0.55)", fontSize: 12 }}>政务 Zhengwu</span>
            </span>
          )}
        </Link>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={current ? [current.path] : []}
          defaultOpenKeys={current?.group ? [`group:${current.group}`] : []}
          // A closed submenu's links stay in the page, so the walk (and a screen reader) still finds them.
          forceSubMenuRender
          items={menuItems}
          aria-label="主导航"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            position: "sticky",
            top: 0,
            zIndex: 10,
            display: "flex",
            alignItems: "center",
            justifyContent: "space-between",
            gap: 16,
            height: 56,
            padding: "0 24px 0 8px",
            background: "#fff",
            boxShadow: "0 1px 4px rgba(0, 21, 41, 0.08)",
          }}
        >
          <div style={{ display: "flex", alignItems: "center", gap: 8, minWidth: 0 }}>
            <Button
              type="text"
              aria-label={collapsed ? "展开菜单" : "收起菜单"}
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed((c) => !c)}
            />
            {/* The breadcrumb is part of each page's PageContainer, under this bar. */}
            <span style={{ color: "#595959", whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" }}>
              {me.tenant.name}
            </span>
          </div>
          <UserMenu me={me} onChangePassword={() => setPasswordOpen(true)} />
        </Layout.Header>
        {me.user.mustChangePassword && (
          <Alert
            banner
            type="warning"
            title="您当前使用的是初始密码或已被重置的密码，为保障账号安全，请立即修改密码。"
            action={
              <Button size="small" type="primary" onClick={() => setPasswordOpen(true)}>
                立即修改
              </Button>
            }
          />
        )}
        <Layout.Content>
          {me.user.mustChangePassword ? (
            // Every other call answers password_change_required until then: show this, not a broken page.
            <Result
              status="warning"
              title="请先修改密码"
              subTitle="您正在使用初始密码或管理员重置的密码，修改后即可继续使用系统。"
              extra={
                <Button type="primary" onClick={() => setPasswordOpen(true)}>
                  修改密码
                </Button>
              }
            />
          ) : allowed ? (
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          ) : (
            <ForbiddenResult />
          )}
        </Layout.Content>
        <Layout.Footer style={{ textAlign: "center", color: "#8c8c8c", fontSize: 12, padding: "16px 24px" }}>
          政务 Zhengwu · {me.tenant.name}
        </Layout.Footer>
      </Layout>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}
