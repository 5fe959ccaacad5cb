import { z } from "zod";
import { passwordSchema } from "@/lib/auth/password";

const email = z.string().trim().toLowerCase().pipe(z.email("invalid_email").max(254, "invalid_email"));
// Tokens are 43 base64url characters (lib/accounts/account-token.ts).
const token = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "invalid_link");

export const passwordResetRequestSchema = z.object({ email });
export const passwordResetSchema = z.object({ token, password: passwordSchema });
export const verifyEmailSchema = z.object({ token });
export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "wrong_password").max(128, "wrong_password"),
  newPassword: passwordSchema,
});
/** An explicit yes: the action ends the caller's own session too. */
export const signOutEverywhereSchema = z.object({ confirm: z.literal(true) });
