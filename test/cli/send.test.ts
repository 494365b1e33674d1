// circle send: a real SMTP server in this process (smtp-server, on 127.0.0.1 only) receives
// the mail; the .ics is read back with ical.js and the dry run's .eml files with mailparser.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { circle as spawnCircle, git, tempDir } from '../helpers.js';
import { circleTree, cli, testdir } from '../harness.js';

const TODAY = '2026-01-10';
/** Every word said in confidence, every apology and the closing notes: in no mail. */
const SECRETS = ['SECRET-REFLECTION', 'SECRET-COMMITMENT', 'SECRET-TOPIC', 'SECRET-APOLOGY', 'SECRET-CLOSING'];

const PEOPLE = [
  { name: 'Ana Souza', tag: 'Ana', email: 'ana@example.org' },
  { name: 'Ben Okafor', tag: 'Ben', email: 'ben@example.org' },
  { name: 'Cleo Diaz', tag: 'Cleo', email: 'cleo@example.org' },
  { name: 'Dev Patel', tag: 'Dev', email: 'dev@example.org' },
  { name: 'Eve Moreau', tag: 'Eve', email: 'eve@example.org' },
];

/** A circle of five with addresses, and one meeting behind it with things said in confidence. */
function circle(): { root: string; dir: string } {
  const tree = circleTree('tiny', {
    'meetings/2026-01-06.yaml': {
      date: '2026-01-06',
      number: 1,
      attendance: { present: ['Ana Souza', 'Ben Okafor', 'Cleo Diaz', 'Dev Patel'], absent: [{ member: 'Eve Moreau', apology: 'SECRET-APOLOGY at the clinic' }] },
      reflect: {
        members: [
          { member: 'Ana Souza', tried: 'SECRET-REFLECTION about my board', private: true },
          { member: 'Ben Okafor', tried: 'A new rota' },
        ],
        requests: [{ topic: 'Grant writing', by: 'Ben Okafor' }, { topic: 'SECRET-TOPIC of Ana', by: 'Ana Souza', private: true }],
      },
      learning: { format: 'dialogue', topic: 'Keeping volunteers', notes: 'Thank them in person.', questions: ['How often to check in?'] },
      next: {
        members: [
          { member: 'Ben Okafor', will_practice: 'Call two drivers.' },
          { member: 'Cleo Diaz', will_practice: 'SECRET-COMMITMENT of Cleo', private: true },
          { member: 'Dev Patel', will_practice: 'Write to the council.' },
        ],
        topic: 'Grant writing',
        speaker: 'Dr Nadia Karim',
        date: '2026-01-20',
      },
      notes: 'SECRET-CLOSING: the key is under the mat',
    },
  });
  tree['circles/tiny/members.yaml'] = { members: PEOPLE.map((p) => ({ ...p, joined: '2026-01-06' })) };
  const root = testdir(tree);
  return { root, dir: join(root, 'circles', 'tiny') };
}

// A certificate of our own making for 127.0.0.1, made here with openssl (test-only, thrown away).
const certs = tempDir('circle-certs-');
execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(certs, 'key.pem'), '-out', join(certs, 'cert.pem'), '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
const CA = join(certs, 'cert.pem');

interface Received {
  from: string;
  to: string[];
  parsed: ParsedMail;
  raw: string;
}

/** The test server: logs in user "facilitator" with password "right", refuses the addresses in `refuse`, and can break off after N messages. */
class TestServer {
  received: Received[] = [];
  refuse = new Set<string>();
  /** Break off the connection of each message after this many have arrived. */
  dropAfter = Infinity;
  port = 0;
  private sockets = new Map<string, Socket>();
  private server = new SMTPServer({
    key: readFileSync(join(certs, 'key.pem')),
    cert: readFileSync(CA),
    authMethods: ['PLAIN', 'LOGIN'],
    onSecure: (socket, session, callback) => {
      this.sockets.set(session.id, socket as Socket);
      callback();
    },
    onAuth: (auth, _session, callback) => {
      if (auth.username === 'facilitator' && auth.password === 'right') return callback(null, { user: auth.username });
      return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onMailFrom: (_address, session, callback) => {
      if (this.received.length >= this.dropAfter) {
        this.sockets.get(session.id)?.destroy();
        return;
      }
      callback();
    },
    onRcptTo: (address, _session, callback) => {
      if (this.refuse.has(address.address)) return callback(Object.assign(new Error('5.1.1 no such mailbox here'), { responseCode: 550 }));
      callback();
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        this.received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          parsed: await simpleParser(raw),
          raw,
        });
        callback();
      });
    },
    logger: false,
  });

  async start(): Promise<void> {
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    this.port = (this.server.server.address() as AddressInfo).port;
  }
  stop(): Promise<void> {
    return new Promise((done) => this.server.close(done));
  }
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      CIRCLE_TODAY: TODAY,
      XDG_CONFIG_HOME: tempDir('circle-config-'),
      CIRCLE_MAIL_FROM: 'Nadia Facilitator <nadia@example.org>',
      CIRCLE_SMTP_HOST: '127.0.0.1',
      CIRCLE_SMTP_PORT: String(this.port),
      CIRCLE_SMTP_USER: 'facilitator',
      CIRCLE_SMTP_PASSWORD: 'right',
      CIRCLE_SMTP_CA: CA,
      ...extra,
    };
  }
}

const server = new TestServer();
beforeAll(() => server.start());
afterAll(() => server.stop());

const sentLog = (dir: string, date: string) =>
  readFileSync(join(dir, 'sent', `${date}.log`), 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split('\t').slice(1));

function icsEvent(mail: ParsedMail): ICAL.Event {
  const ics = mail.attachments.find((a) => a.contentType === 'text/calendar');
  expect(ics?.filename).toBe('tiny-2026-01-20.ics');
  return new ICAL.Event(new ICAL.Component(ICAL.parse(ics!.content.toString('utf8'))).getFirstSubcomponent('vevent')!);
}

const everything = (m: Received) => `${m.raw}\n${m.parsed.text}\n${m.parsed.html || ''}\n${m.parsed.attachments.map((a) => a.content.toString('utf8')).join('\n')}`;

describe('circle send agenda', () => {
  it('mails each member the agenda, text and HTML, with the meeting as .ics and replies to the facilitator; once', async () => {
    const { root, dir } = circle();
    server.received = [];
    const env = server.env();
    const r = await cli(['send', 'agenda', '--yes'], { cwd: root, env });
    expect(r.code, r.stderr).toBe(0);
    expect(server.received.map((m) => m.to)).toEqual(PEOPLE.map((p) => [p.email]));
    const first = server.received[0]!;
    expect(first.from).toBe('nadia@example.org');
    expect(first.parsed.subject).toBe('Tiny Circle: agenda for Tuesday 20 January 2026');
    expect(first.parsed.replyTo?.value[0]?.address).toBe('nadia@example.org');
    expect(first.parsed.to && !Array.isArray(first.parsed.to) ? first.parsed.to.value[0] : undefined).toEqual({ name: 'Ana Souza', address: 'ana@example.org' });
    expect(first.parsed.text).toContain('Dear Ana,');
    expect(server.received[1]!.parsed.text).toContain('Dear Ben,');
    // The same content as `circle agenda`.
    const agenda = await cli(['agenda', '--format', 'text'], { cwd: root, env });
    for (const line of ['Time to Reflect', 'Call two drivers.', 'Grant writing', 'Dr Nadia Karim', 'How often to check in?']) {
      expect(agenda.stdout).toContain(line);
      expect(first.parsed.text).toContain(line);
      expect(first.parsed.html).toContain(line);
    }
    expect(first.parsed.html).toContain('<h2');
    // The calendar event: the one `schedule --ics` gives for that date.
    const event = icsEvent(first.parsed);
    expect(event.startDate.toString()).toBe('2026-01-20T18:00:00');
    expect(event.endDate.toString()).toBe('2026-01-20T20:00:00');
    const icsFile = join(root, 'schedule.ics');
    expect((await cli(['schedule', '--ics', icsFile, '--count', '1', '--from', TODAY], { cwd: root, env })).code).toBe(0);
    const scheduled = new ICAL.Event(new ICAL.Component(ICAL.parse(readFileSync(icsFile, 'utf8'))).getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe(scheduled.uid);
    expect(event.uid).toMatch(/^2026-01-20-[0-9a-f]{8}@circle$/);
    expect(icsEvent(server.received[4]!.parsed).uid).toBe(event.uid);
    for (const m of server.received) for (const secret of SECRETS) expect(everything(m)).not.toContain(secret);

    // Recorded in the circle, and sent once.
    expect(sentLog(dir, '2026-01-20')).toEqual(PEOPLE.map((p) => ['agenda', p.name, p.email]));
    expect(readFileSync(join(dir, 'sent', '.gitattributes'), 'utf8')).toContain('*.log merge=union');
    const again = await cli(['send', 'agenda', '--yes'], { cwd: root, env });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('Everyone had the agenda for Tuesday 20 January 2026 already');
    expect(server.received).toHaveLength(5);
    const one = await cli(['send', 'agenda', '--yes', '--again', '--to', 'Cleo'], { cwd: root, env });
    expect(one.code, one.stderr).toBe(0);
    expect(server.received.slice(5).map((m) => m.to)).toEqual([['cleo@example.org']]);
  });

  it('the dry run writes .eml files that read back as the same messages, and sends and records nothing', async () => {
    const { root, dir } = circle();
    server.received = [];
    const env = server.env();
    const out = join(tempDir('circle-eml-'), 'eml');
    const r = await cli(['send', 'agenda', '--dry-run', '--out', out], { cwd: root, env });
    expect(r.code, r.stderr).toBe(0);
    expect(server.received).toEqual([]);
    expect(readdirSync(dir)).not.toContain('sent');
    const files = readdirSync(out).sort();
    expect(files).toEqual(['ana-souza.eml', 'ben-okafor.eml', 'cleo-diaz.eml', 'dev-patel.eml', 'eve-moreau.eml']);
    expect(r.stdout.trim().split('\n')).toHaveLength(5);
    expect(r.stdout).toContain('ana-souza.eml\tAna Souza <ana@example.org>');

    const sent = await cli(['send', 'agenda', '--yes', '--to', 'Ana'], { cwd: root, env });
    expect(sent.code, sent.stderr).toBe(0);
    const eml = await simpleParser(readFileSync(join(out, 'ana-souza.eml')));
    const real = server.received[0]!.parsed;
    expect(eml.subject).toBe(real.subject);
    expect(eml.text).toBe(real.text);
    expect(eml.html).toBe(real.html);
    expect(eml.replyTo?.text).toBe(real.replyTo?.text);
    expect(icsEvent(eml).uid).toBe(icsEvent(real).uid);
    expect(icsEvent(eml).startDate.toString()).toBe(icsEvent(real).startDate.toString());
  });
  it('without --out, the dry run writes into the circle\'s print/ folder, which git ignores, and not where you stand', async () => {
    const { root, dir } = circle();
    git(root, 'init', '-q');
    const r = await cli(['send', 'agenda', '--dry-run'], { cwd: root, env: server.env() });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(dir, 'print', 'mail-agenda-2026-01-20')).sort()).toEqual(['ana-souza.eml', 'ben-okafor.eml', 'cleo-diaz.eml', 'dev-patel.eml', 'eve-moreau.eml']);
    expect(r.stdout).toContain('circles/tiny/print/mail-agenda-2026-01-20/ana-souza.eml\tAna Souza <ana@example.org>');
    expect(readdirSync(root).filter((f) => f.startsWith('mail-'))).toEqual([]);
    expect(git(root, 'status', '--porcelain', '--untracked-files=all', 'circles/tiny/print')).toBe('');
  });
});

describe('circle send recap', () => {
  it('mails what the group learned, each commitment, the topics asked for and the next date, and nothing said in confidence', async () => {
    const { root, dir } = circle();
    server.received = [];
    const r = await cli(['send', 'recap', '--yes'], { cwd: root, env: server.env() });
    expect(r.code, r.stderr).toBe(0);
    expect(server.received).toHaveLength(5);
    const mail = server.received[2]!.parsed;
    expect(mail.subject).toBe('Tiny Circle: what we learned on Tuesday 6 January 2026');
    expect(mail.text).toContain('Dear Cleo,');
    for (const said of ['Keeping volunteers', 'Thank them in person.', 'How often to check in?', 'Ben Okafor: Call two drivers.', 'Dev Patel: Write to the council.', 'Grant writing', 'Tuesday 20 January 2026', 'Dr Nadia Karim']) {
      expect(mail.text).toContain(said);
      for (const part of said.split(': ')) expect(mail.html).toContain(part);
    }
    expect(mail.attachments).toEqual([]);
    for (const m of server.received) for (const secret of [...SECRETS, 'A new rota']) expect(everything(m)).not.toContain(secret);
    expect(sentLog(dir, '2026-01-06').map((l) => l[0])).toEqual(Array(5).fill('recap'));
  });
});

describe('when mail does not go', () => {
  it('a refused address and a connection broken off after the third message: each failure by name, the record exact, a rerun finishes', async () => {
    const { root, dir } = circle();
    server.received = [];
    server.refuse = new Set(['ben@example.org']);
    server.dropAfter = 3;
    const env = server.env();
    try {
      const r = await cli(['send', 'agenda', '--yes'], { cwd: root, env });
      expect(r.code).toBe(1);
      expect(server.received.map((m) => m.to[0])).toEqual(['ana@example.org', 'cleo@example.org', 'dev@example.org']);
      expect(r.stderr).toMatch(/not sent to Ben Okafor <ben@example\.org>: the server refused the address \(550 5\.1\.1 no such mailbox here\)/);
      expect(r.stderr).toMatch(/not sent to Eve Moreau <eve@example\.org>: /);
      expect(r.stderr).toContain('Run the same command again');
      expect(sentLog(dir, '2026-01-20').map((l) => l[1])).toEqual(['Ana Souza', 'Cleo Diaz', 'Dev Patel']);

      server.dropAfter = Infinity;
      const rerun = await cli(['send', 'agenda', '--yes'], { cwd: root, env });
      expect(rerun.code).toBe(1); // Ben's address is still refused
      expect(rerun.stderr).toContain('sending to the 2 not yet reached');
      expect(server.received.slice(3).map((m) => m.to[0])).toEqual(['eve@example.org']);
      expect(sentLog(dir, '2026-01-20').map((l) => l[1])).toEqual(['Ana Souza', 'Cleo Diaz', 'Dev Patel', 'Eve Moreau']);

      server.refuse = new Set();
      const last = await cli(['send', 'agenda', '--yes'], { cwd: root, env });
      expect(last.code, last.stderr).toBe(0);
      expect(server.received.slice(4).map((m) => m.to[0])).toEqual(['ben@example.org']);
    } finally {
      server.refuse = new Set();
      server.dropAfter = Infinity;
    }
  });

  it('a wrong password: one clear line, exit 1, nothing sent or recorded', async () => {
    const { root, dir } = circle();
    server.received = [];
    const r = await cli(['send', 'agenda', '--yes'], { cwd: root, env: server.env({ CIRCLE_SMTP_PASSWORD: 'wrong' }) });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^nothing was sent: 127\.0\.0\.1:\d+ refused the login: check the user and password \(535 Invalid username or password\)$/)]);
    expect(server.received).toEqual([]);
    expect(readdirSync(dir)).not.toContain('sent');
  });

  it('STARTTLS with a certificate of its own: refused unless its CA is given (--ca) or --tls-insecure', async () => {
    const { root } = circle();
    server.received = [];
    const env = server.env({ CIRCLE_SMTP_CA: '' });
    const refused = await cli(['send', 'agenda', '--yes', '--to', 'Ana'], { cwd: root, env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/nothing was sent: the certificate of 127\.0\.0\.1:\d+ is not trusted .*--ca FILE.*--tls-insecure/);
    expect(server.received).toEqual([]);
    const withCa = await cli(['send', 'agenda', '--yes', '--to', 'Ana', '--ca', CA], { cwd: root, env });
    expect(withCa.code, withCa.stderr).toBe(0);
    const insecure = await cli(['send', 'agenda', '--yes', '--to', 'Ben', '--tls-insecure'], { cwd: root, env });
    expect(insecure.code, insecure.stderr).toBe(0);
    expect(server.received.map((m) => m.to[0])).toEqual(['ana@example.org', 'ben@example.org']);
  });

  it('a settings file others can read is refused with how to fix it; once chmod 600, it is used', async () => {
    const { root } = circle();
    server.received = [];
    const config = tempDir('circle-config-');
    mkdirSync(join(config, 'circle'));
    const file = join(config, 'circle', 'mail.yaml');
    writeFileSync(file, `from: Nadia <nadia@example.org>\nsmtp:\n  host: 127.0.0.1\n  port: ${server.port}\n  user: facilitator\n  password: right\n  ca: ${CA}\n`);
    chmodSync(file, 0o644);
    const env = { CIRCLE_TODAY: TODAY, XDG_CONFIG_HOME: config };
    const r = await cli(['send', 'agenda', '--yes'], { cwd: root, env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('can be read or changed by other users (mode 644)');
    expect(r.stderr).toContain(`chmod 600 ${file}`);
    expect(server.received).toEqual([]);
    chmodSync(file, 0o600);
    const ok = await cli(['send', 'agenda', '--yes', '--to', 'Eve'], { cwd: root, env });
    expect(ok.code, ok.stderr).toBe(0);
    expect(server.received.map((m) => m.to[0])).toEqual(['eve@example.org']);
  });

  it('the built program reads the settings file (spawned: the bundle, not the sources)', () => {
    const { root } = circle();
    const config = tempDir('circle-config-');
    mkdirSync(join(config, 'circle'));
    writeFileSync(join(config, 'circle', 'mail.yaml'), 'from: Nadia <nadia@example.org>\n', { mode: 0o600 });
    const out = join(tempDir('circle-eml-'), 'eml');
    const r = spawnCircle(['send', 'agenda', '--dry-run', '--out', out], { cwd: root, env: { CIRCLE_TODAY: TODAY, XDG_CONFIG_HOME: config } });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(out, 'ana-souza.eml'), 'utf8')).toContain('From: Nadia <nadia@example.org>');
  });

  it('without --yes and without a terminal nothing is sent; without settings it says where they go', async () => {
    const { root } = circle();
    server.received = [];
    const noYes = await cli(['send', 'agenda'], { cwd: root, env: server.env() });
    expect(noYes.code).toBe(2);
    expect(noYes.stderr).toContain('add --yes');
    const none = await cli(['send', 'recap', '--yes'], { cwd: root, env: { CIRCLE_TODAY: TODAY, XDG_CONFIG_HOME: tempDir('circle-config-') } });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no mail settings: put your account in .*circle\/mail\.yaml \(chmod 600\)/);
    expect(server.received).toEqual([]);
  });
});

describe("the machine's sendmail", () => {
  it('hands each message to sendmail (CIRCLE_SENDMAIL) with its recipient, and records it', async () => {
    const { root, dir } = circle();
    const bin = tempDir('circle-sendmail-');
    const fake = join(bin, 'sendmail');
    // A stand-in for sendmail: keeps its arguments and the message it was given.
    writeFileSync(fake, `#!/bin/sh\nn=$(ls "${bin}" | grep -c '\\.eml$')\nprintf '%s\\n' "$@" > "${bin}/$n.args"\ncat > "${bin}/$n.eml"\n`);
    chmodSync(fake, 0o755);
    const env = { CIRCLE_TODAY: TODAY, XDG_CONFIG_HOME: tempDir('circle-config-'), CIRCLE_MAIL_FROM: 'Nadia <nadia@example.org>', CIRCLE_SENDMAIL: fake };
    const r = await cli(['send', 'recap', '--yes', '--to', 'Dev'], { cwd: root, env });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(bin, '0.args'), 'utf8')).toContain('dev@example.org');
    const mail = await simpleParser(readFileSync(join(bin, '0.eml')));
    expect(mail.subject).toBe('Tiny Circle: what we learned on Tuesday 6 January 2026');
    expect(mail.text).toContain('Dear Dev,');
    expect(sentLog(dir, '2026-01-06')).toEqual([['recap', 'Dev Patel', 'dev@example.org']]);

    // In a git workspace the record is committed (that alone), even where *.log is ignored.
    const circleFile = join(dir, 'circle.yaml');
    writeFileSync(circleFile, readFileSync(circleFile, 'utf8').replace('commit: false', 'commit: true'));
    writeFileSync(join(root, '.gitignore'), '*.log\n');
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'circle');
    const again = await cli(['send', 'recap', '--yes', '--to', 'Ben'], { cwd: root, env });
    expect(again.code, again.stderr).toBe(0);
    expect(git(root, 'log', '-1', '--format=%s')).toBe('send: recap for 2026-01-06 to 1\n');
    expect(git(root, 'status', '--porcelain', '--', 'circles/tiny/sent')).toBe('');
    expect(git(root, 'show', 'HEAD:circles/tiny/sent/2026-01-06.log')).toContain('\trecap\tBen Okafor\tben@example.org');
  });
});
