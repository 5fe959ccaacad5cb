import type { PaymentConfig, Prisma } from "@prisma/client";
import { z } from "zod";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isSandboxConfig } from "@/lib/payment-configs/is-sandbox";
import { paymentNotifyUrl, refundNotifyUrl } from "@/lib/payment-configs/urls";

/** Everything of a config except its sealed secrets: what the console may show. */
const safeColumns = {
  id: true,
  provider: true,
  name: true,
  appId: true,
  merchantId: true,
  merchantSerialNo: true,
  providerKeyId: true,
  gatewayUrl: true,
  returnUrl: true,
  oauthBaseUrl: true,
  alipayDesktop: true,
  sandbox: true,
  enabled: true,
  isDefault: true,
  secretFingerprints: true,
  deletedAt: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.PaymentConfigSelect;

type SafeRow = Prisma.PaymentConfigGetPayload<{ select: typeof safeColumns }>;

export interface PaymentConfigView {
  id: string;
  provider: PaymentConfig["provider"];
  name: string;
  appId: string;
  merchantId: string;
  merchantSerialNo: string | null;
  providerKeyId: string | null;
  gatewayUrl: string;
  returnUrl: string | null;
  oauthBaseUrl: string | null;
  alipayDesktop: PaymentConfig["alipayDesktop"];
  notifyUrl: string;
  refundNotifyUrl: string;
  sandbox: boolean;
  enabled: boolean;
  isDefault: boolean;
  /** Secret name → fingerprint; platform certificates as "platformCertificate:<serial>". */
  fingerprints: Record<string, string>;
  deletedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const fingerprintsSchema = z.record(z.string(), z.string());

function readFingerprints(value: Prisma.JsonValue): Record<string, string> {
  const parsed = fingerprintsSchema.safeParse(value);
  return parsed.success ? parsed.data : {};
}

function toView(row: SafeRow): PaymentConfigView {
  return {
    id: row.id,
    provider: row.provider,
    name: row.name,
    appId: row.appId,
    merchantId: row.merchantId,
    merchantSerialNo: row.merchantSerialNo,
    providerKeyId: row.providerKeyId,
    gatewayUrl: row.gatewayUrl,
    returnUrl: row.returnUrl,
    oauthBaseUrl: row.oauthBaseUrl,
    alipayDesktop: row.alipayDesktop,
    notifyUrl: paymentNotifyUrl(row),
    refundNotifyUrl: refundNotifyUrl(row),
    sandbox: isSandboxConfig(row),
    enabled: row.enabled,
    isDefault: row.isDefault,
    fingerprints: readFingerprints(row.secretFingerprints),
    deletedAt: row.deletedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Configs for the console, newest first per provider; deleted ones only when asked for. */
export async function listPaymentConfigs(options: { includeDeleted?: boolean } = {}): Promise<PaymentConfigView[]> {
  const prisma = await getPrisma();
  const rows = await prisma.paymentConfig.findMany({
    where: options.includeDeleted ? {} : { deletedAt: null },
    select: safeColumns,
    orderBy: [{ provider: "desc" }, { isDefault: "desc" }, { createdAt: "desc" }],
  });
  return rows.map(toView);
}

export async function getPaymentConfigView(id: string): Promise<PaymentConfigView> {
  const prisma = await getPrisma();
  const row = await prisma.paymentConfig.findUnique({ where: { id }, select: safeColumns });
  if (!row) throw new AppError("NOT_FOUND", "payment_config_not_found");
  return toView(row);
}

/**
 * A config as the audit log keeps it: fields plus fingerprints, listed so that the audit
 * masking (which hides values under secret-sounding keys) keeps the fingerprints readable.
 */
export function auditSnapshot(config: PaymentConfig) {
  return {
    provider: config.provider,
    name: config.name,
    appId: config.appId,
    merchantId: config.merchantId,
    merchantSerialNo: config.merchantSerialNo,
    providerKeyId: config.providerKeyId,
    gatewayUrl: config.gatewayUrl,
    returnUrl: config.returnUrl,
    oauthBaseUrl: config.oauthBaseUrl,
    alipayDesktop: config.alipayDesktop,
    sandbox: isSandboxConfig(config),
    enabled: config.enabled,
    isDefault: config.isDefault,
    deletedAt: config.deletedAt,
    keyFingerprints: Object.entries(readFingerprints(config.secretFingerprints)).map(([field, fingerprint]) => ({
      field,
      fingerprint,
    })),
  };
}

/** The provider's other enabled configs, which can take over as its default. */
export function successorsOf(config: PaymentConfigView, all: PaymentConfigView[]): { id: string; name: string }[] {
  return all
    .filter(
      (other) => other.provider === config.provider && other.enabled && !other.deletedAt && other.id !== config.id,
    )
    .map(({ id, name }) => ({ id, name }));
}
