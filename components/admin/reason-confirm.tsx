"use client";

import { useState } from "react";
import { Alert } from "@/components/admin/alert";
import { TextField, buttonClass } from "@/components/admin/form-controls";
import { useErrorText, useFieldErrorText } from "@/components/admin/messages";
import type { ActionState } from "@/components/admin/use-action";

export interface ReasonConfirmText {
  title: string;
  body: string;
  reason: string;
  confirm: string;
  pending: string;
  cancel: string;
}

/**
 * The confirmation step of an irreversible console action: says what will happen, asks for a
 * reason for the audit log, and runs `send` through the caller's action (one at a time).
 */
export function ReasonConfirm<T>({
  id,
  action,
  text,
  send,
  onClose,
  className = "",
}: {
  id: string;
  action: ActionState<T>;
  text: ReasonConfirmText;
  send: (reason: string) => Promise<T>;
  onClose: () => void;
  className?: string;
}) {
  const errorText = useErrorText();
  const fieldError = useFieldErrorText();
  const [reason, setReason] = useState("");
  const fields = action.error?.fields ?? {};

  return (
    <div
      role="group"
      aria-label={text.title}
      className={`flex flex-col gap-2 rounded-md border border-red-200 bg-red-50 p-3 ${className}`}
    >
      <p className="text-sm font-medium text-red-900">{text.title}</p>
      <p className="text-xs text-red-900">{text.body}</p>
      <TextField
        id={id}
        label={text.reason}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={fieldError(fields.reason)}
        required
      />
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={buttonClass("danger", "sm")}
          disabled={action.pending}
          onClick={async () => {
            if (await action.run(() => send(reason))) onClose();
          }}
        >
          {action.pending ? text.pending : text.confirm}
        </button>
        <button type="button" className={buttonClass("secondary", "sm")} onClick={onClose}>
          {text.cancel}
        </button>
      </div>
      {action.error && !Object.keys(fields).length && <Alert tone="error">{errorText(action.error)}</Alert>}
    </div>
  );
}
