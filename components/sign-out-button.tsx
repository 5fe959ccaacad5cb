"use client";

import { useState } from "react";

export function SignOutButton({ label }: { label: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        // Loaded on click: the header is on every page, and most visits never sign out.
        void import("next-auth/react").then(({ signOut }) => signOut({ callbackUrl: "/" }));
      }}
      className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100 disabled:opacity-60"
    >
      {label}
    </button>
  );
}
