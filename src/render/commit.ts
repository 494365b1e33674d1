// What the user is told about the commit of the files a command wrote.

interface CommitOutcome {
  ok: boolean | 'off' | 'no-repo';
  reason?: string;
}

/**
 * The line to show, if any, and whether it is a failure (shown as a warning, exit 1):
 * `written` says what stays on disk, `shown` the files to commit by hand.
 */
function commitNotice(done: CommitOutcome, message: string, written: string, shown: readonly string[]): { text: string; failed: boolean } | undefined {
  switch (done.ok) {
    case true:
      return { text: `Committed: ${message}`, failed: false };
    case 'no-repo':
      return { text: 'Not committed: this workspace is not a git repository (`git init` to keep the history in git).', failed: false };
    case 'off':
      return undefined;
    case false: {
      const files = shown.join(' ');
      return {
        text: `${written}, but git could not commit ${shown.length > 1 ? 'them' : 'it'}:\n  ${done.reason}\nCommit ${shown.length > 1 ? 'them' : 'it'} yourself: git add -- ${files} && git commit -- ${files}`,
        failed: true,
      };
    }
  }
}

/** Tell the user what became of the commit; the exit code it leaves (1 when git failed). */
export function reportCommit(
  out: { info(text: string): void; warn(text: string): void },
  done: CommitOutcome,
  message: string,
  written: string,
  shown: readonly string[],
): 0 | 1 {
  const notice = commitNotice(done, message, written, shown);
  if (notice?.failed) out.warn(notice.text);
  else if (notice) out.info(notice.text);
  return notice?.failed ? 1 : 0;
}
