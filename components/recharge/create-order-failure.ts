import { ApiError } from "@/components/recharge/api";

/** The server's refusals that the user can act on (its error messages). */
const refusals = ["provider_unavailable", "package_not_found", "rate_limited", "sign_in_required"] as const;
type Refusal = (typeof refusals)[number];

/** Why an order could not be created: a key of the messages `recharge.errors`. */
export type CreateOrderFailure = Refusal | "network" | "unknown";

function isRefusal(message: string): message is Refusal {
  return (refusals as readonly string[]).includes(message);
}

export function createOrderFailure(error: unknown): CreateOrderFailure {
  if (!(error instanceof ApiError)) return "unknown";
  if (!error.answered) return "network";
  return isRefusal(error.message) ? error.message : "unknown";
}
