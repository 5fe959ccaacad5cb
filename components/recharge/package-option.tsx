import type { ReactNode } from "react";

interface PackageOptionProps {
  id: string;
  checked: boolean;
  onChoose: (id: string) => void;
  /** The package's details (phrasing content: they sit inside the label). */
  children: ReactNode;
}

/** A package card that is a radio button: arrow keys move between packages, Space picks one. */
export function PackageOption({ id, checked, onChoose, children }: PackageOptionProps) {
  return (
    <label
      className="relative flex cursor-pointer flex-col gap-1.5 rounded-xl border border-slate-200 bg-white p-4 pt-5 shadow-sm transition has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:checked]:ring-2 has-[:checked]:ring-brand-600 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600 hover:border-brand-600"
      data-testid="package-option"
    >
      <input
        type="radio"
        name="package"
        value={id}
        checked={checked}
        onChange={() => onChoose(id)}
        // Invisible but covering the card: a click anywhere lands on the radio itself.
        className="peer absolute inset-0 z-10 size-full cursor-pointer appearance-none rounded-xl opacity-0"
      />
      <span
        aria-hidden="true"
        className="absolute right-3 bottom-3 hidden size-5 items-center justify-center rounded-full bg-brand-600 text-xs text-white peer-checked:flex"
      >
        ✓
      </span>
      {children}
    </label>
  );
}
