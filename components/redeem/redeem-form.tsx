"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

export interface RedeemTexts {
  label: string;
  hint: string;
  submit: string;
  submitting: string;
  /** "{credits}" and "{expiry}" are filled in by the form. */
  success: string;
  successNeverExpires: string;
  balance: string;
  errors: Record<string, string>;
}

interface Redeemed {
  credits: number;
  expiresAt: string | null;
  balance: number;
}

interface ErrorBody {
  error?: { message?: string; code?: string };
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** The code box. Errors name what went wrong (unknown, used, batch closed, limit), and the code stays in the box. */
export function RedeemForm({ texts, locale, timeZone }: { texts: RedeemTexts; locale: string; timeZone: string }) {
  const router = useRouter();
  const [code, setCode] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Redeemed | null>(null);
  const formatDate = (iso: string) =>
    new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-US", {
      dateStyle: "long",
      timeZone,
    }).format(new Date(iso));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    setDone(null);
    try {
      const response = await fetch("/api/redeem", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ code }),
      });
      if (response.ok) {
        setDone(((await response.json()) as { redemption: Redeemed }).redemption);
        setCode("");
        // The header's balance and the home page's expiry notice are server-rendered.
        router.refresh();
      } else {
        const body = ((await response.json().catch(() => ({}))) as ErrorBody).error;
        const key = body?.message ?? "";
        setError(texts.errors[key] ?? texts.errors.unknown ?? key);
      }
    } catch {
      setError(texts.errors.network ?? null);
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3" aria-label={texts.label}>
      <label htmlFor="redeem-code" className="font-medium text-slate-800">
        {texts.label}
      </label>
      <input
        id="redeem-code"
        name="code"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        placeholder="XXXX-XXXX-XXXX-XXXX-XXXX"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        aria-describedby="redeem-hint"
        aria-invalid={error ? true : undefined}
        className={`w-full rounded-lg border bg-white px-3 py-2 font-mono text-lg tracking-wider uppercase ${
          error ? "border-red-600" : "border-slate-300"
        }`}
        required
      />
      <p id="redeem-hint" className="text-sm text-slate-600">
        {texts.hint}
      </p>
      <div>
        <button
          type="submit"
          disabled={pending || code.trim() === ""}
          className="rounded-lg bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? texts.submitting : texts.submit}
        </button>
      </div>
      <div aria-live="polite">
        {error && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-800" data-testid="redeem-error">
            {error}
          </p>
        )}
        {done && (
          <p className="rounded-md bg-brand-50 px-3 py-2 text-brand-900" data-testid="redeem-success">
            {done.expiresAt
              ? fill(texts.success, { credits: String(done.credits), expiry: formatDate(done.expiresAt) })
              : fill(texts.successNeverExpires, { credits: String(done.credits) })}{" "}
            {fill(texts.balance, { balance: String(done.balance) })}
          </p>
        )}
      </div>
    </form>
  );
}
