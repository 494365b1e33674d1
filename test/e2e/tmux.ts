// A real pseudo-terminal for the end-to-end tests: tmux runs the built CLI, send-keys
// types, capture-pane reads the screen. Every wait polls the screen; nothing sleeps blindly.
import { spawnSync } from 'node:child_process';
import { binPath, testEnv } from '../helpers.js';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;
export const inCI = process.env.CI === 'true';

export class Tmux {
  readonly socket = `circle-e2e-${process.pid}-${Date.now()}`;
  private session = 0;
  private env: NodeJS.ProcessEnv;

  constructor(today = '2026-11-17', env: Record<string, string> = {}) {
    this.env = testEnv({ CIRCLE_TODAY: today, TERM: 'xterm-256color', ...env });
  }

  private tmux(...args: string[]): string {
    const r = spawnSync('tmux', ['-u', '-L', this.socket, ...args], { env: this.env, encoding: 'utf8' });
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

  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', this.name);
  }

  async waitFor(test: (screen: string) => boolean, what: string, ms = 15_000): Promise<string> {
    const until = Date.now() + ms;
    for (;;) {
      const screen = this.screen();
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

  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.name, ...keys);
  }

  /** Wait for the question, type the answer (if any) and Enter, and wait for the prompt to be answered. */
  async answer(question: string, text = ''): Promise<void> {
    await this.waitFor((s) => this.pending(s, question), `the question "${question}"`);
    if (text) this.tmux('send-keys', '-t', this.name, '-l', text);
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
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }
}
