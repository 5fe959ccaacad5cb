"use client";

import { createContext, use, type ReactNode } from "react";

/** The words of the error page. An error boundary is a client component: the layout translates them. */
export interface ErrorText {
  title: string;
  body: string;
  retry: string;
}

const ErrorTextContext = createContext<ErrorText | null>(null);

export function ErrorTextProvider({ text, children }: { text: ErrorText; children: ReactNode }) {
  return <ErrorTextContext value={text}>{children}</ErrorTextContext>;
}

export function useErrorText(): ErrorText {
  const text = use(ErrorTextContext);
  if (!text) throw new Error("useErrorText needs an ErrorTextProvider above it");
  return text;
}
