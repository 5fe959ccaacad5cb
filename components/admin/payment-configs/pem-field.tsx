"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type ChangeEvent } from "react";
import { TextArea } from "@/components/admin/form-controls";

const maxFileBytes = 64 * 1024;

/**
 * A key or certificate: pasted, or read from a file in the browser into the same textarea
 * (the file itself is never uploaded as such). `status` says what is stored now.
 */
export function PemField({
  id,
  label,
  value,
  onChange,
  status,
  hint,
  error,
  placeholder,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  status?: string;
  hint?: string;
  error?: string;
  placeholder?: string;
}) {
  const t = useTranslations("console.configForm");
  const fileId = useId();
  const [fileError, setFileError] = useState<string | null>(null);

  async function readFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    if (file.size > maxFileBytes) {
      setFileError(t("fileTooLarge"));
      return;
    }
    setFileError(null);
    onChange(await file.text());
  }

  return (
    <div className="flex flex-col gap-1.5">
      <TextArea
        id={id}
        label={label}
        rows={value ? 6 : 3}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        hint={[status, hint].filter(Boolean).join(" · ") || undefined}
        error={error ?? fileError ?? undefined}
      />
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <label
          htmlFor={fileId}
          className="cursor-pointer rounded-md border border-slate-300 bg-white px-2.5 py-1 font-medium text-slate-700 focus-within:outline-2 focus-within:outline-brand-600 hover:bg-slate-50"
        >
          {t("uploadFile")}
          <input
            id={fileId}
            type="file"
            accept=".pem,.crt,.cer,.key,.txt,text/plain"
            className="sr-only"
            onChange={readFile}
            aria-describedby={`${id}-hint`}
          />
        </label>
        {value && (
          <button type="button" className="text-slate-600 underline" onClick={() => onChange("")}>
            {t("clearField")}
          </button>
        )}
      </div>
    </div>
  );
}
