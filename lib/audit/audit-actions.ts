/**
 * Every action code the app writes to the audit log. The console names each one in both
 * languages (console.audit.actions in lib/i18n/messages/console.*.json); a test checks that
 * every code written anywhere is listed here and named in both.
 */
export const auditActions = [
  "admin.sign_in",
  "api_key.create",
  "api_key.revoke",
  "display_settings.time_zone",
  "order.close",
  "order.refund",
  "order.sync",
  "package.activate",
  "package.create",
  "package.deactivate",
  "package.reorder",
  "package.update",
  "payment_config.create",
  "payment_config.create_sandbox",
  "payment_config.delete",
  "payment_config.disable",
  "payment_config.enable",
  "payment_config.set_default",
  "payment_config.test_connection",
  "payment_config.update",
  "reconciliation.export",
  "reconciliation.resolve",
  "reconciliation.run",
  "redemption_batch.create",
  "redemption_batch.disable",
  "redemption_batch.download",
  "sandbox.faults",
  "transactions.export",
  "user.adjust_balance",
  "user.grant_credits",
  "wallet.void_lot",
  "wallet.void_sandbox_credits",
  "wallet_settings.low_balance_threshold",
  "webhook_delivery.resend",
  "webhook_endpoint.create",
  "webhook_endpoint.update",
] as const;

export type AuditAction = (typeof auditActions)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (auditActions as readonly string[]).includes(value);
}

/** The message key of an action's name: dots cannot appear in next-intl keys. */
export function auditActionKey(action: AuditAction): string {
  return action.replace(".", "__");
}

/**
 * The console page an entry's target opens, by the action's domain; null when the target has
 * no page of its own (an export's scope, a delivery, a reconciliation key).
 */
export function auditTargetHref(action: string, target: string | null): string | null {
  if (!target) return null;
  const id = encodeURIComponent(target);
  const [domain] = action.split(".");
  switch (domain) {
    case "admin":
    case "user":
    case "wallet":
      return action === "wallet.void_sandbox_credits" ? null : `/admin/users/${id}`;
    case "order":
      return `/admin/transactions/${id}`;
    case "package":
      return target === "packages" ? "/admin/packages" : `/admin/packages/${id}`;
    case "payment_config":
      return `/admin/payment-configs/${id}`;
    case "webhook_endpoint":
      return `/admin/webhooks/${id}`;
    case "api_key":
      return "/admin/developers";
    case "redemption_batch":
      return "/admin/redemption-batches";
    default:
      return null;
  }
}
