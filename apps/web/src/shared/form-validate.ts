import type { FormInstance } from "antd";

function isFieldError(err: unknown): boolean {
  return typeof err === "object" && err !== null && "errorFields" in err;
}

/**
 * The form's values, or null when a field is invalid: antd already shows the field's message, so a
 * rejected validation must not escape as an uncaught page error.
 */
export async function validFields<T>(form: FormInstance<T>): Promise<T | null> {
  try {
    return await form.validateFields();
  } catch (err) {
    if (isFieldError(err)) {
      return null;
    }
    throw err;
  }
}
