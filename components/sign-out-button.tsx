"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

export function SignOutButton({ label }: { label: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/" });
      }}
      className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100 disabled:opacity-60"
    >
      {label}
    </button>
  );
}
