"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/admin/alert";
import { adminApi } from "@/components/admin/api";
import { SelectField, buttonClass } from "@/components/admin/form-controls";
import { useErrorText } from "@/components/admin/messages";
import { useAction } from "@/components/admin/use-action";
import type { ConnectionTestResult } from "@/lib/payment-configs/test-connection";

interface ConfigSummary {
  id: string;
  name: string;
  enabled: boolean;
  isDefault: boolean;
}

interface Successor {
  id: string;
  name: string;
}

/**
 * Confirms taking a config out of service (disable or delete). Taking the default away asks
 * which enabled config of the provider takes over, or says that the provider goes away.
 */
function StopConfirm({
  config,
  mode,
  successors,
  busy,
  onConfirm,
  onCancel,
}: {
  config: ConfigSummary;
  mode: "disable" | "delete";
  successors: Successor[];
  busy: boolean;
  onConfirm: (successorId: string | undefined) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("console.configs");
  const [successorId, setSuccessorId] = useState(successors[0]?.id ?? "");
  const handOver = config.isDefault && successors.length > 0;
  const selectId = `successor-${config.id}`;
  return (
    <div
      role="alertdialog"
      aria-label={mode === "delete" ? t("delete") : t("disable")}
      className="flex flex-col gap-2 rounded-md border border-red-200 bg-red-50 p-2 text-sm text-red-900"
    >
      {mode === "delete" && <p>{t("deleteConfirm", { name: config.name })}</p>}
      {handOver && (
        <SelectField
          id={selectId}
          label={t("successorLabel", { name: config.name })}
          value={successorId}
          onChange={(event) => setSuccessorId(event.target.value)}
        >
          {successors.map((successor) => (
            <option key={successor.id} value={successor.id}>
              {successor.name}
            </option>
          ))}
        </SelectField>
      )}
      {config.isDefault && !handOver && <p>{t("providerGoesAway", { name: config.name })}</p>}
      <div className="flex gap-1.5">
        <button
          type="button"
          className={buttonClass("danger", "sm")}
          disabled={busy}
          onClick={() => onConfirm(handOver ? successorId : undefined)}
        >
          {mode === "delete" ? t("deleteYes") : t("disableYes")}
        </button>
        <button type="button" className={buttonClass("secondary", "sm")} onClick={onCancel}>
          {t("cancel")}
        </button>
      </div>
    </div>
  );
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
export function ConfigActions({
  config,
  successors,
  showEdit = true,
}: {
  config: ConfigSummary;
  /** The provider's other enabled configs: who can take over as default. */
  successors: Successor[];
  showEdit?: boolean;
}) {
  const t = useTranslations("console.configs");
  const errorText = useErrorText();
  const router = useRouter();
  const change = useAction<unknown>();
  const test = useAction<ConnectionTestResult>();
  const [confirming, setConfirming] = useState<"disable" | "delete" | null>(null);
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
          onClick={() =>
            config.enabled && config.isDefault
              ? setConfirming("disable")
              : change.run(() => adminApi("POST", `${base}/enabled`, { enabled: !config.enabled }))
          }
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
        {!confirming && (
          <button
            type="button"
            className={buttonClass("danger", "sm")}
            disabled={busy}
            onClick={() => setConfirming("delete")}
          >
            {t("delete")}
          </button>
        )}
      </div>
      {confirming && (
        <StopConfirm
          config={config}
          mode={confirming}
          successors={successors}
          busy={busy}
          onCancel={() => setConfirming(null)}
          onConfirm={async (successorId) => {
            const done =
              confirming === "delete"
                ? await change.run(() =>
                    adminApi("DELETE", successorId ? `${base}?successor=${encodeURIComponent(successorId)}` : base),
                  )
                : await change.run(() => adminApi("POST", `${base}/enabled`, { enabled: false, successorId }));
            setConfirming(null);
            if (done && confirming === "delete" && !showEdit) router.push("/admin/payment-configs");
          }}
        />
      )}
      {test.result && <TestResult result={test.result} />}
      {test.error && <Alert tone="error">{errorText(test.error)}</Alert>}
      {change.error && <Alert tone="error">{errorText(change.error)}</Alert>}
    </div>
  );
}
