/** The parts of a failed sign-in the login page shows (an ApiError has them all). */
type LoginFailure = { status: number; code: string; message: string; retryAfterSeconds: number | null };

/** The server's code when a signed-in user must change an initial or reset password first. */
export const PASSWORD_CHANGE_REQUIRED = "password_change_required";

/**
 * What the login page says about a failed sign-in: too many attempts (HTTP 429, the lock-out or the
 * per-address limit) gives the wait in whole minutes from Retry-After; anything else the server's message.
 */
export function loginFailureMessage(err: LoginFailure): { message: string; locked: boolean } {
  if (err.status === 429) {
    const wait = err.retryAfterSeconds;
    return {
      message:
        wait !== null && wait > 0
          ? `登录尝试过多，请 ${Math.max(1, Math.ceil(wait / 60))} 分钟后再试`
          : "登录尝试过多，请稍后再试",
      locked: true,
    };
  }
  return { message: err.message, locked: false };
}
