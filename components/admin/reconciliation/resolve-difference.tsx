"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/admin/alert";
import { adminApi } from "@/components/admin/api";
import { TextArea, buttonClass } from "@/components/admin/form-controls";
import { useErrorText, useFieldErrorText } from "@/components/admin/messages";
import { useAction } from "@/components/admin/use-action";

/** Resolve one difference with a note saying what was done about it. */
export function ResolveDifference({ id }: { id: string }) {
  const t = useTranslations("console.bills");
  const errorText = useErrorText();
  const fieldText = useFieldErrorText();
  const action = useAction<unknown>();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");

  if (!open) {
    return (
      <button type="button" className={buttonClass("secondary", "sm")} onClick={() => setOpen(true)}>
        {t("resolve")}
      </button>
    );
  }
  return (
    <form
      className="flex min-w-56 flex-col gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        void action.run(() =>
          adminApi("POST", `/api/admin/reconciliation/differences/${encodeURIComponent(id)}/resolve`, { note }),
        );
      }}
    >
      <TextArea
        id={`note-${id}`}
        label={t("note")}
        rows={2}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={fieldText(action.error?.fields.note)}
        required
      />
      <div className="flex gap-2">
        <button type="submit" className={buttonClass("primary", "sm")} disabled={action.pending}>
          {action.pending ? t("resolving") : t("resolveSave")}
        </button>
        <button type="button" className={buttonClass("secondary", "sm")} onClick={() => setOpen(false)}>
          {t("cancel")}
        </button>
      </div>
      {action.error && !action.error.fields.note && <Alert tone="error">{errorText(action.error)}</Alert>}
    </form>
  );
}
