/** A same-site path to return to after sign-in; anything else (absolute or protocol-relative URLs) becomes "/". */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
