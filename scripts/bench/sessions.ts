/**
 * Signed-in bench users, through next-auth's own credentials endpoint, as a browser signs in:
 * fetch a CSRF token, post the form, keep the session cookie.
 */
import type { BenchUser } from "./fixtures";

export interface Session {
  user: BenchUser;
  /** The Cookie header that carries the session. */
  cookie: string;
}

function cookiePairs(response: Response): string[] {
  return response.headers.getSetCookie().map((line) => line.split(";")[0] ?? "");
}

// All from one address: sign-in limits count failures only (lib/auth/sign-in.ts).
export async function signIn(baseUrl: string, user: BenchUser, password: string): Promise<Session> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error("next-auth returned no CSRF token");
  const form = new URLSearchParams({ csrfToken, email: user.email, password, json: "true" });
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookiePairs(csrf).join("; "),
    },
    body: form,
  });
  const session = cookiePairs(response).find((pair) => pair.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in of ${user.email} failed (HTTP ${response.status})`);
  return { user, cookie: session };
}

/** Signs the users in a few at a time (each sign-in is an Argon2 verification on the server). */
export async function signInAll(baseUrl: string, users: readonly BenchUser[], password: string): Promise<Session[]> {
  const sessions: Session[] = new Array<Session>(users.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < users.length; index = next++) {
      const user = users[index];
      if (!user) continue;
      sessions[index] = await signIn(baseUrl, user, password);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return sessions;
}
