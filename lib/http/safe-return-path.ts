import { env } from "@/lib/env";

// C0 controls, DEL and C1 controls: browsers drop tabs and newlines from URLs (so "/\t/evil"
// reads as "//evil"), and CR/LF in a Location header is refused by Node.
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The one gate for every redirect target the app builds from input: resolved against
 * APP_URL and kept only when it stays on the app's origin. Returns a path ("/…?…#…");
 * anything else (other origins, protocol-relative or scheme URLs, control characters) is "/".
 */
export function safeReturnPath(value: string | null | undefined, appUrl: string = env().APP_URL): string {
  if (!value || controlCharacter.test(value)) return "/";
  let target: URL;
  try {
    target = new URL(value, `${appUrl}/`);
  } catch {
    return "/";
  }
  if (target.origin !== new URL(appUrl).origin) return "/";
  return `${target.pathname}${target.search}${target.hash}`;
}
