import Link from "next/link";
import { useTranslations } from "next-intl";
import type { InputHTMLAttributes, ReactNode } from "react";
import { buttonClass } from "@/components/admin/form-controls";

const field = "w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm";

function Labelled({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        {label}
      </label>
      {children}
    </div>
  );
}

/** A text-like filter: its id, name and current value all follow from `name`. */
function InputFilter({
  name,
  label,
  values,
  ...input
}: { name: string; label: string; values: Record<string, string> } & Pick<
  InputHTMLAttributes<HTMLInputElement>,
  "type" | "inputMode" | "placeholder"
>) {
  const id = `f-${name}`;
  return (
    <Labelled id={id} label={label}>
      <input id={id} name={name} defaultValue={values[name]} className={field} {...input} />
    </Labelled>
  );
}

/** An "only these" switch, sent as `name=1` when checked. */
function CheckFilter({ name, label, values }: { name: string; label: string; values: Record<string, string> }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input
        type="checkbox"
        name={name}
        value="1"
        defaultChecked={values[name] === "1"}
        className="size-4 accent-brand-600"
      />
      {label}
    </label>
  );
}

/**
 * The filters as a plain GET form: the URL is the state, so a filtered view can be
 * bookmarked, shared and exported, and it works before any script has loaded.
 */
export function TransactionFiltersForm({
  values,
  configs,
}: {
  values: Record<string, string>;
  configs: { id: string; name: string; deleted: boolean }[];
}) {
  const t = useTranslations("console.transactions");
  const ts = useTranslations("console.orderStatus");
  const tp = useTranslations("console.providers");
  const tc = useTranslations("console.channels");
  return (
    <form
      method="get"
      action="/admin/transactions"
      role="search"
      aria-label={t("filters")}
      className="flex flex-col gap-3"
    >
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-6">
        <div className="col-span-2">
          <InputFilter
            name="q"
            type="search"
            label={t("search")}
            placeholder={t("searchPlaceholder")}
            values={values}
          />
        </div>
        <Labelled id="f-status" label={t("status")}>
          <select id="f-status" name="status" defaultValue={values.status ?? ""} className={field}>
            <option value="">{t("any")}</option>
            {(["PENDING", "PAID", "PARTIALLY_REFUNDED", "REFUNDED", "CLOSED"] as const).map((status) => (
              <option key={status} value={status}>
                {ts(status)}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id="f-provider" label={t("provider")}>
          <select id="f-provider" name="provider" defaultValue={values.provider ?? ""} className={field}>
            <option value="">{t("any")}</option>
            <option value="WECHAT">{tp("WECHAT")}</option>
            <option value="ALIPAY">{tp("ALIPAY")}</option>
          </select>
        </Labelled>
        <Labelled id="f-channel" label={t("channel")}>
          <select id="f-channel" name="channel" defaultValue={values.channel ?? ""} className={field}>
            <option value="">{t("any")}</option>
            {(["QR", "H5", "JSAPI", "PAGE"] as const).map((channel) => (
              <option key={channel} value={channel}>
                {tc(channel)}
              </option>
            ))}
          </select>
        </Labelled>
        <div className="col-span-2">
          <Labelled id="f-config" label={t("config")}>
            <select id="f-config" name="configId" defaultValue={values.configId ?? ""} className={field}>
              <option value="">{t("any")}</option>
              {configs.map((config) => (
                <option key={config.id} value={config.id}>
                  {config.deleted ? t("deletedConfig", { name: config.name }) : config.name}
                </option>
              ))}
            </select>
          </Labelled>
        </div>
        <InputFilter name="from" type="date" label={t("from")} values={values} />
        <InputFilter name="to" type="date" label={t("to")} values={values} />
        <InputFilter name="minYuan" inputMode="decimal" placeholder="0.00" label={t("minYuan")} values={values} />
        <InputFilter name="maxYuan" inputMode="decimal" placeholder="0.00" label={t("maxYuan")} values={values} />
        <div className="col-span-2 flex items-end gap-4 pb-1.5">
          <CheckFilter name="anomaly" label={t("onlyAnomalies")} values={values} />
          <CheckFilter name="late" label={t("onlyLate")} values={values} />
        </div>
      </div>
      {values.sort && <input type="hidden" name="sort" value={values.sort} />}
      {values.dir && <input type="hidden" name="dir" value={values.dir} />}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass("primary")}>
          {t("apply")}
        </button>
        <Link href="/admin/transactions" className={buttonClass("secondary")}>
          {t("reset")}
        </Link>
      </div>
    </form>
  );
}
