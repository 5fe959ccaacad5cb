"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { adminApi } from "@/components/admin/api";
import { buttonClass } from "@/components/admin/form-controls";
import { ReasonConfirm } from "@/components/admin/reason-confirm";
import { useAction } from "@/components/admin/use-action";
import type { SandboxCreditsLeft } from "@/lib/wallet/sandbox-credits-left";

/**
 * Going live: takes back every credit bought through the sandbox, after a confirmation that
 * names how much and from how many users, with a reason for the audit log.
 */
export function VoidSandboxCredits({ left }: { left: SandboxCreditsLeft }) {
  const t = useTranslations("console.settings");
  const voiding = useAction<SandboxCreditsLeft>();
  const [confirming, setConfirming] = useState(false);

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
        <ReasonConfirm
          id="sandbox-void-reason"
          className="max-w-xl"
          action={voiding}
          text={{
            title: t("sandboxConfirmTitle", left),
            body: t("sandboxConfirmBody"),
            reason: t("sandboxReason"),
            confirm: t("sandboxConfirm", left),
            pending: t("sandboxVoiding"),
            cancel: t("cancel"),
          }}
          send={(reason) =>
            adminApi<SandboxCreditsLeft>("DELETE", "/api/admin/wallet/sandbox-credits", {
              confirm: "void-sandbox-credits",
              reason,
            })
          }
          onClose={() => setConfirming(false)}
        />
      )}
    </div>
  );
}
