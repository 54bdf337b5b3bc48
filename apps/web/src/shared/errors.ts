import { App, type FormInstance } from "antd";
import { useCallback } from "react";
import { type FieldIssue, isAbortError, isApiError } from "../api/client.ts";

type NamePath = (string | number)[];

function segments(path: string): string[] {
  return path.split(".").filter((s) => s.length > 0);
}

/** The longest registered form field whose name is a prefix of the issue path ("roles.0" → "roles"). */
function matchField(issue: FieldIssue, fields: NamePath[]): NamePath | null {
  const segs = segments(issue.path);
  let best: NamePath | null = null;
  for (const name of fields) {
    const isPrefix = name.length <= segs.length && name.every((part, i) => String(part) === segs[i]);
    if (isPrefix && (best === null || name.length > best.length)) {
      best = name;
    }
  }
  return best;
}

/**
 * Shows an API failure: validation issues land on the matching form fields,
 * everything else as a toast. 401s are skipped — the session handler redirects to /login.
 */
export function useApiErrorHandler(): (err: unknown, form?: FormInstance) => void {
  const { message } = App.useApp();
  return useCallback(
    (err: unknown, form?: FormInstance) => {
      if (isAbortError(err)) {
        return;
      }
      if (!isApiError(err)) {
        console.error(err);
        void message.error("操作失败，请稍后重试");
        return;
      }
      if (err.status === 401 && err.code === "unauthenticated") {
        return;
      }
      const issues = err.fieldIssues;
      if (form && issues.length > 0) {
        const registered = form.getFieldsError().map((f) => f.name);
        const byField = new Map<string, { name: NamePath; errors: string[] }>();
        const rest: string[] = [];
        for (const issue of issues) {
          const name = matchField(issue, registered);
          if (name === null) {
            rest.push(`${issue.path}：${issue.message}`);
            continue;
          }
          const key = name.join(".");
          const entry = byField.get(key) ?? { name, errors: [] };
          entry.errors.push(issue.message);
          byField.set(key, entry);
        }
        form.setFields([...byField.values()]);
        if (rest.length > 0) {
          void message.error(rest.join("；"));
        }
        return;
      }
      void message.error(err.message);
    },
    [message],
  );
}
