import { describe, expect, it } from "vitest";
import { loginFailureMessage } from "./login-messages.ts";

const failure = (status: number, retryAfterSeconds: number | null, code = "rate_limited") => ({
  status,
  code,
  message: "服务端消息",
  retryAfterSeconds,
});

describe("login failure messages", () => {
  it("says how many minutes to wait after too many attempts, from Retry-After", () => {
    expect(loginFailureMessage(failure(429, 900))).toEqual({ message: "登录尝试过多，请 15 分钟后再试", locked: true });
    expect(loginFailureMessage(failure(429, 61)).message).toBe("登录尝试过多，请 2 分钟后再试");
    expect(loginFailureMessage(failure(429, 20)).message).toBe("登录尝试过多，请 1 分钟后再试");
  });

  it("without Retry-After still says it clearly", () => {
    expect(loginFailureMessage(failure(429, null)).message).toBe("登录尝试过多，请稍后再试");
  });

  it("shows the server's message for a wrong password", () => {
    expect(loginFailureMessage(failure(401, null, "invalid_credentials"))).toEqual({
      message: "服务端消息",
      locked: false,
    });
  });
});
