// A one-line answer on the terminal, like @inquirer/input, whose answer can be marked as
// kept in confidence (Ctrl-T, when `confide`), and which reports the line as it is typed
// (kept when the meeting is interrupted).
import { createPrompt, isBackspaceKey, isEnterKey, isTabKey, makeTheme, useEffect, usePrefix, useKeypress, useState } from '@inquirer/core';

export interface LineAnswer {
  text: string;
  /** Marked as kept in confidence. */
  confided: boolean;
}

export interface LineConfig {
  message: string;
  default?: string;
  validate?: (value: string) => true | string;
  /** The default is put in the line, ready to change (an emptied line answers ''). */
  edit?: boolean;
  /** Ctrl-T marks the answer as kept in confidence (and again unmarks it); shown as `confideMark` (styled). */
  confide?: boolean;
  confided?: boolean;
  confideMark?: string;
  /** Told the line after each key. */
  onLine?: (line: string) => void;
}

export const linePrompt = createPrompt<LineAnswer, LineConfig>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [fallback, setFallback] = useState(config.edit ? '' : (config.default ?? ''));
  const [value, setValue] = useState('');
  const [confided, setConfided] = useState(Boolean(config.confided));
  const [error, setError] = useState<string | undefined>();
  const prefix = usePrefix({ status, theme });
  useEffect((rl) => {
    if (!config.edit || !config.default) return;
    rl.write(config.default);
    setValue(config.default);
    config.onLine?.(config.default);
  }, []);

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (isEnterKey(key)) {
      const answer = value || fallback;
      const verdict = config.validate?.(answer) ?? true;
      if (verdict === true) {
        setValue(answer);
        setStatus('done');
        done({ text: answer, confided });
      } else {
        rl.write(value); // readline cleared the line on Enter: give the typed text back to fix it
        setError(verdict);
      }
      return;
    }
    if (config.confide && key.ctrl && key.name === 't') {
      setConfided(!confided);
    } else if (isBackspaceKey(key) && !value) {
      setFallback('');
    } else if (isTabKey(key) && !value) {
      rl.clearLine(0);
      rl.write(fallback);
      setValue(fallback);
      setFallback('');
    } else {
      setValue(rl.line);
      setError(undefined);
    }
    config.onLine?.(rl.line);
  });

  const message = theme.style.message(config.message, status);
  const mark = confided ? config.confideMark : undefined;
  const shown = status === 'done' ? theme.style.answer(value) : value;
  const hint = fallback && status !== 'done' && !value ? theme.style.defaultAnswer(fallback) : undefined;
  return [[prefix, message, mark, hint, shown].filter((v) => v !== undefined).join(' '), error ? theme.style.error(error) : ''];
});
