import { once } from "node:events";
import { connect, createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startTcpProxy, type TcpProxy } from "@/lib/reliability/tcp-proxy";

const closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** Answers every chunk with `<name>:<chunk>`. */
async function echoServer(name: string): Promise<number> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("data", (chunk: Buffer) => socket.write(`${name}:${chunk.toString()}`));
    socket.on("error", () => undefined);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  closers.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return (server.address() as AddressInfo).port;
}

async function proxyTo(port: number): Promise<TcpProxy> {
  const proxy = await startTcpProxy({ targetPort: port });
  closers.push(() => proxy.close());
  return proxy;
}

async function client(port: number): Promise<Socket> {
  const socket = connect(port, "127.0.0.1");
  socket.on("error", () => undefined);
  await once(socket, "connect");
  closers.push(async () => void socket.destroy());
  return socket;
}

async function ask(socket: Socket, text: string): Promise<string> {
  socket.write(text);
  const [reply] = (await once(socket, "data")) as [Buffer];
  return reply.toString();
}

describe("the fault-injection TCP proxy", () => {
  it("passes traffic both ways and follows a retarget for new connections", async () => {
    const proxy = await proxyTo(await echoServer("a"));
    const first = await client(proxy.port);
    expect(await ask(first, "hi")).toBe("a:hi");
    proxy.retarget(await echoServer("b"));
    expect(await ask(await client(proxy.port), "hi")).toBe("b:hi");
    expect(await ask(first, "again")).toBe("a:again");
  });

  it("cut drops open connections and refuses new ones until restored", async () => {
    const proxy = await proxyTo(await echoServer("a"));
    const open = await client(proxy.port);
    proxy.cut();
    await once(open, "close");
    const refused = connect(proxy.port, "127.0.0.1");
    refused.on("error", () => undefined);
    await once(refused, "close");
    proxy.restore();
    expect(await ask(await client(proxy.port), "back")).toBe("a:back");
  });

  it("stalls on a marker split across chunks, holding bytes until restored", async () => {
    const proxy = await proxyTo(await echoServer("a"));
    const socket = await client(proxy.port);
    const stalled = proxy.stallOn("COMMIT");
    expect(await ask(socket, "CO")).toBe("a:CO");
    const reply = ask(socket, "MMIT");
    await stalled;
    const early = await Promise.race([reply, new Promise((resolve) => setTimeout(resolve, 100, "held"))]);
    expect(early).toBe("held");
    proxy.restore();
    expect(await reply).toBe("a:MMIT");
  });

  it("lets marked bytes reach the server but holds its answer until restored", async () => {
    const proxy = await proxyTo(await echoServer("a"));
    const socket = await client(proxy.port);
    const held = proxy.holdRepliesTo("COMMIT");
    const reply = ask(socket, "COMMIT");
    // Resolves only once the server has answered, so the bytes reached it.
    await held;
    const early = await Promise.race([reply, new Promise((resolve) => setTimeout(resolve, 100, "held"))]);
    expect(early).toBe("held");
    proxy.restore();
    expect(await reply).toBe("a:COMMIT");
  });
});
