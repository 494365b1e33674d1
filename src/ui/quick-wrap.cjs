// wrap-ansi as @inquirer/core uses it (to fit each line of a question to the terminal),
// with a quick answer for the usual case: a line that fits, made of characters one
// column wide, comes back as it is, as wrap-ansi would give it. Any other line goes to
// wrap-ansi itself, loaded then: it and what it loads (colour tables, an emoji pattern)
// would cost the first question of `circle meet` some 10 ms. scripts/build.mjs puts this
// in its place; test/ui/quick-wrap.test.ts checks it answers as wrap-ansi does.
'use strict';

/** Control sequences wrap-ansi gives no room (colours, showing and hiding the cursor…): ansi-regex@5's pattern for them. */
const CSI = /\u001b[[\]()#;?]*(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]/g;
/**
 * One column each: printable ASCII, Latin (Vietnamese too), Greek and Cyrillic letters (©
 * and ® left out: they may be emoji), dashes, quotes, bullets and '…', and the marks inquirer draws
 * (↑ ↓ ⏎ ─ ◉ ◯ ❯ ✔).
 */
const ONE_COLUMN = /^[\u0020-\u007e\u00a0-\u00a8\u00aa-\u00ad\u00af-\u02ff\u0370-\u052f\u1e00-\u1eff\u2010-\u2027\u2191\u2193\u23ce\u2500\u25c9\u25ef\u276f\u2714]*$/;

let wrapAnsi;

module.exports = function quickWrap(string, columns, options) {
  if (typeof string === 'string' && columns > 0) {
    const visible = string.replace(CSI, '');
    if (visible.length <= columns && ONE_COLUMN.test(visible) && string.normalize() === string) return string;
  }
  wrapAnsi ??= require('wrap-ansi');
  return wrapAnsi(string, columns, options);
};
