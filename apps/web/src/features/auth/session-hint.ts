// The session cookie is httpOnly, so the page cannot see whether one exists. Asking the server
// (/api/auth/me) without one answers 401, which the browser reports as a failed request on every visit
// to the sign-in page. This flag remembers that this browser signed in: without it the page knows it is
// anonymous without asking; with it, the server still decides (an expired session clears the flag).
const KEY = "zhengwu.signedIn";

/** True when this browser may hold a session (or when storage cannot tell: then the server is asked). */
export function mayBeSignedIn(): boolean {
  try {
    return window.localStorage.getItem(KEY) === "1";
  } catch {
    return true;
  }
}

export function rememberSignedIn(signedIn: boolean): void {
  try {
    if (signedIn) {
      window.localStorage.setItem(KEY, "1");
    } else {
      window.localStorage.removeItem(KEY);
    }
  } catch {
    // Storage refused (private mode): the server is asked each time instead.
  }
}
