"use client";

import { useTimeZone, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/admin/alert";
import { adminApi } from "@/components/admin/api";
import { SelectField, TextField, buttonClass } from "@/components/admin/form-controls";
import { useErrorText, useFieldErrorText } from "@/components/admin/messages";
import { DownloadButton } from "@/components/admin/redemption/batch-actions";
import { useAction } from "@/components/admin/use-action";
import { defaultTimeZone } from "@/lib/settings/time-zone";
import { wallTimeInstant, zonedTimestamp } from "@/lib/admin/date-range";

interface Created {
  id: string;
  codeCount: number;
}

// Empty stays empty, so the server says "required" rather than the browser guessing a number.
const numberOrNull = (text: string) => (text.trim() === "" ? null : Number(text.trim()));

/** A new batch; right after creation it offers the one download of its codes. */
export function BatchForm() {
  const t = useTranslations("console.redemption");
  const tWallet = useTranslations("console.wallet");
  const errorText = useErrorText();
  const fieldError = useFieldErrorText();
  const timeZone = useTimeZone() ?? defaultTimeZone;
  const create = useAction<Created>();
  const [name, setName] = useState("");
  const [count, setCount] = useState("100");
  const [creditsPerCode, setCreditsPerCode] = useState("");
  const [category, setCategory] = useState("PROMOTIONAL");
  const [redeemBy, setRedeemBy] = useState("");
  const [validityDays, setValidityDays] = useState("");
  const [perUserLimit, setPerUserLimit] = useState("1");
  const fields = create.error?.fields ?? {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    await create.run(
      async () =>
        (
          await adminApi<{ batch: Created }>("POST", "/api/admin/redemption-batches", {
            name,
            count: numberOrNull(count),
            creditsPerCode: numberOrNull(creditsPerCode),
            category,
            // The console works in the display time zone, like every time it shows.
            redeemBy: redeemBy ? zonedTimestamp(wallTimeInstant(redeemBy, timeZone), timeZone) : "",
            creditValidityDays: numberOrNull(validityDays),
            perUserLimit: numberOrNull(perUserLimit),
          })
        ).batch,
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <form
        onSubmit={submit}
        noValidate
        className="grid grid-cols-1 gap-3 md:grid-cols-2"
        aria-label={t("createTitle")}
      >
        <TextField
          id="batch-name"
          label={t("name")}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fieldError(fields.name)}
          required
        />
        <SelectField
          id="batch-category"
          label={t("category")}
          value={category}
          onChange={(e) => setCategory(e.target.value)}
        >
          <option value="PROMOTIONAL">{tWallet("categories.PROMOTIONAL")}</option>
          <option value="PAID">{tWallet("categories.PAID")}</option>
        </SelectField>
        <TextField
          id="batch-count"
          label={t("count")}
          inputMode="numeric"
          value={count}
          onChange={(e) => setCount(e.target.value)}
          error={fieldError(fields.count)}
          required
        />
        <TextField
          id="batch-credits"
          label={t("creditsPerCode")}
          inputMode="numeric"
          value={creditsPerCode}
          onChange={(e) => setCreditsPerCode(e.target.value)}
          error={fieldError(fields.creditsPerCode)}
          required
        />
        <TextField
          id="batch-redeem-by"
          type="datetime-local"
          label={t("redeemByLabel")}
          hint={t("redeemByHint")}
          value={redeemBy}
          onChange={(e) => setRedeemBy(e.target.value)}
          error={fieldError(fields.redeemBy)}
          required
        />
        <TextField
          id="batch-validity"
          label={t("validityLabel")}
          hint={t("validityHint")}
          inputMode="numeric"
          value={validityDays}
          onChange={(e) => setValidityDays(e.target.value)}
          error={fieldError(fields.creditValidityDays)}
        />
        <TextField
          id="batch-per-user"
          label={t("perUserLimitLabel")}
          inputMode="numeric"
          value={perUserLimit}
          onChange={(e) => setPerUserLimit(e.target.value)}
          error={fieldError(fields.perUserLimit)}
          required
        />
        <div className="flex items-end">
          <button type="submit" className={buttonClass("primary")} disabled={create.pending}>
            {create.pending ? t("creating") : t("create")}
          </button>
        </div>
      </form>
      {create.error && <Alert tone="error">{errorText(create.error)}</Alert>}
      {create.result && (
        <div className="flex flex-col gap-2">
          <Alert tone="warning">{t("created", { count: create.result.codeCount })}</Alert>
          <div>
            <DownloadButton batchId={create.result.id} />
          </div>
        </div>
      )}
    </div>
  );
}
