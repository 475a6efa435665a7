import { createServer, connect } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { openPostgresTestDb } from './test-dbs.js';
import type { TestDb } from './test-dbs.js';

export interface TcpProxy {
  /** The proxy's port on 127.0.0.1: point the client here instead of at the target. */
  port: number;
  /** Cuts every open connection and refuses new ones, as a stopped or unreachable server does. */
  cut(): Promise<void>;
  /** Accepts connections again, on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/** A TCP relay to `target`, for tests that take a database away from a running server and give it back. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const relay = (client: Socket) => {
    const upstream = connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {});
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  };
  let server: Server = createServer(relay);
  const listenOn = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
  const port = await listenOn(0);
  const cut = async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  return {
    port,
    cut,
    async restore() {
      server = createServer(relay);
      await listenOn(port);
    },
    close: () => (server.listening ? cut() : Promise.resolve()),
  };
}

/**
 * A fresh PostgreSQL test database (openPostgresTestDb) whose every connection goes through a relay the test can cut:
 * what a stopped or unreachable database server looks like from the application.
 */
export async function openPostgresBehindProxy(url: string): Promise<{ proxy: TcpProxy; opened: TestDb }> {
  const relayed = new URL(url);
  const proxy = await startTcpProxy({ host: relayed.hostname, port: Number(relayed.port || 5432) });
  relayed.hostname = '127.0.0.1';
  relayed.port = String(proxy.port);
  return { proxy, opened: await openPostgresTestDb(relayed.toString()) };
}
