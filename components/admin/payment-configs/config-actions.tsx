"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/admin/alert";
import { adminApi } from "@/components/admin/api";
import { buttonClass } from "@/components/admin/form-controls";
import { useErrorText } from "@/components/admin/messages";
import { useAction } from "@/components/admin/use-action";
import type { ConnectionTestResult } from "@/lib/payment-configs/test-connection";

interface ConfigSummary {
  id: string;
  name: string;
  enabled: boolean;
  isDefault: boolean;
}

function TestResult({ result }: { result: ConnectionTestResult }) {
  const t = useTranslations("console.configs");
  return result.ok ? (
    <Alert tone="success">{t("testOk", { latency: result.latencyMs })}</Alert>
  ) : (
    <Alert tone="error">
      {t("testFailed", { outcome: result.outcome, latency: result.latencyMs })}
      {result.message && <span className="mt-1 block text-xs break-all">{result.message}</span>}
    </Alert>
  );
}

/** Enable/disable, make default, test the connection, delete: each audited on the server. */
export function ConfigActions({ config, showEdit = true }: { config: ConfigSummary; showEdit?: boolean }) {
  const t = useTranslations("console.configs");
  const errorText = useErrorText();
  const router = useRouter();
  const change = useAction<unknown>();
  const test = useAction<ConnectionTestResult>();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const base = `/api/admin/payment-configs/${config.id}`;
  const busy = change.pending || test.pending;

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-1.5">
        {showEdit && (
          <Link
            href={`/admin/payment-configs/${config.id}`}
            className={buttonClass("secondary", "sm")}
            aria-label={t("editNamed", { name: config.name })}
          >
            {t("edit")}
          </Link>
        )}
        <button
          type="button"
          className={buttonClass("secondary", "sm")}
          disabled={busy}
          onClick={() =>
            test.run(async () => (await adminApi<{ result: ConnectionTestResult }>("POST", `${base}/test`)).result)
          }
        >
          {test.pending ? t("testing") : t("test")}
        </button>
        <button
          type="button"
          className={buttonClass("secondary", "sm")}
          disabled={busy}
          onClick={() => change.run(() => adminApi("POST", `${base}/enabled`, { enabled: !config.enabled }))}
        >
          {config.enabled ? t("disable") : t("enable")}
        </button>
        {!config.isDefault && (
          <button
            type="button"
            className={buttonClass("secondary", "sm")}
            disabled={busy}
            onClick={() => change.run(() => adminApi("POST", `${base}/default`))}
          >
            {t("makeDefault")}
          </button>
        )}
        {!confirmDelete && (
          <button
            type="button"
            className={buttonClass("danger", "sm")}
            disabled={busy}
            onClick={() => setConfirmDelete(true)}
          >
            {t("delete")}
          </button>
        )}
      </div>
      {confirmDelete && (
        <div className="flex flex-col gap-2 rounded-md border border-red-200 bg-red-50 p-2 text-sm text-red-900">
          <p>{t("deleteConfirm", { name: config.name })}</p>
          <div className="flex gap-1.5">
            <button
              type="button"
              className={buttonClass("danger", "sm")}
              disabled={busy}
              onClick={async () => {
                const done = await change.run(() => adminApi("DELETE", base));
                setConfirmDelete(false);
                if (done && !showEdit) router.push("/admin/payment-configs");
              }}
            >
              {t("deleteYes")}
            </button>
            <button type="button" className={buttonClass("secondary", "sm")} onClick={() => setConfirmDelete(false)}>
              {t("cancel")}
            </button>
          </div>
        </div>
      )}
      {test.result && <TestResult result={test.result} />}
      {test.error && <Alert tone="error">{errorText(test.error)}</Alert>}
      {change.error && <Alert tone="error">{errorText(change.error)}</Alert>}
    </div>
  );
}
