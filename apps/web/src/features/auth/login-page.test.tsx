import { fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi, renderPage } from "../../../test/render.tsx";
import { LoginPage } from "./login-page.tsx";

describe("LoginPage (登录)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("says in Chinese why a sign-in failed, without asking who is signed in first", async () => {
    const calls = mockApi({
      "POST /api/auth/login": () => ({
        status: 401,
        body: { error: { code: "invalid_credentials", message: "用户名或密码错误", requestId: "t" } },
      }),
    });
    renderPage(<LoginPage />, { path: "/login" });
    fireEvent.change(screen.getByPlaceholderText("用户名"), { target: { value: "admin" } });
    fireEvent.change(screen.getByPlaceholderText("密码"), { target: { value: "wrong-password1" } });
    fireEvent.click(screen.getByRole("button", { name: "登录" }));
    expect(await screen.findByText("用户名或密码错误")).toBeTruthy();
    expect(calls.map((c) => c.call)).toEqual(["POST /api/auth/login"]);
    expect(calls[0]?.body).toEqual({ username: "admin", password: "wrong-password1" });
  });
});
