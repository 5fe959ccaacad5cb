import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { errorResponse, readBody } from "@/lib/http/respond";

// Sign-in, sign-out and CSRF forms are a few hundred bytes; next-auth itself would read any size.
const maxBodyBytes = 16 * 1024;

async function handler(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  let bounded = request;
  if (request.method !== "GET" && request.method !== "HEAD") {
    let body: string;
    try {
      body = await readBody(request, maxBodyBytes);
    } catch (error) {
      return errorResponse(error);
    }
    bounded = new NextRequest(request.url, { method: request.method, headers: request.headers, body });
  }
  return NextAuth(authOptions())(bounded, context);
}

export { handler as GET, handler as POST };
