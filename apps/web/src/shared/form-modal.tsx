import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Form, type FormInstance, Modal } from "antd";
import type { ReactNode } from "react";
import { useApiErrorHandler } from "./errors.ts";

/** The Store antd's Form takes as initial values. */
type Initial = Record<string, unknown>;

type Props<V, R> = {
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  /** Sends the form's values; its answer goes to `onDone`. */
  submit: (values: V) => Promise<R>;
  /** The toast after a success; none when omitted. */
  success?: (result: R) => string;
  /** What the change moves: these keys are refetched after a success. */
  invalidates?: readonly QueryKey[];
  onDone?: (result: R, values: V) => void;
  /** Runs after the usual handling of a failure, e.g. to reload a record that moved on meanwhile (409). */
  onError?: (err: unknown) => void;
  /** Pass one in to watch fields (Form.useWatch) or set them from outside. */
  form?: FormInstance<V>;
  initialValues?: Initial;
  okText?: string;
  /** Keeps OK disabled, e.g. until a looked-up record allows the action. */
  okDisabled?: boolean;
  width?: number;
  /** Shown above the fields, e.g. what the action will do. */
  intro?: ReactNode;
  /** The form's name: antd prefixes field ids with it, which browser tests use. */
  name?: string;
  children: ReactNode;
};

/**
 * A dialog holding one form: OK submits (after antd's own field rules), the server's field issues
 * land on their fields and anything else shows as the usual toast; after a success the named query
 * keys are invalidated, then `onDone` runs. Fields are reset whenever the dialog closes.
 */
export function FormModal<V, R = unknown>({
  title,
  open,
  onClose,
  submit,
  success,
  invalidates = [],
  onDone,
  onError,
  form: given,
  initialValues,
  okText = "确定",
  okDisabled = false,
  width,
  intro,
  name,
  children,
}: Props<V, R>) {
  const [own] = Form.useForm<V>();
  const form = given ?? own;
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: submit,
    onSuccess: (result, values) => {
      if (success) {
        void message.success(success(result));
      }
      // Not awaited: the dialog closes at once while the lists behind it refetch.
      for (const queryKey of invalidates) {
        void queryClient.invalidateQueries({ queryKey });
      }
      onDone?.(result, values);
    },
    onError: (err) => {
      handleError(err, form);
      onError?.(err);
    },
  });

  return (
    <Modal
      title={title}
      open={open}
      width={width}
      onOk={() => form.submit()}
      onCancel={onClose}
      okText={okText}
      okButtonProps={{ disabled: okDisabled }}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {intro}
      <Form<V>
        name={name}
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initialValues}
        onFinish={(v) => mutation.mutate(v)}
        style={{ marginTop: 16 }}
      >
        {children}
      </Form>
    </Modal>
  );
}
