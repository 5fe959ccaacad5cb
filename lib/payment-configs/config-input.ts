import { z } from "zod";

/**
 * What the admin console sends to create or edit a payment config. Secrets are all optional
 * here: on edit an empty field keeps the stored value; on create the missing ones are reported
 * as "required" once the stored ones are known (see prepare-config.ts). Messages are codes the
 * console translates.
 */

// Form fields arrive as "" when left empty; treat that as "not given".
const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const required = (max: number) => z.string("required").trim().min(1, "required").max(max, "too_long");
const optional = <Schema extends z.ZodType>(schema: Schema) => z.preprocess(blank, schema.optional());
const httpUrl = z.url({ protocol: /^https?$/, error: "invalid_url" }).max(500, "too_long");
const pem = z.string().trim().max(16_384, "too_long");

const common = {
  name: required(80),
  appId: required(64),
  merchantId: required(64),
  gatewayUrl: z.preprocess(blank, httpUrl),
  returnUrl: optional(httpUrl),
  sandbox: z.boolean().default(false),
  enabled: z.boolean().default(true),
  isDefault: z.boolean().default(false),
};

export const wechatSecretsInputSchema = z.object({
  merchantPrivateKeyPem: optional(pem),
  apiV3Key: optional(z.string().trim().max(64, "too_long")),
  wechatPayPublicKeyPem: optional(pem),
  /** Drop the stored WeChat Pay public key (e.g. after moving to platform certificates only). */
  removeWechatPayPublicKey: z.boolean().default(false),
  /** The full list to keep; a certificate without `pem` keeps the stored one of that serial. */
  platformCertificates: z
    .array(z.object({ serialNo: required(64), pem: optional(pem) }))
    .max(10, "too_many")
    .optional(),
  /** The official account's AppSecret (JSAPI payments inside WeChat); write-only like the keys. */
  appSecret: optional(z.string().trim().max(128, "too_long")),
  /** The merchant API certificate (apiclient_cert.pem): checked against the key and serial, not stored. */
  merchantCertificatePem: optional(pem),
});

export const alipaySecretsInputSchema = z.object({
  appPrivateKeyPem: optional(pem),
  alipayPublicKeyPem: optional(pem),
});

export const paymentConfigInputSchema = z.discriminatedUnion(
  "provider",
  [
    z.object({
      provider: z.literal("WECHAT"),
      ...common,
      merchantSerialNo: required(64),
      providerKeyId: optional(z.string().trim().max(64, "too_long")),
      /** OAuth2 base for the official account; empty = WeChat's own hosts. */
      oauthBaseUrl: optional(httpUrl),
      secrets: wechatSecretsInputSchema,
    }),
    z.object({
      provider: z.literal("ALIPAY"),
      ...common,
      /** On a computer: 当面付 QR (precreate) or 电脑网站支付 (page.pay), framed in the order page or full page. */
      alipayDesktop: z
        .enum(["PRECREATE", "PAGE_EMBEDDED", "PAGE_REDIRECT"], "invalid_alipay_desktop")
        .default("PRECREATE"),
      secrets: alipaySecretsInputSchema,
    }),
  ],
  { error: "unknown_provider" },
);

export type PaymentConfigInput = z.infer<typeof paymentConfigInputSchema>;
export type WechatSecretsInput = z.infer<typeof wechatSecretsInputSchema>;
export type AlipaySecretsInput = z.infer<typeof alipaySecretsInputSchema>;
