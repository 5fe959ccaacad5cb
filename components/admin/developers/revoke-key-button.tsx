"use client";

import { useTranslations } from "next-intl";
import { adminApi } from "@/components/admin/api";
import { buttonClass } from "@/components/admin/form-controls";
import { useErrorText } from "@/components/admin/messages";
import { useAction } from "@/components/admin/use-action";

export function RevokeKeyButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("console.developers");
  const errorText = useErrorText();
  const revoke = useAction<unknown>();
  return (
    <div className="flex flex-col gap-1">
      <button
        type="button"
        className={buttonClass("danger", "sm")}
        disabled={revoke.pending}
        aria-label={t("revokeNamed", { name })}
        onClick={() => {
          if (window.confirm(t("revokeConfirm", { name }))) {
            void revoke.run(() => adminApi("POST", `/api/admin/api-keys/${id}/revoke`));
          }
        }}
      >
        {t("revoke")}
      </button>
      {revoke.error && (
        <p role="alert" className="text-xs text-red-700">
          {errorText(revoke.error)}
        </p>
      )}
    </div>
  );
}
