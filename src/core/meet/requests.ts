// Speaker requests typed into a Reflect or What's Next answer.

/**
 * Typed into any Reflect or What's Next answer, `++` notes a speaker request by that member:
 * "Tried the new rota ++ volunteer burnout" keeps "Tried the new rota" and requests
 * a speaker on "volunteer burnout". Several may follow one another. The mark counts
 * only as a word of its own (at the start or after a space, and followed by one), so
 * "Notepad++" and "C++" stay as typed.
 */
const REQUEST_SPLIT = /(?:^|\s)\+\+\s+/;

export function splitRequests(answer: string): { text: string; requests: string[] } {
  const [text = '', ...requests] = answer.split(REQUEST_SPLIT).map((s) => s.trim());
  return { text, requests: requests.filter(Boolean) };
}
