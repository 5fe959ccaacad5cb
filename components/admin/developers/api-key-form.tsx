"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/admin/alert";
import { adminApi } from "@/components/admin/api";
import { SecretOnce } from "@/components/admin/developers/secret-once";
import { Checkbox, TextField, buttonClass } from "@/components/admin/form-controls";
import { useErrorText, useFieldErrorText } from "@/components/admin/messages";
import { useAction } from "@/components/admin/use-action";
import { apiScopes, type ApiScope } from "@/lib/api-keys/scopes";

/** Creates an API key; the key itself is shown once, right here. */
export function ApiKeyForm() {
  const t = useTranslations("console.developers");
  const errorText = useErrorText();
  const fieldError = useFieldErrorText();
  const create = useAction<{ secret: string }>();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiScope[]>(["credits:read", "credits:spend"]);
  const fields = create.error?.fields ?? {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    const created = await create.run(() => adminApi("POST", "/api/admin/api-keys", { name, scopes }));
    if (created) setName("");
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3" aria-label={t("newKey")}>
      <TextField
        id="key-name"
        label={t("keyName")}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={fieldError(fields.name)}
        required
      />
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium text-slate-800">{t("scopes")}</legend>
        <div className="flex flex-wrap gap-4">
          {apiScopes.map((scope) => (
            <Checkbox
              key={scope}
              id={`scope-${scope.replace(":", "-")}`}
              label={scope}
              checked={scopes.includes(scope)}
              onChange={(event) =>
                setScopes((current) =>
                  event.target.checked ? [...current, scope] : current.filter((item) => item !== scope),
                )
              }
            />
          ))}
        </div>
        {fields.scopes && <p className="text-sm text-red-700">{t("scopesRequired")}</p>}
      </fieldset>
      <div>
        <button type="submit" className={buttonClass("primary")} disabled={create.pending}>
          {create.pending ? t("creating") : t("createKey")}
        </button>
      </div>
      {create.error && !Object.keys(fields).length && <Alert tone="error">{errorText(create.error)}</Alert>}
      {create.result && <SecretOnce label={t("theKey")} value={create.result.secret} />}
    </form>
  );
}
