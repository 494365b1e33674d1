// The room view's server: node:http, read-only (GET only), every URL behind a random token,
// a strict Content-Security-Policy, nothing loaded from anywhere else. The page follows the
// meeting through Server-Sent Events; the browser reconnects by itself, so a page left open
// while the meeting is paused picks it up again when it resumes on the same port and token.
// Imported only with --room.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import type { RoomView } from '../core/room.js';
import { ROOM_CSS, ROOM_SCRIPT, roomHtml, roomPage } from '../render/room.js';

export interface Room {
  /** The address to open (with the token). */
  url: string;
  /** Other addresses the page can be reached at (when listening on every interface). */
  also: string[];
  port: number;
  token: string;
  /** Work the view out again and send it to every open page if it changed. */
  refresh(): void;
  /** Send the last view and close: pages keep it on screen; `final` tells them not to reconnect. */
  close(final?: boolean): Promise<void>;
}

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

const everywhere = (host: string) => host === '0.0.0.0' || host === '::';

/** Whether `host` lets other devices reach the page (then the facilitator is warned). */
export const reachableFromOthers = (host: string): boolean => !/^(127\.\d+\.\d+\.\d+|::1|localhost)$/i.test(host);

/** Serve `current()` on `host` (port 0: any free one); `refresh()` after every change; `token`: a resumed meeting's, else 144 random bits. */
export async function openRoom(options: { host: string; port: number; token?: string | undefined }, current: () => RoomView): Promise<Room> {
  const token = options.token ?? randomBytes(18).toString('base64url');
  const expected = Buffer.from(token);
  const streams = new Set<ServerResponse>();
  let view = current();
  let html = roomHtml(view);

  const event = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
  const viewEvent = () => event('view', { state: view.state, html });
  const send = (text: string) => {
    for (const res of streams) res.write(text);
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const reply = (status: number, type: string, body: string, extra: Record<string, string> = {}) => {
      res.writeHead(status, { ...HEADERS, 'Content-Type': type, ...extra });
      res.end(body);
    };
    if (req.method !== 'GET') return reply(405, 'text/plain; charset=utf-8', 'Method not allowed: this page is read-only.\n', { Allow: 'GET' });
    const [, given = '', ...path] = (req.url ?? '').split('?')[0]!.split('/');
    // Browsers ask for it by themselves, without the token: nothing, rather than a 403 in the console.
    if (given === 'favicon.ico' && !path.length) return reply(204, 'text/plain; charset=utf-8', '');
    const key = Buffer.from(given);
    if (key.length !== expected.length || !timingSafeEqual(key, expected)) return reply(403, 'text/plain; charset=utf-8', 'Forbidden: open the address the terminal printed.\n');
    if (!path.length) return reply(301, 'text/plain; charset=utf-8', '', { Location: `/${token}/` });
    const [file = '', ...more] = path;
    if (more.length) return reply(404, 'text/plain; charset=utf-8', 'Not found.\n');
    switch (file) {
      case '':
        return reply(200, 'text/html; charset=utf-8', roomPage(view));
      case 'room.css':
        return reply(200, 'text/css; charset=utf-8', ROOM_CSS);
      case 'room.js':
        return reply(200, 'text/javascript; charset=utf-8', ROOM_SCRIPT);
      case 'events':
        res.writeHead(200, { ...HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
        res.write(`retry: 1000\n\n${viewEvent()}`);
        streams.add(res);
        res.on('close', () => streams.delete(res));
        return;
      default:
        return reply(404, 'text/plain; charset=utf-8', 'Not found.\n');
    }
  };

  const server = createServer(handle);
  server.keepAliveTimeout = 1000;
  server.listen(options.port, options.host);
  await once(server, 'listening'); // rejects with the error when it cannot listen (a port taken)
  const port = (server.address() as { port: number }).port;

  const refresh = () => {
    const next = current();
    const nextHtml = roomHtml(next);
    if (nextHtml === html && next.state === view.state) return;
    view = next;
    html = nextHtml;
    send(viewEvent());
  };
  // The clocks move with time alone; a comment now and then keeps idle connections open.
  const ticker = setInterval(() => {
    refresh();
    send(': still here\n\n');
  }, 15_000);
  ticker.unref();

  const addresses = everywhere(options.host)
    ? Object.values(networkInterfaces())
        .flat()
        .filter((i) => i && !i.internal && i.family === 'IPv4')
        .map((i) => i!.address)
    : [];
  const at = (host: string) => `http://${host.includes(':') ? `[${host}]` : host}:${port}/${token}/`;
  return {
    url: at(addresses[0] ?? (everywhere(options.host) ? '127.0.0.1' : options.host)),
    also: addresses.slice(1).map(at),
    port,
    token,
    refresh,
    async close(final = false) {
      clearInterval(ticker);
      refresh();
      if (final) send(event('end', {}));
      for (const res of streams) res.end();
      streams.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
