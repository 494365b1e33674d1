// What every command receives: the outside world (injected, so tests can replace it)
// and helpers to find its circle.
import { toIso } from './core/dates.js';
import { checkSlug, circleDir, requireWorkspace, resolveCircle, type Workspace } from './store/workspace.js';
import { createOutput, type Output, type Stream } from './ui/output.js';

export interface Deps {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: Stream;
  stderr: Stream;
  now: () => Date;
}

export interface GlobalOptions {
  home?: string;
  circle?: string;
  color?: boolean;
}

export interface Context {
  deps: Deps;
  out: Output;
  global: GlobalOptions;
  today(): string;
  /** True when the user can be asked questions. */
  interactive(): boolean;
  workspace(): Workspace;
  circle(): Promise<{ ws: Workspace; slug: string; dir: string }>;
}

export function createContext(deps: Deps, global: GlobalOptions): Context {
  if (global.circle !== undefined) checkSlug(global.circle); // refused up front, whatever the command
  const out = createOutput(deps.stdout, deps.stderr, deps.env, { color: global.color });
  const workspace = () => requireWorkspace({ home: global.home, env: deps.env, cwd: deps.cwd });
  return {
    deps,
    out,
    global,
    today: () => toIso(deps.now()),
    interactive: () => Boolean(deps.stdin.isTTY) && Boolean(deps.stderr.isTTY),
    workspace,
    async circle() {
      const ws = workspace();
      const slug = await resolveCircle(ws, { circle: global.circle, cwd: deps.cwd });
      return { ws, slug, dir: circleDir(ws, slug) };
    },
  };
}
