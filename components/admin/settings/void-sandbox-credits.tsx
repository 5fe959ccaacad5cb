"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/admin/alert";
import { adminApi } from "@/components/admin/api";
import { TextField, buttonClass } from "@/components/admin/form-controls";
import { useErrorText, useFieldErrorText } from "@/components/admin/messages";
import { useAction } from "@/components/admin/use-action";
import type { SandboxCreditsLeft } from "@/lib/wallet/sandbox-credits-left";

/**
 * Going live: takes back every credit bought through the sandbox, after a confirmation that
 * names how much and from how many users, with a reason for the audit log.
 */
export function VoidSandboxCredits({ left }: { left: SandboxCreditsLeft }) {
  const t = useTranslations("console.settings");
  const errorText = useErrorText();
  const fieldError = useFieldErrorText();
  const voiding = useAction<SandboxCreditsLeft>();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState("");
  const fields = voiding.error?.fields ?? {};

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-700" data-testid="sandbox-credits-left">
        {left.credits ? t("sandboxLeft", left) : t("sandboxNone")}
      </p>
      {voiding.result && (
        <p role="status" className="text-sm text-brand-800">
          {t("sandboxVoided", voiding.result)}
        </p>
      )}
      {left.credits > 0 && !confirming && (
        <div>
          <button type="button" className={buttonClass("danger")} onClick={() => setConfirming(true)}>
            {t("sandboxVoid")}
          </button>
        </div>
      )}
      {left.credits > 0 && confirming && (
        <div
          role="group"
          aria-label={t("sandboxConfirmTitle", left)}
          className="flex max-w-xl flex-col gap-2 rounded-md border border-red-200 bg-red-50 p-3"
        >
          <p className="text-sm font-medium text-red-900">{t("sandboxConfirmTitle", left)}</p>
          <p className="text-xs text-red-900">{t("sandboxConfirmBody")}</p>
          <TextField
            id="sandbox-void-reason"
            label={t("sandboxReason")}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
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
                  adminApi<SandboxCreditsLeft>("DELETE", "/api/admin/wallet/sandbox-credits", {
                    confirm: "void-sandbox-credits",
                    reason,
                  }),
                );
                if (done) setConfirming(false);
              }}
            >
              {voiding.pending ? t("sandboxVoiding") : t("sandboxConfirm", left)}
            </button>
            <button type="button" className={buttonClass("secondary", "sm")} onClick={() => setConfirming(false)}>
              {t("cancel")}
            </button>
          </div>
          {voiding.error && !Object.keys(fields).length && <Alert tone="error">{errorText(voiding.error)}</Alert>}
        </div>
      )}
    </div>
  );
}
