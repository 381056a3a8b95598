/**
 * A forward proxy for tests, on 127.0.0.1: it answers `CONNECT host:port` by opening a TCP tunnel
 * to that host (only loopback targets: a test never reaches the internet), or refuses with a
 * status (407, 502). It records every CONNECT (target, Proxy-Authorization), every request sent
 * to it in absolute form (none is expected: undici tunnels), and the bytes the client sent through
 * each tunnel, so a test can list the HTTP requests that went through it.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/** How the proxy answers a CONNECT. */
export type ProxyMode = 'tunnel' | 407 | 502;

/** One CONNECT the proxy received. */
export interface ConnectRecord {
  /** `host:port` asked for. */
  target: string;
  /** The Proxy-Authorization header, if any. */
  authorization?: string;
  /** Headers other than Proxy-Authorization (lower-case names). */
  headers: Record<string, string | string[] | undefined>;
  /** What the client sent through the tunnel (latin1), when tunnelled. */
  sent: string;
}

/** A running proxy. */
export interface ConnectProxy {
  /** `127.0.0.1:port`. */
  host: string;
  port: number;
  /** `http://127.0.0.1:port`, optionally with `user:password@`. */
  url(auth?: string): string;
  mode: ProxyMode;
  /** Required `Proxy-Authorization` value (`Basic ...`); a CONNECT without it gets 407. */
  requireAuthorization?: string;
  connects: ConnectRecord[];
  /** Requests sent to the proxy in absolute form (`GET http://host/path`), as `METHOD url`. */
  absolute: string[];
  /** The HTTP requests (`METHOD /path`, no query) sent through the tunnels, in tunnel order. */
  tunnelledRequests(): string[];
  close(): Promise<void>;
}

/** The requests (`METHOD /path`, no query) in an HTTP/1.1 client byte stream. */
function requestsIn(stream: string): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < stream.length) {
    const end = stream.indexOf('\r\n\r\n', at);
    if (end < 0) break;
    const [line = '', ...headers] = stream.slice(at, end).split('\r\n');
    const m = /^([A-Z]+) (\/[^\s?]*)\S* HTTP\/1\.1$/.exec(line);
    if (!m) throw new Error(`not an HTTP/1.1 request line in the tunnel: ${JSON.stringify(line.slice(0, 80))}`);
    out.push(`${m[1]} ${m[2]}`);
    const length = headers.map((h) => /^content-length:\s*(\d+)$/i.exec(h)).find(Boolean);
    at = end + 4 + (length ? Number(length[1]) : 0);
  }
  return out;
}

const LOOPBACK = /^(127\.0\.0\.1|localhost|\[::1\]):\d+$/;

/** Starts a CONNECT proxy on 127.0.0.1 (random port). */
export async function startConnectProxy(mode: ProxyMode = 'tunnel'): Promise<ConnectProxy> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    proxy.absolute.push(`${req.method} ${req.url}`);
    res.writeHead(502, { connection: 'close' }).end();
  });
  const proxy: ConnectProxy = {
    host: '',
    port: 0,
    url: (auth) => `http://${auth ? `${auth}@` : ''}127.0.0.1:${proxy.port}`,
    mode,
    connects: [],
    absolute: [],
    tunnelledRequests: () => proxy.connects.flatMap((c) => requestsIn(c.sent)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const { 'proxy-authorization': authorization, ...headers } = req.headers;
    const record: ConnectRecord = { target: String(req.url), headers, sent: '' };
    if (authorization) record.authorization = authorization;
    proxy.connects.push(record);
    client.on('error', () => {});
    const refuse = (status: number, text: string) => {
      const extra = status === 407 ? 'Proxy-Authenticate: Basic realm="test"\r\n' : '';
      client.end(`HTTP/1.1 ${status} ${text}\r\n${extra}Content-Length: 0\r\nConnection: close\r\n\r\n`);
    };
    const unauthorized = proxy.requireAuthorization !== undefined && authorization !== proxy.requireAuthorization;
    if (proxy.mode === 407 || unauthorized) return refuse(407, 'Proxy Authentication Required');
    if (proxy.mode === 502 || !LOOPBACK.test(record.target)) return refuse(502, 'Bad Gateway');
    const sep = record.target.lastIndexOf(':');
    const upstream = connect(Number(record.target.slice(sep + 1)), record.target.slice(0, sep).replace(/^\[|\]$/g, ''));
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    upstream.on('connect', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) {
        record.sent += head.toString('latin1');
        upstream.write(head);
      }
      client.on('data', (chunk: Buffer) => {
        record.sent += chunk.toString('latin1');
      });
      client.pipe(upstream);
      upstream.pipe(client);
    });
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.port = (server.address() as AddressInfo).port;
  proxy.host = `127.0.0.1:${proxy.port}`;
  return proxy;
}

/** A TCP port on 127.0.0.1 where nothing listens (bound, then released). */
export async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}
