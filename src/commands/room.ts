// --room, --room-port and --room-host, for `meet` and `agenda`: the flags checked, the server
// started (its code is imported only here, only then), its address printed.
import { once } from 'node:events';
import type { Context } from '../context.js';
import type { RoomView } from '../core/room.js';
import { CircleError, UsageError } from '../errors.js';
import type { Room } from '../room/server.js';

export interface RoomFlags {
  room?: boolean;
  roomPort?: string;
  roomHost?: string;
}

interface Address {
  host?: string;
  port?: number;
}

/** Where the room view should listen, or undefined without --room; --room-port and --room-host imply it. */
export function roomWanted(flags: RoomFlags): Address | undefined {
  if (!flags.room && flags.roomPort === undefined && flags.roomHost === undefined) return undefined;
  const port = flags.roomPort;
  if (port !== undefined && (!/^\d{1,5}$/.test(port) || Number(port) > 65535)) throw new UsageError(`--room-port ${port}: give a port number from 1 to 65535, e.g. --room-port 8080 (or leave it out for a free one)`);
  const host = flags.roomHost?.trim();
  if (host !== undefined && !/^[\w.:-]+$/.test(host)) throw new UsageError(`--room-host ${flags.roomHost}: give an address of this computer, e.g. 127.0.0.1 or 0.0.0.0`);
  return { ...(host && { host }), ...(port !== undefined && Number(port) > 0 && { port: Number(port) }) };
}

/**
 * Start the room view and print its address. `kept`: where an interrupted meeting's page
 * listened, so an open page finds it again; taken unless the flags say otherwise, and if
 * its port is taken now, a free one is used (and said).
 */
export async function startRoom(ctx: Context, wanted: Address, current: () => RoomView, kept?: { host: string; port: number; token: string }): Promise<Room> {
  const { openRoom, reachableFromOthers } = await import('../room/server.js');
  const host = wanted.host ?? kept?.host ?? '127.0.0.1';
  const port = wanted.port ?? kept?.port ?? 0;
  const open = (p: number) => openRoom({ host, port: p, token: kept?.token }, current);
  let room: Room;
  try {
    room = await open(port);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' && wanted.port === undefined && port !== 0) {
      room = await open(0);
      ctx.out.warn(`port ${port}, where the room view was, is taken now: it moved to a new address, open it again.`);
    } else if (code === 'EADDRINUSE') {
      throw new CircleError(`the room view cannot listen on port ${port}: it is taken. Choose another with --room-port, or leave it out for a free one.`);
    } else if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EACCES') {
      throw new CircleError(`the room view cannot listen on ${host}:${port} (${code}): give an address of this computer with --room-host, e.g. 127.0.0.1 or 0.0.0.0, and a port above 1023.`);
    } else throw error;
  }
  ctx.out.info(`Room view: ${room.url}`);
  for (const url of room.also) ctx.out.info(`           ${url}`);
  if (reachableFromOthers(host)) {
    ctx.out.warn(`the room view listens on ${host}: anyone on this network who has the address can see the page (never what is kept in confidence).`);
  } else {
    ctx.out.info('Open it on the screen the group sees; it follows along (this computer only: --room-host 0.0.0.0 for another device).');
  }
  return room;
}

/** Serve a page until Ctrl-C (or SIGTERM), then close it. */
export async function serveUntilStopped(ctx: Context, wanted: Address, current: () => RoomView): Promise<void> {
  const room = await startRoom(ctx, wanted, current);
  ctx.out.info('Ctrl-C closes it.');
  const stopped = new AbortController();
  await Promise.race(['SIGINT', 'SIGTERM'].map((signal) => once(process, signal, { signal: stopped.signal })));
  stopped.abort(); // the other signal's listener goes too
  await room.close(true);
}
