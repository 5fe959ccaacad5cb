// The error codes the account forms have words for (auth.errors.* in the messages).
const known = [
  "invalid_credentials",
  "rate_limited",
  "weak_password",
  "invalid_email",
  "invalid_link",
  "wrong_password",
  "password_changed_meanwhile",
  "network",
  "unknown",
] as const;

export type KnownError = (typeof known)[number];

export function knownError(code: string | undefined): KnownError {
  return known.includes(code as KnownError) ? (code as KnownError) : "unknown";
}
