"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/admin/alert";
import { adminApi } from "@/components/admin/api";
import { buttonClass } from "@/components/admin/form-controls";
import { useErrorText } from "@/components/admin/messages";
import { downloadCodes } from "@/components/admin/redemption/download-codes";
import { useAction } from "@/components/admin/use-action";

export function DownloadButton({ batchId }: { batchId: string }) {
  const t = useTranslations("console.redemption");
  const errorText = useErrorText();
  const download = useAction<true>();
  return (
    <div className="flex flex-col items-start gap-1.5">
      <button
        type="button"
        className={buttonClass("primary", "sm")}
        disabled={download.pending || download.result === true}
        onClick={() => download.run(async () => (await downloadCodes(batchId), true))}
      >
        {download.result ? t("downloaded") : download.pending ? t("downloading") : t("download")}
      </button>
      {download.error && <Alert tone="error">{errorText(download.error)}</Alert>}
    </div>
  );
}

/** Disable, after a confirmation: it cannot be undone. */
export function DisableButton({ batchId, name }: { batchId: string; name: string }) {
  const t = useTranslations("console.redemption");
  const errorText = useErrorText();
  const disable = useAction<unknown>();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="flex flex-col gap-1.5">
      {confirming ? (
        <div
          role="group"
          aria-label={t("disableTitle")}
          className="flex flex-col gap-2 rounded-md border border-red-200 bg-red-50 p-3"
        >
          <p className="text-sm font-medium text-red-900">{t("disableTitle")}</p>
          <p className="text-xs text-red-900">{t("disableBody")}</p>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className={buttonClass("danger", "sm")}
              disabled={disable.pending}
              onClick={async () => {
                await disable.run(() => adminApi("POST", `/api/admin/redemption-batches/${batchId}/disable`));
                setConfirming(false);
              }}
            >
              {t("disableConfirm")}
            </button>
            <button type="button" className={buttonClass("secondary", "sm")} onClick={() => setConfirming(false)}>
              {t("keep")}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className={buttonClass("danger", "sm")}
          onClick={() => setConfirming(true)}
          aria-label={`${t("disable")} ${name}`}
        >
          {t("disable")}
        </button>
      )}
      {disable.error && <Alert tone="error">{errorText(disable.error)}</Alert>}
    </div>
  );
}
