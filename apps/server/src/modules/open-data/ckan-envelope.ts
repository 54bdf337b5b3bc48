/**
 * CKAN's Action API answers every call with {"help", "success", "result"} or, on failure,
 * {"help", "success": false, "error": {"__type", ...}} — the shapes of CKAN's API guide
 * ("Making an API request"; the API controller's status codes: Bad Request and Search Query Error
 * 400, Not Found 404, Validation Error and Search Error 409).
 */
export type CkanErrorType =
  | "Bad Request"
  | "Not Found Error"
  | "Validation Error"
  | "Search Query Error"
  | "Search Error";

export class CkanError extends Error {
  constructor(
    readonly type: CkanErrorType,
    message: string,
    /** Validation errors: field → messages, as CKAN lists them beside `__type`. */
    readonly fields: Record<string, string[]> = {},
  ) {
    super(message);
  }

  get status(): number {
    return this.type === "Not Found Error"
      ? 404
      : this.type === "Validation Error" || this.type === "Search Error"
        ? 409
        : 400;
  }
}

export const notFound = () => new CkanError("Not Found Error", "Not found");
export const invalid = (field: string, message: string) =>
  new CkanError("Validation Error", "Validation Error", { [field]: [message] });

export const helpUrl = (apiBase: string, action: string) => `${apiBase}/api/3/action/help_show?name=${action}`;

export function success(apiBase: string, action: string, result: unknown) {
  return { help: helpUrl(apiBase, action), success: true, result };
}

export function failure(apiBase: string, action: string, e: CkanError) {
  const error: Record<string, unknown> =
    e.type === "Validation Error" ? { __type: e.type, ...e.fields } : { __type: e.type, message: e.message };
  return { help: helpUrl(apiBase, action), success: false, error };
}
