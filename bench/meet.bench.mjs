// circle meet in a real terminal: from pressing Enter on the command line to the first
// question on screen. tmux runs a shell; its output is streamed through a FIFO, so the
// moment the question appears is seen without polling the screen. The baseline is
// `node -e` writing a question of its own through the same shell and terminal.
import { spawnSync } from 'node:child_process';
import { cpSync, createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, record, root, VARIANTS } from './lib.mjs';

const RUNS = 11;
// Inquirer's question line, once colours and cursor moves are taken out.
const QUESTION = /(^|\n)\? \S/;
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-B]|\x1b[=>]|\r/g;

export default async function () {
  if (spawnSync('tmux', ['-V']).status !== 0) {
    console.log('tmux is not installed: skipped (apt-get install tmux)');
    return;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'circle-bench-meet-'));
  // Timestamps kept, as a facilitator's files are (not written the moment before); no caches.
  cpSync(join(root, 'circles'), join(tmp, 'ws', 'circles'), { recursive: true, preserveTimestamps: true, filter: (f) => !f.includes('.cache') });
  const fifo = join(tmp, 'pane');
  spawnSync('mkfifo', [fifo]);
  const socket = `circle-bench-${process.pid}`;
  const env = { ...VARIANTS[0].env, TERM: 'xterm-256color', CIRCLE_TODAY: '2026-11-17', PS1: '$ ' };
  delete env.NO_COLOR;
  const tmux = (...args) => {
    const r = spawnSync('tmux', ['-u', '-L', socket, ...args], { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${r.stderr}`);
  };

  let seen = '';
  let waiting;
  const stream = createReadStream(fifo, { encoding: 'utf8' });
  stream.on('data', (chunk) => {
    seen += chunk.replace(ANSI, '');
    if (waiting && waiting.test(seen)) waiting.done(process.hrtime.bigint());
  });
  const until = (pattern, ms = 20_000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`meet bench: timed out waiting for ${pattern}; the terminal showed:\n${seen.slice(-2000)}`)), ms);
      waiting = { test: (s) => pattern.test(s), done: (t) => (clearTimeout(timer), (waiting = undefined), resolve(t)) };
      if (pattern.test(seen)) waiting.done(process.hrtime.bigint());
    });

  try {
    tmux('new-session', '-d', '-x', '120', '-y', '40', '-s', 'bench', '-c', join(tmp, 'ws'), 'sh');
    tmux('pipe-pane', '-t', 'bench', `cat > '${fifo}'`);
    /** Type a line, press Enter, and time until `pattern` shows; `then` ends the command. */
    const timeLine = async (line, then) => {
      seen = '';
      tmux('send-keys', '-t', 'bench', line, 'Enter');
      const t0 = process.hrtime.bigint();
      const t1 = await until(QUESTION);
      then?.();
      await until(/(^|\n)DONE\r?\n[#$]/); // and the shell's prompt after it, before the next line is typed
      return Number(t1 - t0) / 1e6;
    };
    const envArgs = (v) => (v.env.NODE_EXTRA_CA_CERTS ? `env NODE_EXTRA_CA_CERTS='${v.env.NODE_EXTRA_CA_CERTS}'` : 'env -u NODE_EXTRA_CA_CERTS');
    // `echo DO""NE` prints DONE while the typed line shows DO""NE.
    const base = (v) => timeLine(`${envArgs(v)} '${process.execPath}' -e "process.stderr.write('? ready\\n')"; echo DO""NE`);
    const meet = (v, flags = '') =>
      timeLine(`${envArgs(v)} '${process.execPath}' '${bin}' meet${flags}; rm -f circles/*/.draft.yaml; echo DO""NE`, () => tmux('send-keys', '-t', 'bench', 'C-c'));

    // meet, and meet --room (its server up and its address printed before the first question).
    for (const [label, flags] of [['circle meet, launch to first question (tmux)', ''], ['circle meet --room, launch to first question (tmux)', ' --room']]) {
      const samples = Object.fromEntries(VARIANTS.map((v) => [v.id, { cmd: [], base: [] }]));
      for (const v of VARIANTS) await meet(v, flags); // warm-up
      for (let i = 0; i < RUNS; i++) {
        for (const v of VARIANTS) {
          samples[v.id].base.push(await base(v));
          samples[v.id].cmd.push(await meet(v, flags));
        }
      }
      record(label, RUNS, samples);
    }
  } finally {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
    stream.destroy();
    rmSync(tmp, { recursive: true, force: true });
  }
}
