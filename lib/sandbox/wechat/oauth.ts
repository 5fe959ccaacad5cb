/**
 * The sandbox playing WeChat's official-account OAuth2 (scope snsapi_base): the authorize page
 * that redirects back with a code, and the access_token endpoint that turns the code into the
 * payer's openid. Codes live five minutes and work once, as WeChat's do; an openid is per app id.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { getPrisma } from "@/lib/db";
import { env } from "@/lib/env";
import { faultsFor } from "@/lib/sandbox/faults";
import { findMerchant } from "@/lib/sandbox/merchants";
import { simulatedOutage } from "@/lib/sandbox/outage";

export const CODE_TTL_MS = 5 * 60 * 1000;
/** Who the "WeChat user" of this browser is: the sandbox's stand-in for a WeChat account. */
export const VISITOR_COOKIE = "sandbox_wx_user";

const PREPAY_PREFIX = "wx";

function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** WeChat's openids are 28 characters, different for the same person under each app id. */
function openidFor(appId: string, visitor: string): string {
  return `o${createHash("sha256").update(`${appId}:${visitor}`).digest("base64url").slice(0, 27)}`;
}

/** The JSAPI prepay_id of a sandbox trade, and back. */
export function prepayIdOf(tradeId: string): string {
  return `${PREPAY_PREFIX}${tradeId}`;
}

export function tradeIdOfPrepay(prepayId: string): string | null {
  return prepayId.startsWith(PREPAY_PREFIX) ? prepayId.slice(PREPAY_PREFIX.length) : null;
}

export async function isIssuedOpenid(appId: string, openid: string): Promise<boolean> {
  const prisma = await getPrisma();
  return (await prisma.sandboxOAuthCode.count({ where: { appId, openid } })) > 0;
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/** Only pages of this app may receive codes: WeChat checks the account's "网页授权域名" the same way. */
function allowedRedirect(value: string | null): URL | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.origin === new URL(env().APP_URL).origin ? url : null;
  } catch {
    return null;
  }
}

/** GET …/connect/oauth2/authorize: snsapi_base asks nothing, so it redirects at once. */
export async function authorize(request: Request): Promise<Response> {
  const query = new URL(request.url).searchParams;
  const appId = query.get("appid") ?? "";
  const merchant = appId ? await findMerchant("WECHAT", { appId }) : null;
  if (!merchant) return plain(400, "appid 错误 (errcode 10002)");
  if (query.get("response_type") !== "code") return plain(400, "response_type 错误 (errcode 10004)");
  const scope = query.get("scope");
  if (scope !== "snsapi_base" && scope !== "snsapi_userinfo") return plain(400, "scope 参数错误 (errcode 10005)");
  const redirect = allowedRedirect(query.get("redirect_uri"));
  if (!redirect) return plain(400, "redirect_uri 域名与后台配置不一致 (errcode 10003)");

  const cookie = /(?:^|;\s*)sandbox_wx_user=([A-Za-z0-9_-]{16,64})/.exec(request.headers.get("cookie") ?? "");
  const visitor = cookie?.[1] ?? randomBytes(18).toString("base64url");
  const code = randomBytes(24).toString("base64url");
  const prisma = await getPrisma();
  await prisma.sandboxOAuthCode.create({
    data: {
      codeHash: sha256(code),
      appId,
      openid: openidFor(appId, visitor),
      expiresAt: new Date(Date.now() + CODE_TTL_MS),
    },
  });
  redirect.searchParams.set("code", code);
  redirect.searchParams.set("state", query.get("state") ?? "");
  const headers = new Headers({ location: redirect.href, "cache-control": "no-store" });
  headers.append(
    "set-cookie",
    `${VISITOR_COOKIE}=${visitor}; Path=/sandbox/wechat; HttpOnly; SameSite=Lax; Max-Age=31536000`,
  );
  return new Response(null, { status: 302, headers });
}

function refusal(errcode: number, errmsg: string): Response {
  return Response.json({ errcode, errmsg });
}

function sameSecret(given: string, expected: string | undefined): boolean {
  if (!expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** GET …/sns/oauth2/access_token?appid&secret&code&grant_type=authorization_code. */
export async function accessToken(request: Request): Promise<Response> {
  const query = new URL(request.url).searchParams;
  const appId = query.get("appid") ?? "";
  const merchant = appId ? await findMerchant("WECHAT", { appId }) : null;
  if (!merchant) return refusal(40013, "invalid appid");
  const outage = await simulatedOutage(await faultsFor(merchant.merchant.id), request.signal);
  if (outage) return outage;
  if (!sameSecret(query.get("secret") ?? "", merchant.appSecret)) return refusal(40125, "invalid appsecret");
  if (query.get("grant_type") !== "authorization_code") return refusal(40002, "invalid grant_type");

  const codeHash = sha256(query.get("code") ?? "");
  const prisma = await getPrisma();
  const now = new Date();
  // Claiming the code is the condition of the write: two exchanges of one code cannot both win.
  const claimed = await prisma.sandboxOAuthCode.updateMany({
    where: { codeHash, appId, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (claimed.count !== 1) {
    const row = await prisma.sandboxOAuthCode.findUnique({ where: { codeHash } });
    if (row?.appId === appId && row.usedAt) return refusal(40163, "code been used");
    return refusal(40029, "invalid code");
  }
  const row = await prisma.sandboxOAuthCode.findUniqueOrThrow({ where: { codeHash } });
  return Response.json({
    access_token: randomBytes(32).toString("base64url"),
    expires_in: 7200,
    refresh_token: randomBytes(32).toString("base64url"),
    openid: row.openid,
    scope: "snsapi_base",
  });
}
