import type { PaymentConfig } from "@prisma/client";
import { AppError } from "@/lib/errors";
import type { AlipaySecretsInput, PaymentConfigInput, WechatSecretsInput } from "@/lib/payment-configs/config-input";
import { pointsAtAppSandbox } from "@/lib/payment-configs/is-sandbox";
import type { AlipaySecrets, ConfigSecrets, WechatSecrets } from "@/lib/payment-configs/secrets";
import { checkAlipayKeys, checkWechatKeys, normalSerial, type FieldErrors } from "@/lib/payment-configs/validate-keys";
import { createAdapter } from "@/lib/payments/registry";

export type StoredConfigFields = Pick<
  PaymentConfig,
  | "provider"
  | "name"
  | "appId"
  | "merchantId"
  | "merchantSerialNo"
  | "providerKeyId"
  | "gatewayUrl"
  | "returnUrl"
  | "oauthBaseUrl"
  | "alipayDesktop"
  | "sandbox"
  | "enabled"
  | "isDefault"
>;

export interface PreparedConfig {
  fields: StoredConfigFields;
  secrets: ConfigSecrets;
  /** Names of the secrets that differ from the stored ones (all of them on create). */
  changedSecrets: string[];
}

function mergeWechat(
  input: WechatSecretsInput,
  old: WechatSecrets | null,
  missing: FieldErrors,
): Partial<WechatSecrets> {
  const merchantPrivateKeyPem = input.merchantPrivateKeyPem ?? old?.merchantPrivateKeyPem;
  const apiV3Key = input.apiV3Key ?? old?.apiV3Key;
  if (!merchantPrivateKeyPem) missing["secrets.merchantPrivateKeyPem"] = "required";
  if (!apiV3Key) missing["secrets.apiV3Key"] = "required";
  const appSecret = input.appSecret ?? old?.appSecret;
  const wechatPayPublicKeyPem = input.removeWechatPayPublicKey
    ? undefined
    : (input.wechatPayPublicKeyPem ?? old?.wechatPayPublicKeyPem);
  const platformCertificates =
    input.platformCertificates === undefined
      ? old?.platformCertificates
      : input.platformCertificates.map((cert, index) => {
          const kept = old?.platformCertificates?.find(
            (stored) => normalSerial(stored.serialNo) === normalSerial(cert.serialNo),
          );
          const pem = cert.pem ?? kept?.pem;
          if (!pem) missing[`secrets.platformCertificates.${index}.pem`] = "required";
          return { serialNo: cert.serialNo, pem: pem ?? "" };
        });
  return {
    merchantPrivateKeyPem,
    apiV3Key,
    ...(wechatPayPublicKeyPem ? { wechatPayPublicKeyPem } : {}),
    ...(platformCertificates?.length ? { platformCertificates } : {}),
    ...(appSecret ? { appSecret } : {}),
  };
}

function mergeAlipay(
  input: AlipaySecretsInput,
  old: AlipaySecrets | null,
  missing: FieldErrors,
): Partial<AlipaySecrets> {
  const appPrivateKeyPem = input.appPrivateKeyPem ?? old?.appPrivateKeyPem;
  const alipayPublicKeyPem = input.alipayPublicKeyPem ?? old?.alipayPublicKeyPem;
  if (!appPrivateKeyPem) missing["secrets.appPrivateKeyPem"] = "required";
  if (!alipayPublicKeyPem) missing["secrets.alipayPublicKeyPem"] = "required";
  return { appPrivateKeyPem, alipayPublicKeyPem };
}

function changedSecretNames(merged: ConfigSecrets, old: ConfigSecrets | null): string[] {
  const before: Record<string, unknown> = old ?? {};
  const after: Record<string, unknown> = merged;
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name])).sort();
}

function invalid(fields: FieldErrors): AppError {
  return new AppError("VALIDATION", "invalid_payment_config", { fields });
}

/**
 * Turns console input (plus, on edit, the stored secrets) into the row's fields and the full
 * secret set, or throws one VALIDATION error listing every field that is wrong. Nothing is
 * written here: callers save only what passed.
 */
export function prepareConfig(input: PaymentConfigInput, stored: ConfigSecrets | null): PreparedConfig {
  const wechat = input.provider === "WECHAT";
  const fields: StoredConfigFields = {
    provider: input.provider,
    name: input.name,
    appId: input.appId,
    merchantId: input.merchantId,
    merchantSerialNo: wechat ? input.merchantSerialNo : null,
    providerKeyId: wechat ? (input.providerKeyId ?? null) : null,
    gatewayUrl: input.gatewayUrl,
    returnUrl: input.returnUrl ?? null,
    oauthBaseUrl: wechat ? (input.oauthBaseUrl ?? null) : null,
    alipayDesktop: wechat ? "PRECREATE" : input.alipayDesktop,
    sandbox: input.sandbox,
    enabled: input.enabled,
    isDefault: input.isDefault,
  };

  const missing: FieldErrors = {};
  let merged: Partial<ConfigSecrets>;
  let problems: FieldErrors;
  if (input.provider === "WECHAT") {
    const secrets = mergeWechat(input.secrets, stored as WechatSecrets | null, missing);
    problems = checkWechatKeys({
      gatewayUrl: input.gatewayUrl,
      merchantSerialNo: input.merchantSerialNo,
      providerKeyId: input.providerKeyId,
      secrets,
      merchantCertificatePem: input.secrets.merchantCertificatePem,
    });
    merged = secrets;
  } else {
    const secrets = mergeAlipay(input.secrets, stored as AlipaySecrets | null, missing);
    problems = checkAlipayKeys({
      gatewayUrl: input.gatewayUrl,
      appId: input.appId,
      merchantId: input.merchantId,
      secrets,
    });
    merged = secrets;
  }
  // A live config on the app's own sandbox would turn simulated payments into real credits.
  if (!input.sandbox && pointsAtAppSandbox(input.gatewayUrl)) problems.gatewayUrl = "sandbox_gateway_live";
  // "Required" says more than a format complaint about a value that is not there.
  const errors = { ...problems, ...missing };
  if (Object.keys(errors).length) throw invalid(errors);

  const secrets = merged as ConfigSecrets;
  try {
    // The adapter is what will sign and verify: if it cannot be built, the config is unusable.
    createAdapter(fields, secrets);
  } catch (error) {
    throw invalid({ _: error instanceof Error ? error.message : "invalid key material" });
  }
  return { fields, secrets, changedSecrets: changedSecretNames(secrets, stored) };
}
