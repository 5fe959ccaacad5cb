"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { adminApi } from "@/components/admin/api";
import { buttonClass } from "@/components/admin/form-controls";
import { ReasonConfirm } from "@/components/admin/reason-confirm";
import { useAction } from "@/components/admin/use-action";

/** Voids a lot's remainder after a confirmation with a reason: a compensating entry, never an edit. */
export function VoidLotButton({ userId, lotId, remaining }: { userId: string; lotId: string; remaining: number }) {
  const t = useTranslations("console.wallet");
  const voiding = useAction<unknown>();
  const [confirming, setConfirming] = useState(false);

  if (!confirming) {
    return (
      <button type="button" className={buttonClass("danger", "sm")} onClick={() => setConfirming(true)}>
        {t("void")}
      </button>
    );
  }
  return (
    <ReasonConfirm
      id={`void-reason-${lotId}`}
      className="min-w-56"
      action={voiding}
      text={{
        title: t("voidTitle", { remaining }),
        body: t("voidBody"),
        reason: t("voidReason"),
        confirm: t("voidConfirm"),
        pending: t("voiding"),
        cancel: t("cancel"),
      }}
      send={(reason) => adminApi("POST", `/api/admin/users/${userId}/lots/${lotId}/void`, { reason })}
      onClose={() => setConfirming(false)}
    />
  );
}
