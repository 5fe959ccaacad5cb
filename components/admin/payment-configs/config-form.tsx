"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/admin/alert";
import { adminApi } from "@/components/admin/api";
import { Checkbox, SelectField, TextField, buttonClass } from "@/components/admin/form-controls";
import { useErrorText, useFieldErrorText } from "@/components/admin/messages";
import { PemField } from "@/components/admin/payment-configs/pem-field";
import { useAction } from "@/components/admin/use-action";
import type { PaymentConfigView } from "@/lib/payment-configs/config-view";

type Provider = "WECHAT" | "ALIPAY";
type AlipayDesktop = PaymentConfigView["alipayDesktop"];
const alipayDesktops: AlipayDesktop[] = ["PRECREATE", "PAGE_EMBEDDED", "PAGE_REDIRECT"];

export interface ConfigFormValues {
  id?: string;
  provider: Provider;
  name: string;
  appId: string;
  merchantId: string;
  merchantSerialNo: string;
  providerKeyId: string;
  gatewayUrl: string;
  returnUrl: string;
  oauthBaseUrl: string;
  alipayDesktop: AlipayDesktop;
  sandbox: boolean;
  enabled: boolean;
  isDefault: boolean;
  fingerprints: Record<string, string>;
}

interface CertificateEntry {
  key: number;
  serialNo: string;
  pem: string;
  /** Already stored: sent without a PEM, which keeps the stored one. */
  storedFingerprint?: string;
}

const emptySecrets = {
  merchantPrivateKeyPem: "",
  apiV3Key: "",
  appSecret: "",
  wechatPayPublicKeyPem: "",
  merchantCertificatePem: "",
  appPrivateKeyPem: "",
  alipayPublicKeyPem: "",
};

type SecretName = keyof typeof emptySecrets;

const certificatePrefix = "platformCertificate:";

function storedCertificates(fingerprints: Record<string, string>): CertificateEntry[] {
  return Object.entries(fingerprints)
    .filter(([name]) => name.startsWith(certificatePrefix))
    .map(([name, fingerprint], index) => ({
      key: index,
      serialNo: name.slice(certificatePrefix.length),
      pem: "",
      storedFingerprint: fingerprint,
    }));
}

/**
 * Create or edit a payment config. Secrets are write-only: the form never receives them,
 * only their fingerprints; an empty secret field on edit keeps what is stored.
 */
export function ConfigForm({ initial }: { initial: ConfigFormValues }) {
  const t = useTranslations("console.configForm");
  const errorText = useErrorText();
  const fieldError = useFieldErrorText();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const save = useAction<PaymentConfigView>();
  const editing = Boolean(initial.id);
  const wechat = initial.provider === "WECHAT";

  const [values, setValues] = useState(initial);
  const [fingerprints, setFingerprints] = useState(initial.fingerprints);
  const [secrets, setSecrets] = useState(emptySecrets);
  const [removePublicKey, setRemovePublicKey] = useState(false);
  const [certificates, setCertificates] = useState(() => storedCertificates(initial.fingerprints));
  const nextKey = useRef(100);
  const fields = save.error?.fields ?? {};
  const error = (path: string) => fieldError(fields[path]);

  useEffect(() => {
    if (save.error) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [save.error]);

  const set = <K extends keyof ConfigFormValues>(name: K, value: ConfigFormValues[K]) =>
    setValues((current) => ({ ...current, [name]: value }));
  const setSecret = (name: SecretName, value: string) => setSecrets((current) => ({ ...current, [name]: value }));

  function secretStatus(name: string): string {
    const fingerprint = fingerprints[name];
    return fingerprint ? t("secretSet", { fingerprint }) : t("secretNotSet");
  }
  const keepHint = editing ? t("keepHint") : undefined;

  function body() {
    const common = {
      provider: values.provider,
      name: values.name,
      appId: values.appId,
      merchantId: values.merchantId,
      gatewayUrl: values.gatewayUrl,
      returnUrl: values.returnUrl,
      sandbox: values.sandbox,
      // On edit these follow the page (the buttons above the form change them), never stale form state.
      enabled: editing ? initial.enabled : values.enabled,
      isDefault: editing ? initial.isDefault : values.isDefault,
    };
    if (!wechat) {
      return {
        ...common,
        alipayDesktop: values.alipayDesktop,
        secrets: { appPrivateKeyPem: secrets.appPrivateKeyPem, alipayPublicKeyPem: secrets.alipayPublicKeyPem },
      };
    }
    return {
      ...common,
      merchantSerialNo: values.merchantSerialNo,
      providerKeyId: removePublicKey ? "" : values.providerKeyId,
      oauthBaseUrl: values.oauthBaseUrl,
      secrets: {
        merchantPrivateKeyPem: secrets.merchantPrivateKeyPem,
        apiV3Key: secrets.apiV3Key,
        appSecret: secrets.appSecret,
        wechatPayPublicKeyPem: removePublicKey ? "" : secrets.wechatPayPublicKeyPem,
        removeWechatPayPublicKey: removePublicKey,
        merchantCertificatePem: secrets.merchantCertificatePem,
        platformCertificates: certificates.map((cert) =>
          cert.storedFingerprint && !cert.pem.trim()
            ? { serialNo: cert.serialNo }
            : { serialNo: cert.serialNo, pem: cert.pem },
        ),
      },
    };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const saved = await save.run(async () =>
      initial.id
        ? (await adminApi<{ config: PaymentConfigView }>("PATCH", `/api/admin/payment-configs/${initial.id}`, body()))
            .config
        : (await adminApi<{ config: PaymentConfigView }>("POST", "/api/admin/payment-configs", body())).config,
    );
    if (!saved) return;
    if (!initial.id) {
      router.push(`/admin/payment-configs/${saved.id}?created=1`);
      return;
    }
    // Typed secrets are gone from the page once stored; what remains is their fingerprints.
    router.replace(`/admin/payment-configs/${initial.id}`);
    setSecrets(emptySecrets);
    setRemovePublicKey(false);
    setFingerprints(saved.fingerprints);
    setCertificates(storedCertificates(saved.fingerprints));
    setValues((current) => ({ ...current, providerKeyId: saved.providerKeyId ?? "" }));
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-6" aria-label={t("formLabel")}>
      {save.error && (
        <Alert tone="error">
          {fields._
            ? t("keysRejected", { reason: fieldError(fields._) ?? "" })
            : Object.keys(fields).length
              ? t("fixFields")
              : errorText(save.error)}
        </Alert>
      )}
      {save.result && editing && <Alert tone="success">{t("saved")}</Alert>}

      <fieldset className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">{t("account")}</legend>
        <TextField
          id="name"
          label={t("name")}
          value={values.name}
          onChange={(e) => set("name", e.target.value)}
          error={error("name")}
          required
        />
        <TextField
          id="appId"
          label={wechat ? t("wechatAppId") : t("alipayAppId")}
          value={values.appId}
          onChange={(e) => set("appId", e.target.value)}
          error={error("appId")}
          required
        />
        <TextField
          id="merchantId"
          label={wechat ? t("mchId") : t("sellerId")}
          hint={wechat ? undefined : t("sellerIdHint")}
          value={values.merchantId}
          onChange={(e) => set("merchantId", e.target.value)}
          error={error("merchantId")}
          required
        />
        {wechat && (
          <TextField
            id="merchantSerialNo"
            label={t("merchantSerialNo")}
            hint={t("merchantSerialNoHint")}
            value={values.merchantSerialNo}
            onChange={(e) => set("merchantSerialNo", e.target.value)}
            error={error("merchantSerialNo")}
            required
          />
        )}
        <TextField
          id="gatewayUrl"
          label={t("gatewayUrl")}
          type="url"
          value={values.gatewayUrl}
          onChange={(e) => set("gatewayUrl", e.target.value)}
          error={error("gatewayUrl")}
          required
        />
        <TextField
          id="returnUrl"
          label={t("returnUrl")}
          hint={t("returnUrlHint")}
          type="url"
          value={values.returnUrl}
          onChange={(e) => set("returnUrl", e.target.value)}
          error={error("returnUrl")}
        />
        {!wechat && (
          <SelectField
            id="alipayDesktop"
            label={t("alipayDesktop")}
            hint={t("alipayDesktopHint")}
            value={values.alipayDesktop}
            onChange={(e) => set("alipayDesktop", e.target.value as AlipayDesktop)}
            error={error("alipayDesktop")}
          >
            {alipayDesktops.map((option) => (
              <option key={option} value={option}>
                {t(`alipayDesktops.${option}`)}
              </option>
            ))}
          </SelectField>
        )}
        <div className="flex flex-col gap-2 md:col-span-2">
          <Checkbox
            id="sandbox"
            label={t("sandbox")}
            hint={t("sandboxHint")}
            checked={values.sandbox}
            onChange={(e) => set("sandbox", e.target.checked)}
          />
          {!editing && (
            <>
              <Checkbox
                id="enabled"
                label={t("enabled")}
                checked={values.enabled}
                onChange={(e) => set("enabled", e.target.checked)}
              />
              <Checkbox
                id="isDefault"
                label={t("isDefault")}
                hint={t("isDefaultHint")}
                checked={values.isDefault}
                onChange={(e) => set("isDefault", e.target.checked)}
              />
            </>
          )}
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-1 text-base font-semibold">{t("keys")}</legend>
        <p className="text-sm text-slate-600">{t("keysIntro")}</p>
        {wechat ? (
          <>
            <PemField
              id="secrets.merchantPrivateKeyPem"
              label={t("merchantPrivateKey")}
              value={secrets.merchantPrivateKeyPem}
              onChange={(value) => setSecret("merchantPrivateKeyPem", value)}
              status={editing ? secretStatus("merchantPrivateKeyPem") : undefined}
              hint={keepHint ?? t("merchantPrivateKeyHint")}
              error={error("secrets.merchantPrivateKeyPem")}
              placeholder="-----BEGIN PRIVATE KEY-----"
            />
            <TextField
              id="secrets.apiV3Key"
              label={t("apiV3Key")}
              type="password"
              autoComplete="new-password"
              value={secrets.apiV3Key}
              onChange={(e) => setSecret("apiV3Key", e.target.value)}
              hint={[editing ? secretStatus("apiV3Key") : null, keepHint ?? t("apiV3KeyHint")]
                .filter(Boolean)
                .join(" · ")}
              error={error("secrets.apiV3Key")}
            />
            <TextField
              id="secrets.appSecret"
              label={t("appSecret")}
              type="password"
              autoComplete="new-password"
              value={secrets.appSecret}
              onChange={(e) => setSecret("appSecret", e.target.value)}
              hint={[editing ? secretStatus("appSecret") : null, keepHint ?? t("appSecretHint")]
                .filter(Boolean)
                .join(" · ")}
              error={error("secrets.appSecret")}
            />
            <TextField
              id="oauthBaseUrl"
              label={t("oauthBaseUrl")}
              hint={t("oauthBaseUrlHint")}
              type="url"
              value={values.oauthBaseUrl}
              onChange={(e) => set("oauthBaseUrl", e.target.value)}
              error={error("oauthBaseUrl")}
            />
            <PemField
              id="secrets.merchantCertificatePem"
              label={t("merchantCertificate")}
              value={secrets.merchantCertificatePem}
              onChange={(value) => setSecret("merchantCertificatePem", value)}
              hint={t("merchantCertificateHint")}
              error={error("secrets.merchantCertificatePem")}
              placeholder="-----BEGIN CERTIFICATE-----"
            />
            <div className="flex flex-col gap-3 rounded-lg border border-slate-200 p-4">
              <h3 className="text-sm font-semibold">{t("publicKeyMode")}</h3>
              <TextField
                id="providerKeyId"
                label={t("publicKeyId")}
                hint={t("publicKeyIdHint")}
                value={removePublicKey ? "" : values.providerKeyId}
                disabled={removePublicKey}
                onChange={(e) => set("providerKeyId", e.target.value)}
                error={error("providerKeyId")}
              />
              <PemField
                id="secrets.wechatPayPublicKeyPem"
                label={t("wechatPayPublicKey")}
                value={secrets.wechatPayPublicKeyPem}
                onChange={(value) => setSecret("wechatPayPublicKeyPem", value)}
                status={editing ? secretStatus("wechatPayPublicKeyPem") : undefined}
                hint={keepHint}
                error={error("secrets.wechatPayPublicKeyPem")}
                placeholder="-----BEGIN PUBLIC KEY-----"
              />
              {editing && fingerprints.wechatPayPublicKeyPem && (
                <Checkbox
                  id="removeWechatPayPublicKey"
                  label={t("removePublicKey")}
                  checked={removePublicKey}
                  onChange={(e) => setRemovePublicKey(e.target.checked)}
                />
              )}
            </div>
            <div className="flex flex-col gap-3 rounded-lg border border-slate-200 p-4">
              <h3 className="text-sm font-semibold">{t("certificateMode")}</h3>
              <p className="text-xs text-slate-600">{t("certificateModeHint")}</p>
              {certificates.map((cert, index) => (
                <div
                  key={cert.key}
                  className="flex flex-col gap-2 rounded-md bg-slate-50 p-3"
                  data-testid="platform-certificate"
                >
                  {cert.storedFingerprint ? (
                    <p className="text-sm">
                      <span className="font-mono">{cert.serialNo}</span>{" "}
                      <span className="text-slate-600">{t("secretSet", { fingerprint: cert.storedFingerprint })}</span>
                    </p>
                  ) : (
                    <>
                      <TextField
                        id={`secrets.platformCertificates.${index}.serialNo`}
                        label={t("certificateSerial")}
                        value={cert.serialNo}
                        onChange={(e) =>
                          setCertificates((list) =>
                            list.map((item) => (item.key === cert.key ? { ...item, serialNo: e.target.value } : item)),
                          )
                        }
                        error={error(`secrets.platformCertificates.${index}.serialNo`)}
                      />
                      <PemField
                        id={`secrets.platformCertificates.${index}.pem`}
                        label={t("certificatePem")}
                        value={cert.pem}
                        onChange={(value) =>
                          setCertificates((list) =>
                            list.map((item) => (item.key === cert.key ? { ...item, pem: value } : item)),
                          )
                        }
                        error={error(`secrets.platformCertificates.${index}.pem`)}
                        placeholder="-----BEGIN CERTIFICATE-----"
                      />
                    </>
                  )}
                  <div>
                    <button
                      type="button"
                      className={buttonClass("danger", "sm")}
                      onClick={() => setCertificates((list) => list.filter((item) => item.key !== cert.key))}
                    >
                      {t("removeCertificate", { serial: cert.serialNo || index + 1 })}
                    </button>
                  </div>
                </div>
              ))}
              <div>
                <button
                  type="button"
                  className={buttonClass("secondary", "sm")}
                  disabled={certificates.length >= 10}
                  onClick={() =>
                    setCertificates((list) => [...list, { key: nextKey.current++, serialNo: "", pem: "" }])
                  }
                >
                  {t("addCertificate")}
                </button>
              </div>
            </div>
          </>
        ) : (
          <>
            <PemField
              id="secrets.appPrivateKeyPem"
              label={t("appPrivateKey")}
              value={secrets.appPrivateKeyPem}
              onChange={(value) => setSecret("appPrivateKeyPem", value)}
              status={editing ? secretStatus("appPrivateKeyPem") : undefined}
              hint={keepHint ?? t("appPrivateKeyHint")}
              error={error("secrets.appPrivateKeyPem")}
              placeholder="-----BEGIN PRIVATE KEY-----"
            />
            <PemField
              id="secrets.alipayPublicKeyPem"
              label={t("alipayPublicKey")}
              value={secrets.alipayPublicKeyPem}
              onChange={(value) => setSecret("alipayPublicKeyPem", value)}
              status={editing ? secretStatus("alipayPublicKeyPem") : undefined}
              hint={keepHint ?? t("alipayPublicKeyHint")}
              error={error("secrets.alipayPublicKeyPem")}
              placeholder="-----BEGIN PUBLIC KEY-----"
            />
          </>
        )}
      </fieldset>

      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass("primary")} disabled={save.pending}>
          {save.pending ? t("saving") : editing ? t("save") : t("create")}
        </button>
      </div>
    </form>
  );
}
