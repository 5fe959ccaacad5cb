import { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { consume } from "@/lib/rate-limit";
import { createUser, signUpSchema } from "@/lib/users/create-user";

export const POST = handle(async (request: Request) => {
  await consume(
    { name: "signup-client", points: env().SIGNUP_LIMIT_PER_HOUR, durationSeconds: 60 * 60 },
    clientAddress(request.headers),
  );
  const input = parseInput(signUpSchema, await readJson(request));
  const user = await createUser(input);
  return NextResponse.json({ user: { id: user.id, email: user.email } }, { status: 201 });
});
