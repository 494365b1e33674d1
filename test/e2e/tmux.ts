// A real pseudo-terminal for the end-to-end tests: tmux runs the built CLI, send-keys
// types, capture-pane reads the screen. Every wait polls the screen; nothing sleeps blindly.
// The polls and keys go through one tmux client in control mode (tmux -C), not a tmux
// process each: a test reads the screen hundreds of times.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { binPath, testEnv } from '../helpers.js';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;
export const inCI = process.env.CI === 'true';

/** A word for tmux's command parser: in single quotes, a quote in it spliced in as sh does (a line break would end the command). */
function word(s: string): string {
  if (/[\r\n]/.test(s)) throw new Error(`tmux: a line break in ${JSON.stringify(s)} would split the command`);
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** No ~/.tmux.conf: a developer's hooks or options must not change what the tests see. */
const NO_CONFIG = ['-f', '/dev/null'];

/**
 * A tmux client in control mode, in a session of its own (so it never resizes a test's
 * window): commands go in one a line, and each is answered, in order, by the lines between
 * `%begin <time> <n>` and `%end <time> <n>` (`%error` when it failed); notifications are ignored.
 */
class Control {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: Array<{ done: (lines: string[]) => void; fail: (error: Error) => void }> = [];
  private block: { end: string; lines: string[] } | undefined;
  private partial = '';
  /** A failed command whose caller did not wait for it (keys): thrown by the next one waited for. */
  private failed: Error | undefined;
  /** Commands written before the client's own new-session was answered would run before it: they wait here. */
  private early: string[] | undefined = [];
  /** Why the client is gone: every command after that fails at once instead of waiting forever. */
  private ended: Error | undefined;

  constructor(socket: string, env: NodeJS.ProcessEnv) {
    this.child = spawn('tmux', [...NO_CONFIG, '-u', '-L', socket, '-C', 'new-session', '-s', 'control', 'sleep 86400'], { env });
    this.waiting.push({ done: () => {}, fail: (error) => (this.failed = error) }); // the new-session above
    this.send(['set-option', '-t', 'control', 'destroy-unattached', 'on']); // gone with this client, whatever ends it
    this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (this.partial + chunk).split('\n');
      this.partial = lines.pop()!;
      for (const line of lines) this.line(line);
    });
    let stderr = '';
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    this.child.stdin.on('error', () => {}); // a client gone: said by 'close'
    this.child.on('close', () => {
      this.ended ??= new Error(`the tmux control client ended${stderr ? `: ${stderr.trim()}` : ''}`);
      for (const w of this.waiting.splice(0)) w.fail(this.ended);
    });
  }

  private line(line: string): void {
    if (!this.block) {
      const begin = /^%begin (\d+ \d+) /.exec(line);
      if (begin) this.block = { end: ` ${begin[1]} `, lines: [] };
      return;
    }
    if ((line.startsWith('%end ') || line.startsWith('%error ')) && line.includes(this.block.end)) {
      const { lines } = this.block;
      this.block = undefined;
      const w = this.waiting.shift();
      if (!w) this.failed ??= new Error(`tmux answered a command nobody sent: ${lines.join('\n')}`);
      else if (line.startsWith('%end ')) w.done(lines);
      else w.fail(new Error(lines.join('\n')));
      if (this.early) for (const command of this.early.splice(0)) this.child.stdin.write(command);
      this.early = undefined;
      return;
    }
    this.block.lines.push(line);
  }

  /** Run a tmux command; resolves with what it printed, a line each. */
  run(args: string[]): Promise<string[]> {
    return new Promise((done, fail) => {
      const error = new Error(`tmux ${args.join(' ')}`);
      if (this.ended) return fail(Object.assign(error, { message: `${error.message}: ${this.ended.message}` }));
      this.waiting.push({ done, fail: (why) => fail(Object.assign(error, { message: `${error.message}: ${why.message}` })) });
      const command = `${args.map(word).join(' ')}\n`;
      if (this.early) this.early.push(command);
      else this.child.stdin.write(command);
    });
  }

  /** Run a command without waiting for it (commands run in order); a failure is thrown by the next `run` waited for. */
  send(args: string[]): void {
    this.run(args).catch((error: Error) => (this.failed ??= error));
  }

  async checked<T>(answer: Promise<T>): Promise<T> {
    const value = await answer;
    if (this.failed) throw this.failed;
    return value;
  }

  end(): void {
    this.ended ??= new Error('the tmux control client was ended');
    this.child.kill();
  }
}

export class Tmux {
  readonly socket = `circle-e2e-${process.pid}-${Date.now()}`;
  private session = 0;
  private env: NodeJS.ProcessEnv;
  private control: Control | undefined;
  /** Set by kill(): a poll still running (a test timed out) fails instead of starting a new server. */
  private killed = false;

  constructor(today = '2026-11-17', env: Record<string, string> = {}) {
    this.env = testEnv({ CIRCLE_TODAY: today, TERM: 'xterm-256color', ...env });
  }

  private tmux(...args: string[]): string {
    const r = spawnSync('tmux', [...NO_CONFIG, '-u', '-L', this.socket, ...args], { env: this.env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  }

  /** Run `circle ARGS` in a fresh 120×40 window; the shell prints EXIT:<code> when it ends. */
  start(cwd: string, args: string[]): void {
    this.session += 1;
    const quoted = [process.execPath, binPath, ...args].map((a) => `'${a}'`).join(' ');
    this.tmux('new-session', '-d', '-x', '120', '-y', '40', '-s', this.name, '-c', cwd, `${quoted}; echo "EXIT:$?"; sleep 600`);
  }

  get name(): string {
    return `circle${this.session}`;
  }

  /** The client that reads the screen and types, started with the first read or key. */
  private get client(): Control {
    if (this.killed) throw new Error('tmux: this terminal was killed (the test ended)');
    return (this.control ??= new Control(this.socket, this.env));
  }

  async screen(): Promise<string> {
    const client = this.client;
    const lines = await client.checked(client.run(['capture-pane', '-p', '-t', this.name]));
    return lines.map((l) => `${l}\n`).join('');
  }

  async waitFor(test: (screen: string) => boolean, what: string, ms = 15_000): Promise<string> {
    const until = Date.now() + ms;
    for (;;) {
      const screen = await this.screen();
      if (test(screen)) return screen;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}; the screen shows:\n${screen}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Wait until the screen shows this text (or matches this pattern); the screen is returned for more checks. */
  async see(text: string | RegExp, ms?: number): Promise<string> {
    const shows = (s: string) => (typeof text === 'string' ? s.includes(text) : text.test(s));
    return this.waitFor(shows, JSON.stringify(String(text)), ms);
  }

  /** The prompt that is waiting for an answer (inquirer marks it "?"; answered ones "✔"). */
  private pending(screen: string, question: string): boolean {
    return screen.split('\n').some((line) => line.startsWith(`? ${question}`));
  }

  /** Type: the keys are sent in order with the reads, so the next read sees them typed (a failure is thrown by it). */
  keys(...keys: string[]): void {
    this.client.send(['send-keys', '-t', this.name, ...keys]);
  }

  /** Wait for the question, type the answer (if any) and Enter, and wait for the prompt to be answered. */
  async answer(question: string, text = ''): Promise<void> {
    await this.waitFor((s) => this.pending(s, question), `the question "${question}"`);
    if (text) this.keys('-l', text);
    this.keys('Enter');
    await this.waitFor((s) => !this.pending(s, question), `"${question}" to be answered`);
  }

  /** A long answer (notes, the purpose): each line, then the empty line that ends it. */
  async answerLines(question: string, ...lines: string[]): Promise<void> {
    for (const [i, line] of [...lines, ''].entries()) await this.answer(`${question} (line ${i + 1};`, line);
  }

  /** What's Next's decisions and the close, each left at its default (Enter). */
  async answerNextAndCloseWithDefaults(): Promise<void> {
    for (const q of ['Topic for next time', 'Speaker for next time, if known', 'Date of the next meeting']) await this.answer(q);
    await this.answerLines('Anything to carry to next time (who brings food, a reminder)?');
    await this.answer('How useful was today');
    await this.answer('One thing to change next time');
    await this.answerLines('Anything else for the minutes (news, thanks)?');
  }

  async exitCode(): Promise<number> {
    const screen = await this.waitFor((s) => /EXIT:\d+/.test(s), 'the command to end', 30_000);
    return Number(/EXIT:(\d+)/.exec(screen)![1]);
  }

  kill(): void {
    this.killed = true;
    this.control?.end();
    spawnSync('tmux', [...NO_CONFIG, '-L', this.socket, 'kill-server']);
  }
}
