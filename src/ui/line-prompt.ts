// A one-line answer on the terminal, like @inquirer/input, that can also be left with Esc:
// `circle meet` uses it to skip the rest of a person's questions in one key.
import { createPrompt, isBackspaceKey, isEnterKey, isTabKey, makeTheme, useEffect, usePrefix, useKeypress, useState } from '@inquirer/core';

export const ESCAPED = '\u0000escaped';

interface LineConfig {
  message: string;
  default?: string;
  validate?: (value: string) => true | string;
  /** Esc ends the prompt with ESCAPED. */
  escapable?: boolean;
  /** The default is put in the line, ready to change (an emptied line answers ''). */
  edit?: boolean;
}

export const linePrompt = createPrompt<string, LineConfig>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [fallback, setFallback] = useState(config.edit ? '' : (config.default ?? ''));
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const prefix = usePrefix({ status, theme });
  useEffect((rl) => {
    if (!config.edit || !config.default) return;
    rl.write(config.default);
    setValue(config.default);
  }, []);

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (config.escapable && key.name === 'escape') {
      setStatus('done');
      setValue('');
      done(ESCAPED);
    } else if (isEnterKey(key)) {
      const answer = value || fallback;
      const verdict = config.validate?.(answer) ?? true;
      if (verdict === true) {
        setValue(answer);
        setStatus('done');
        done(answer);
      } else {
        rl.write(value); // readline cleared the line on Enter: give the typed text back to fix it
        setError(verdict);
      }
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
  });

  const message = theme.style.message(config.message, status);
  const shown = status === 'done' ? theme.style.answer(value) : value;
  const hint = fallback && status !== 'done' && !value ? theme.style.defaultAnswer(fallback) : undefined;
  return [[prefix, message, hint, shown].filter((v) => v !== undefined).join(' '), error ? theme.style.error(error) : ''];
});
