import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

// Argon2id (the library's default) at OWASP's baseline of 19 MiB and 2 passes: costly for
// an attacker, quick enough for sign-in.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const passwordSchema = z
  .string()
  .min(8, "weak_password")
  .max(128, "weak_password")
  .refine((value) => /[A-Za-z]/.test(value) && /\d/.test(value), "weak_password");

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
