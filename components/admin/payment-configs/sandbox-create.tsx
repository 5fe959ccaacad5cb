"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/admin/alert";
import { adminApi } from "@/components/admin/api";
import { SelectField, TextField, buttonClass } from "@/components/admin/form-controls";
import { useErrorText, useFieldErrorText } from "@/components/admin/messages";
import { useAction } from "@/components/admin/use-action";
import type { PaymentConfigView } from "@/lib/payment-configs/config-view";

/** "Create sandbox config": a merchant on the built-in sandbox gateway, with fresh keys. */
export function SandboxCreate() {
  const t = useTranslations("console.configs");
  const tp = useTranslations("console.providers");
  const errorText = useErrorText();
  const fieldError = useFieldErrorText();
  const create = useAction<PaymentConfigView>();
  const [provider, setProvider] = useState<"WECHAT" | "ALIPAY">("WECHAT");
  const [name, setName] = useState("");
  const fields = create.error?.fields ?? {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    const config = await create.run(
      async () =>
        (
          await adminApi<{ config: PaymentConfigView }>("POST", "/api/admin/payment-configs/sandbox", {
            provider,
            name: name.trim() || t("sandboxDefaultName", { provider: tp(provider) }),
          })
        ).config,
    );
    if (config) setName("");
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label={t("sandboxCreate")}>
      <p className="text-sm text-slate-600">{t("sandboxIntro")}</p>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-[12rem_1fr_auto] sm:items-end">
        <SelectField
          id="sandbox-provider"
          label={t("provider")}
          value={provider}
          onChange={(e) => setProvider(e.target.value as "WECHAT" | "ALIPAY")}
        >
          <option value="WECHAT">{tp("WECHAT")}</option>
          <option value="ALIPAY">{tp("ALIPAY")}</option>
        </SelectField>
        <TextField
          id="sandbox-name"
          label={t("sandboxName")}
          value={name}
          placeholder={t("sandboxDefaultName", { provider: tp(provider) })}
          onChange={(e) => setName(e.target.value)}
          error={fieldError(fields.name)}
        />
        <button type="submit" className={buttonClass("primary")} disabled={create.pending}>
          {create.pending ? t("creating") : t("sandboxCreate")}
        </button>
      </div>
      {create.result && <Alert tone="success">{t("sandboxCreated", { name: create.result.name })}</Alert>}
      {create.error && !fields.name && <Alert tone="error">{errorText(create.error)}</Alert>}
    </form>
  );
}
