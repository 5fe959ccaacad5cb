/** A grey placeholder block while a page's data loads (decorative; the page says "loading" once). */
export function Skeleton({ className = "" }: { className?: string }) {
  return (
    <div
      aria-hidden="true"
      className={`animate-pulse rounded-xl bg-slate-200 motion-reduce:animate-none ${className}`}
    />
  );
}
