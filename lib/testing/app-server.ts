import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { receiveNotify } from "@/lib/recharge/notify-endpoint";
import { serveBillFile } from "@/lib/sandbox/alipay/bill-file";
import { sandboxProtocols } from "@/lib/sandbox/protocols";
import { answerBridgeRequest } from "@/lib/sandbox/wechat/jsapi-bridge";
import { accessToken, authorize } from "@/lib/sandbox/wechat/oauth";

/** WeChat's hosts beside the Pay API that the sandbox plays under /sandbox/wechat. */
const wechatPages: Record<string, (request: Request) => Promise<Response>> = {
  "connect/oauth2/authorize": authorize,
  "sns/oauth2/access_token": accessToken,
  "jsapi-bridge": answerBridgeRequest,
};
import { applyClientAddress, compileTrustProxy } from "@/scripts/trusted-address.mjs";

/**
 * The payment-facing routes of the app (sandbox gateways and notify endpoints) on a real
 * loopback HTTP server, for integration tests that must cross the network without a Next.js
 * build. It calls the same functions the route files call, and sets the client address the
 * way scripts/server.mjs does.
 */
function route(request: Request): Promise<Response> | Response {
  const segments = new URL(request.url).pathname.split("/").filter(Boolean);
  if (segments[0] === "sandbox" && segments[1] === "wechat") {
    const page = wechatPages[segments.slice(2).join("/")];
    return page ? page(request) : sandboxProtocols.WECHAT.handle(request, segments.slice(2));
  }
  if (segments[0] === "sandbox" && segments[1] === "alipay" && segments[2] === "gateway.do") {
    return sandboxProtocols.ALIPAY.handle(request, []);
  }
  if (segments[0] === "sandbox" && segments[1] === "alipay" && segments[2] === "bills" && segments[3]) {
    return serveBillFile(decodeURIComponent(segments[3]));
  }
  if (segments[0] === "api" && segments[1] === "notify" && segments.length >= 4) {
    const kind = segments[4] === "refund" ? "refund" : "payment";
    return receiveNotify(request, { provider: segments[2], configId: segments[3] }, kind);
  }
  return new Response("not found", { status: 404 });
}

const trust = compileTrustProxy(process.env.TRUST_PROXY);

async function toRequest(incoming: IncomingMessage, origin: string): Promise<Request> {
  applyClientAddress(incoming, trust);
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  const method = incoming.method ?? "GET";
  return new Request(new URL(incoming.url ?? "/", origin), {
    method,
    headers,
    body: method === "GET" || method === "HEAD" ? undefined : Buffer.concat(chunks),
  });
}

async function reply(response: Response, outgoing: ServerResponse) {
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

export interface AppServer {
  url: string;
  close(): Promise<void>;
}

export async function startAppServer(): Promise<AppServer> {
  let origin = "";
  const server = createServer((incoming, outgoing) => {
    toRequest(incoming, origin)
      .then(route)
      .then((response) => reply(response, outgoing))
      .catch((error: unknown) => {
        outgoing.writeHead(500, { "content-type": "text/plain" });
        outgoing.end(String(error));
      });
  });
  // Longer than a test's pauses (RSA key generation takes seconds): fetch reuses idle connections,
  // and one the server was just closing answers with a reset.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
