import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface SilentServer {
  port: number;
  close(): Promise<void>;
}

/** A TCP server that accepts connections and never says a word (an SMTP server that never greets). */
export async function startSilentServer(): Promise<SilentServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

export interface HangingProxy extends SilentServer {
  /** From now on, bytes in either direction are swallowed: the connections stay open and nothing answers. */
  hang(): void;
}

/** A TCP proxy to `target` that can be told to go silent, like a server that hangs with its connections open. */
export async function startHangingProxy(target: { host: string; port: number }): Promise<HangingProxy> {
  let hung = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => {});
      s.on('close', () => sockets.delete(s));
    }
    client.on('data', (d) => void (hung || upstream.write(d)));
    upstream.on('data', (d) => void (hung || client.write(d)));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    hang: () => void (hung = true),
    close: async () => {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
