/** Raw data folded away until asked for; long lines wrap rather than widen the page. */
export function JsonBlock({ label, value }: { label: string; value: unknown }) {
  const text = typeof value === "string" ? value : JSON.stringify(value, null, 2);
  return (
    <details className="group rounded-md border border-slate-200 bg-slate-50">
      <summary className="cursor-pointer select-none px-3 py-1.5 text-xs font-medium text-slate-700">{label}</summary>
      <pre className="max-h-80 overflow-auto whitespace-pre-wrap break-all border-t border-slate-200 px-3 py-2 text-xs">
        {text}
      </pre>
    </details>
  );
}
