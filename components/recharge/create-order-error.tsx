import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/auth/form-alert";
import { ApiError, type Provider } from "@/components/recharge/api";

const known = ["provider_unavailable", "package_not_found", "rate_limited", "sign_in_required"] as const;
type Known = (typeof known)[number];

function reason(error: Error): Known | "network" | "unknown" {
  if (!(error instanceof ApiError)) return "unknown";
  if (!error.answered) return "network";
  return known.includes(error.message as Known) ? (error.message as Known) : "unknown";
}

/** Why an order could not be created, in words the user can act on. */
export function CreateOrderError({ error, provider }: { error: Error; provider: Provider }) {
  const t = useTranslations("recharge.errors");
  const tProvider = useTranslations("providers");
  return <FormAlert>{t(reason(error), { provider: tProvider(provider) })}</FormAlert>;
}
