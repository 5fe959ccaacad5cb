import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret } from "@/lib/auth/secret";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { AppError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";
import { safeReturnPath } from "@/lib/http/safe-return-path";

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "email",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const headers = req.headers ?? {};
          try {
            return await signInWithPassword({
              credentials,
              clientAddress: clientAddress(headers),
              userAgent: firstHeader(headers["user-agent"]),
            });
          } catch (error) {
            // next-auth passes a thrown message to the client as the sign-in error code.
            if (error instanceof AppError && error.code === "RATE_LIMITED") throw new Error("rate_limited");
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      // next-auth's own redirects (after sign-in and sign-out) pass the same gate as ours.
      redirect({ url, baseUrl }) {
        return new URL(safeReturnPath(url, baseUrl), baseUrl).toString();
      },
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.sv = user.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        if (token.uid && token.role) {
          session.user = {
            id: token.uid,
            email: token.email ?? "",
            name: token.name,
            role: token.role,
            sessionVersion: token.sv ?? 0,
          };
        }
        return session;
      },
    },
  };
}
