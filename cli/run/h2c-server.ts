import { createServer as createHttp1Server } from "node:http";
import { createServer as createHttp2Server } from "node:http2";
import { createServer, type Server, type Socket } from "node:net";
import type { connectNodeAdapter } from "@connectrpc/connect-node";

/** What a client speaking HTTP/2 without TLS (h2c with prior knowledge, as gRPC does) sends first. */
const PREFACE = Buffer.from("PRI * HTTP/2.0\r\n");

/**
 * One port for HTTP/1.1 and cleartext HTTP/2: node's HTTP/2 server does not fall back to HTTP/1.1
 * without TLS, so each connection's first bytes pick the server it is handed to. gRPC needs
 * HTTP/2; fetch, curl and Connect clients default to HTTP/1.1. `close` ends the open connections too.
 */
export function createH2cServer(handler: ReturnType<typeof connectNodeAdapter>): Server & { closeAll(): void } {
  const http1 = createHttp1Server(handler);
  const http2 = createHttp2Server(handler);
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    // A client that resets while its first bytes are read must not stop the mock.
    socket.on("error", () => socket.destroy());
    socket.once("close", () => sockets.delete(socket));
    let head = Buffer.alloc(0);
    const sniff = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const n = Math.min(head.length, PREFACE.length);
      // Undecided until the bytes so far could still be the preface, or are all of it.
      if (head.subarray(0, n).equals(PREFACE.subarray(0, n)) && n < PREFACE.length) return;
      socket.off("data", sniff);
      socket.pause();
      socket.unshift(head);
      // HTTP/2 reads what was put back itself; node's HTTP/1.1 parser waits for the socket to flow.
      if (n === PREFACE.length && head.subarray(0, n).equals(PREFACE)) http2.emit("connection", socket);
      else {
        http1.emit("connection", socket);
        socket.resume();
      }
    };
    socket.on("data", sniff);
  });
  return Object.assign(server, {
    closeAll: () => {
      server.close();
      for (const socket of sockets) socket.destroy();
    },
  });
}
