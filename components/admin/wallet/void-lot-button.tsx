"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/admin/alert";
import { adminApi } from "@/components/admin/api";
import { TextField, buttonClass } from "@/components/admin/form-controls";
import { useErrorText, useFieldErrorText } from "@/components/admin/messages";
import { useAction } from "@/components/admin/use-action";

/** Voids a lot's remainder after a confirmation with a reason: a compensating entry, never an edit. */
export function VoidLotButton({ userId, lotId, remaining }: { userId: string; lotId: string; remaining: number }) {
  const t = useTranslations("console.wallet");
  const errorText = useErrorText();
  const fieldError = useFieldErrorText();
  const voiding = useAction<unknown>();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState("");
  const fields = voiding.error?.fields ?? {};

  if (!confirming) {
    return (
      <button type="button" className={buttonClass("danger", "sm")} onClick={() => setConfirming(true)}>
        {t("void")}
      </button>
    );
  }
  return (
    <div
      role="group"
      aria-label={t("voidTitle", { remaining })}
      className="flex min-w-56 flex-col gap-2 rounded-md border border-red-200 bg-red-50 p-3"
    >
      <p className="text-sm font-medium text-red-900">{t("voidTitle", { remaining })}</p>
      <p className="text-xs text-red-900">{t("voidBody")}</p>
      <TextField
        id={`void-reason-${lotId}`}
        label={t("voidReason")}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={fieldError(fields.reason)}
        required
      />
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={buttonClass("danger", "sm")}
          disabled={voiding.pending}
          onClick={async () => {
            const done = await voiding.run(() =>
              adminApi("POST", `/api/admin/users/${userId}/lots/${lotId}/void`, { reason }),
            );
            if (done) setConfirming(false);
          }}
        >
          {voiding.pending ? t("voiding") : t("voidConfirm")}
        </button>
        <button type="button" className={buttonClass("secondary", "sm")} onClick={() => setConfirming(false)}>
          {t("cancel")}
        </button>
      </div>
      {voiding.error && !Object.keys(fields).length && <Alert tone="error">{errorText(voiding.error)}</Alert>}
    </div>
  );
}
