import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret } from "@/lib/auth/secret";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { AppError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";

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
          try {
            return await signInWithPassword(credentials, clientAddress(req.headers ?? {}));
          } catch (error) {
            // next-auth passes a thrown message to the client as the sign-in error code.
            if (error instanceof AppError && error.code === "RATE_LIMITED") throw new Error("rate_limited");
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
        }
        return token;
      },
      session({ session, token }) {
        if (token.uid && token.role) {
          session.user = { id: token.uid, email: token.email ?? "", name: token.name, role: token.role };
        }
        return session;
      },
    },
  };
}
