"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/admin/alert";
import { adminApi } from "@/components/admin/api";
import { buttonClass } from "@/components/admin/form-controls";
import { useErrorText } from "@/components/admin/messages";
import { useAction } from "@/components/admin/use-action";

/** Move up/down, activate/deactivate, edit — for one row of the package list. */
export function PackageRowActions({
  id,
  name,
  active,
  order,
}: {
  id: string;
  name: string;
  active: boolean;
  /** Every package id in the current display order. */
  order: string[];
}) {
  const t = useTranslations("console.packages");
  const errorText = useErrorText();
  const action = useAction<unknown>();
  const index = order.indexOf(id);

  const move = (offset: number) => {
    const next = [...order];
    next.splice(index, 1);
    next.splice(index + offset, 0, id);
    return action.run(() => adminApi("PUT", "/api/admin/packages/order", { ids: next }));
  };

  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex flex-wrap gap-1.5">
        <button
          type="button"
          className={buttonClass("secondary", "sm")}
          disabled={action.pending || index <= 0}
          onClick={() => move(-1)}
          aria-label={t("moveUp", { name })}
        >
          ↑
        </button>
        <button
          type="button"
          className={buttonClass("secondary", "sm")}
          disabled={action.pending || index === order.length - 1}
          onClick={() => move(1)}
          aria-label={t("moveDown", { name })}
        >
          ↓
        </button>
        <button
          type="button"
          className={buttonClass("secondary", "sm")}
          disabled={action.pending}
          onClick={() => action.run(() => adminApi("POST", `/api/admin/packages/${id}/active`, { active: !active }))}
        >
          {active ? t("deactivate") : t("activate")}
        </button>
        <Link
          href={`/admin/packages/${id}`}
          className={buttonClass("secondary", "sm")}
          aria-label={t("editNamed", { name })}
        >
          {t("edit")}
        </Link>
      </div>
      {action.error && <Alert tone="error">{errorText(action.error)}</Alert>}
    </div>
  );
}
