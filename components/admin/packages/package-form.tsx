"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/admin/alert";
import { adminApi } from "@/components/admin/api";
import { Checkbox, TextField, buttonClass } from "@/components/admin/form-controls";
import { useErrorText, useFieldErrorText } from "@/components/admin/messages";
import { useAction } from "@/components/admin/use-action";
import type { AdminPackageView } from "@/lib/packages/package-view";

export interface PackageFormValues {
  name: string;
  nameEn: string;
  priceYuan: string;
  credits: string;
  bonusCredits: string;
  /** Empty = the bonus never expires. */
  bonusValidityDays: string;
  active: boolean;
}

// Whole numbers go as numbers; anything else is sent as typed so the server names the field.
const count = (text: string) => (/^-?\d+$/.test(text.trim()) ? Number(text.trim()) : text);

/** Create (no `id`) or edit a package; the price is typed in yuan and stored as exact fen. */
export function PackageForm({ id, initial }: { id?: string; initial: PackageFormValues }) {
  const t = useTranslations("console.packages");
  const errorText = useErrorText();
  const fieldError = useFieldErrorText();
  const router = useRouter();
  const save = useAction<AdminPackageView>();
  const [values, setValues] = useState(initial);
  const fields = save.error?.fields ?? {};
  const set = <K extends keyof PackageFormValues>(name: K, value: PackageFormValues[K]) =>
    setValues((current) => ({ ...current, [name]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = {
      name: values.name,
      nameEn: values.nameEn,
      priceYuan: values.priceYuan.trim(),
      credits: count(values.credits),
      bonusCredits: count(values.bonusCredits),
      bonusValidityDays: values.bonusValidityDays.trim() === "" ? null : count(values.bonusValidityDays),
      active: values.active,
    };
    const saved = await save.run(
      async () =>
        (
          await adminApi<{ package: AdminPackageView }>(
            id ? "PATCH" : "POST",
            id ? `/api/admin/packages/${id}` : "/api/admin/packages",
            body,
          )
        ).package,
    );
    if (saved && !id) setValues(initial);
    if (saved && id) router.push("/admin/packages");
  }

  const prefix = id ? "edit" : "new";
  return (
    <form
      onSubmit={submit}
      noValidate
      className="flex flex-col gap-4"
      aria-label={id ? t("editTitle") : t("createTitle")}
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <TextField
          id={`${prefix}-name`}
          label={t("nameZh")}
          value={values.name}
          onChange={(e) => set("name", e.target.value)}
          error={fieldError(fields.name)}
          required
        />
        <TextField
          id={`${prefix}-nameEn`}
          label={t("nameEn")}
          value={values.nameEn}
          onChange={(e) => set("nameEn", e.target.value)}
          error={fieldError(fields.nameEn)}
        />
        <TextField
          id={`${prefix}-price`}
          label={t("priceYuan")}
          inputMode="decimal"
          placeholder="0.00"
          value={values.priceYuan}
          onChange={(e) => set("priceYuan", e.target.value)}
          error={fieldError(fields.priceYuan)}
          required
        />
        <TextField
          id={`${prefix}-credits`}
          label={t("credits")}
          inputMode="numeric"
          value={values.credits}
          onChange={(e) => set("credits", e.target.value)}
          error={fieldError(fields.credits)}
          required
        />
        <TextField
          id={`${prefix}-bonus`}
          label={t("bonus")}
          inputMode="numeric"
          value={values.bonusCredits}
          onChange={(e) => set("bonusCredits", e.target.value)}
          error={fieldError(fields.bonusCredits)}
        />
      </div>
      <div className="max-w-xs">
        <TextField
          id={`${prefix}-bonus-validity`}
          label={t("bonusValidity")}
          hint={t("bonusValidityHint")}
          inputMode="numeric"
          value={values.bonusValidityDays}
          onChange={(e) => set("bonusValidityDays", e.target.value)}
          error={fieldError(fields.bonusValidityDays)}
        />
      </div>
      <Checkbox
        id={`${prefix}-active`}
        label={t("activeLabel")}
        checked={values.active}
        onChange={(e) => set("active", e.target.checked)}
      />
      {id && <p className="text-sm text-slate-600">{t("snapshotNote")}</p>}
      <div>
        <button type="submit" className={buttonClass("primary")} disabled={save.pending}>
          {save.pending ? t("saving") : id ? t("save") : t("create")}
        </button>
      </div>
      {save.result && !id && <Alert tone="success">{t("created", { name: save.result.name })}</Alert>}
      {save.error && !Object.keys(fields).length && <Alert tone="error">{errorText(save.error)}</Alert>}
    </form>
  );
}
