import { useTranslations } from "next-intl";

const certificatePrefix = "platformCertificate:";

/** Which secrets are set, by fingerprint only: enough to tell keys apart, nothing to use. */
export function Fingerprints({ fingerprints }: { fingerprints: Record<string, string> }) {
  const t = useTranslations("console.secrets");
  const entries = Object.entries(fingerprints);
  if (!entries.length) return <span className="text-slate-400">—</span>;
  return (
    <dl className="flex flex-col gap-0.5 text-xs">
      {entries.map(([name, fingerprint]) => (
        <div key={name} className="flex flex-wrap gap-x-1">
          <dt className="text-slate-600">
            {name.startsWith(certificatePrefix)
              ? t("platformCertificate", { serial: name.slice(certificatePrefix.length) })
              : t.has(name)
                ? t(name)
                : name}
            :
          </dt>
          <dd className="font-mono text-slate-800">{fingerprint}</dd>
        </div>
      ))}
    </dl>
  );
}
