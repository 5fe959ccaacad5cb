"use client";

import { useTranslations } from "next-intl";
import { adminApi } from "@/components/admin/api";
import { buttonClass } from "@/components/admin/form-controls";
import { useErrorText } from "@/components/admin/messages";
import { useAction } from "@/components/admin/use-action";
import type { WebhookEndpointView } from "@/lib/webhooks/endpoint-view";

/** Enables or disables an endpoint (enabling clears why the app disabled it). */
export function EndpointToggle({ endpoint }: { endpoint: WebhookEndpointView }) {
  const t = useTranslations("console.developers");
  const errorText = useErrorText();
  const save = useAction<unknown>();
  const toggle = () =>
    save.run(() =>
      adminApi("PATCH", `/api/admin/webhooks/${endpoint.id}`, {
        url: endpoint.url,
        description: endpoint.description ?? undefined,
        eventTypes: endpoint.eventTypes,
        enabled: !endpoint.enabled,
      }),
    );
  return (
    <div className="flex flex-col gap-1">
      <button type="button" className={buttonClass("secondary", "sm")} disabled={save.pending} onClick={toggle}>
        {endpoint.enabled ? t("disable") : t("enable")}
      </button>
      {save.error && (
        <p role="alert" className="text-xs text-red-700">
          {errorText(save.error)}
        </p>
      )}
    </div>
  );
}
