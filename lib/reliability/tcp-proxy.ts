import { connect, createServer, type AddressInfo, type Socket } from "node:net";

/**
 * A TCP proxy on 127.0.0.1 for fault injection. Between the app and PostgreSQL it takes the
 * database away (cut) or freezes it mid-transaction (stall); in front of an app process it is
 * the app's fixed address while the process behind it is killed and restarted.
 */
export interface TcpProxy {
  readonly port: number;
  /** New connections go to this port from now on; open ones keep theirs. */
  retarget(port: number): void;
  /** Drops every open connection, and every new one until restore(): the host is gone. */
  cut(): void;
  /**
   * Freezes all traffic, both ways, from the moment a client sends bytes containing `marker`
   * (that chunk included). Bytes are held, not lost; a connection closed by either end still
   * closes the other. Resolves when the stall begins.
   */
  stallOn(marker: string): Promise<void>;
  /**
   * From the moment a client sends bytes containing `marker`, lets every client's bytes through
   * but holds what the server answers: the statement runs (and commits) and its caller never
   * hears. Resolves when the answer to the marked bytes has arrived and is held.
   */
  holdRepliesTo(marker: string): Promise<void>;
  /** Lets traffic through again, delivering what a stall held. */
  restore(): void;
  close(): Promise<void>;
}

type Direction = "up" | "down";

interface Pipe {
  client: Socket;
  upstream: Socket;
  held: { direction: Direction; chunk: Buffer }[];
  /** The end of the client's previous chunk, so a marker split across chunks is still seen. */
  tail: Buffer;
}

/** Ends `other` gracefully when `socket` ends, and at once when `socket` fails or resets. */
function tie(socket: Socket, other: Socket, onClose: () => void): void {
  socket.on("end", () => other.end());
  socket.on("error", () => other.destroy());
  socket.on("close", () => {
    if (!other.writableEnded) other.destroy();
    onClose();
  });
}

export interface TcpProxyOptions {
  /** Where to forward; 127.0.0.1 unless given. */
  targetHost?: string;
  /** Without one, connections are dropped until retarget(). */
  targetPort?: number;
}

export async function startTcpProxy(options: TcpProxyOptions = {}): Promise<TcpProxy> {
  const host = options.targetHost ?? "127.0.0.1";
  let target = options.targetPort;
  let mode: "pass" | "cut" | "stalled" | "replies held" = "pass";
  let armed: { marker: Buffer; then: "stall" | "hold replies"; resolve: () => void } | null = null;
  let awaitingReply: { pipe: Pipe; resolve: () => void } | null = null;
  const pipes = new Set<Pipe>();

  const send = (pipe: Pipe, direction: Direction, chunk: Buffer) =>
    (direction === "up" ? pipe.upstream : pipe.client).write(chunk);

  const watch = (pipe: Pipe, chunk: Buffer) => {
    if (!armed) return;
    const window = Buffer.concat([pipe.tail, chunk]);
    if (window.includes(armed.marker)) {
      if (armed.then === "stall") {
        mode = "stalled";
        armed.resolve();
      } else {
        mode = "replies held";
        awaitingReply = { pipe, resolve: armed.resolve };
      }
      armed = null;
      return;
    }
    pipe.tail = window.subarray(Math.max(0, window.length - armed.marker.length + 1));
  };

  const forward = (pipe: Pipe, direction: Direction, chunk: Buffer) => {
    if (direction === "up" && mode === "pass") watch(pipe, chunk);
    if (mode === "stalled" || (mode === "replies held" && direction === "down")) {
      pipe.held.push({ direction, chunk });
      if (direction === "down" && awaitingReply?.pipe === pipe) {
        awaitingReply.resolve();
        awaitingReply = null;
      }
      return;
    }
    send(pipe, direction, chunk);
  };

  const server = createServer((client) => {
    if (mode === "cut" || target === undefined) {
      client.destroy();
      return;
    }
    const upstream = connect(target, host);
    const pipe: Pipe = { client, upstream, held: [], tail: Buffer.alloc(0) };
    pipes.add(pipe);
    const forget = () => pipes.delete(pipe);
    client.on("data", (chunk: Buffer) => forward(pipe, "up", chunk));
    upstream.on("data", (chunk: Buffer) => forward(pipe, "down", chunk));
    tie(client, upstream, forget);
    tie(upstream, client, forget);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  return {
    port: (server.address() as AddressInfo).port,
    retarget(port) {
      target = port;
    },
    cut() {
      mode = "cut";
      armed = null;
      awaitingReply = null;
      for (const pipe of pipes) {
        pipe.client.destroy();
        pipe.upstream.destroy();
      }
      pipes.clear();
    },
    stallOn(marker) {
      return new Promise<void>((resolve) => {
        armed = { marker: Buffer.from(marker), then: "stall", resolve };
      });
    },
    holdRepliesTo(marker) {
      return new Promise<void>((resolve) => {
        armed = { marker: Buffer.from(marker), then: "hold replies", resolve };
      });
    },
    restore() {
      mode = "pass";
      awaitingReply = null;
      for (const pipe of pipes) {
        for (const { direction, chunk } of pipe.held) send(pipe, direction, chunk);
        pipe.held = [];
      }
    },
    close() {
      for (const pipe of pipes) {
        pipe.client.destroy();
        pipe.upstream.destroy();
      }
      pipes.clear();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
