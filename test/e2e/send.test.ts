// `circle send` on a real terminal: the first message shown, then a question with the
// count of people; no sends nothing, yes sends. The mail server runs in this process
// (smtp-server on 127.0.0.1, plain SMTP, no login).
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, tempDir } from '../helpers.js';
import { hasTmux, inCI, Tmux } from './tmux.js';

const received: string[][] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData: (stream, session, callback) => {
    stream.resume();
    stream.on('end', () => {
      received.push(session.envelope.rcptTo.map((r) => r.address));
      callback();
    });
  },
});
let port = 0;
beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((done) => server.close(done)));

describe.skipIf(!hasTmux && !inCI)('circle send on a terminal', () => {
  let tmux: Tmux | undefined;
  afterEach(() => tmux?.kill());

  it('previews the first message and asks with the count of people: no sends nothing, yes sends to each', async () => {
    if (!hasTmux) throw new Error('tmux is required for the end-to-end test in CI (apt-get install tmux)');
    const { root } = makeWorkspace({ example: true });
    const env = {
      XDG_CONFIG_HOME: tempDir('circle-config-'),
      CIRCLE_MAIL_FROM: 'Łucja Nowak <lucja@example.org>',
      CIRCLE_SMTP_HOST: '127.0.0.1',
      CIRCLE_SMTP_PORT: String(port),
      CIRCLE_SMTP_SECURITY: 'none',
    };
    tmux = new Tmux('2026-11-10', env);
    const t = tmux;
    t.start(root, ['send', 'agenda']);
    await t.see('Subject: Riverside Community Leaders Circle: agenda for Tuesday 17 November 2026');
    await t.see('? Send the agenda for Tuesday 17 November 2026 to 6 people?');
    await t.answer('Send the agenda', 'n');
    expect(await t.exitCode()).toBe(0);
    await t.see('Nothing was sent.');
    expect(received).toEqual([]);

    t.start(root, ['send', 'agenda']);
    await t.answer('Send the agenda', 'y');
    expect(await t.exitCode()).toBe(0);
    expect(received).toHaveLength(6);
    expect(received[0]).toEqual(['jose@example.org']);
  });
});
