"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/admin/alert";
import { adminApi } from "@/components/admin/api";
import { SecretOnce } from "@/components/admin/developers/secret-once";
import { Checkbox, TextField, buttonClass } from "@/components/admin/form-controls";
import { useErrorText } from "@/components/admin/messages";
import { useAction } from "@/components/admin/use-action";
import { webhookEventTypes, type WebhookEventType } from "@/lib/webhooks/event-types";

/** Registers a webhook endpoint; its signing secret is shown once, right here. */
export function EndpointForm() {
  const t = useTranslations("console.developers");
  const errorText = useErrorText();
  const create = useAction<{ secret: string }>();
  const [url, setUrl] = useState("");
  const [types, setTypes] = useState<WebhookEventType[]>([]);
  const fields = create.error?.fields ?? {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    const created = await create.run(() => adminApi("POST", "/api/admin/webhooks", { url, eventTypes: types }));
    if (created) setUrl("");
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3" aria-label={t("newEndpoint")}>
      <TextField
        id="endpoint-url"
        label={t("endpointUrl")}
        type="url"
        placeholder="https://example.com/webhooks/credits"
        value={url}
        onChange={(event) => setUrl(event.target.value)}
        error={fields.url ? (t.has(`urlErrors.${fields.url}`) ? t(`urlErrors.${fields.url}`) : fields.url) : undefined}
        required
      />
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium text-slate-800">{t("eventTypes")}</legend>
        <p className="text-xs text-slate-600">{t("eventTypesHint")}</p>
        <div className="grid grid-cols-1 gap-1 sm:grid-cols-3">
          {webhookEventTypes.map((type) => (
            <Checkbox
              key={type}
              id={`type-${type.replace(".", "-")}`}
              label={type}
              checked={types.includes(type)}
              onChange={(event) =>
                setTypes((current) =>
                  event.target.checked ? [...current, type] : current.filter((item) => item !== type),
                )
              }
            />
          ))}
        </div>
      </fieldset>
      <div>
        <button type="submit" className={buttonClass("primary")} disabled={create.pending}>
          {create.pending ? t("creating") : t("createEndpoint")}
        </button>
      </div>
      {create.error && !Object.keys(fields).length && <Alert tone="error">{errorText(create.error)}</Alert>}
      {create.result && <SecretOnce label={t("signingSecret")} value={create.result.secret} />}
    </form>
  );
}
