"use client";

import { useTranslations } from "next-intl";
import { adminApi } from "@/components/admin/api";
import { buttonClass } from "@/components/admin/form-controls";
import { useErrorText } from "@/components/admin/messages";
import { useAction } from "@/components/admin/use-action";

export function ResendButton({ deliveryId }: { deliveryId: string }) {
  const t = useTranslations("console.developers");
  const errorText = useErrorText();
  const resend = useAction<unknown>();
  return (
    <div className="flex flex-col gap-1">
      <button
        type="button"
        className={buttonClass("secondary", "sm")}
        disabled={resend.pending}
        onClick={() => resend.run(() => adminApi("POST", `/api/admin/webhook-deliveries/${deliveryId}/resend`))}
      >
        {t("resend")}
      </button>
      {resend.error && (
        <p role="alert" className="text-xs text-red-700">
          {errorText(resend.error)}
        </p>
      )}
    </div>
  );
}
