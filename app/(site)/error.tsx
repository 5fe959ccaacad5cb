"use client";

import { useErrorText } from "@/components/error-text";
import { StatusPage } from "@/components/status-page";

export default function ErrorBoundary({ reset }: { error: Error; reset: () => void }) {
  const text = useErrorText();
  return (
    <StatusPage
      title={text.title}
      body={text.body}
      action={
        <button
          type="button"
          onClick={reset}
          className="mt-2 rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
        >
          {text.retry}
        </button>
      }
    />
  );
}
