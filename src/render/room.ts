// The room view as a page for a projector: the shell, its styles, the small script that
// follows the meeting (Server-Sent Events, reconnecting by itself) and the HTML of each view.
// Every text from the circle is escaped here; every word comes from the words file (`room:`).
import type { RoomView } from '../core/room.js';
import { t } from '../core/words.js';
import { escapeHtml, htmlPage } from './html.js';

const esc = (text: string | number) => escapeHtml(String(text));
/** A word of the room view (`room:` in the words file), filled in. */
const say = (key: string, values: Record<string, string | number> = {}) => t(`room.${key}`, values);

/** A paragraph with a data-room name (what the tests read). */
const line = (name: string, text: string, cls = name) => `<p class="${cls}" data-room="${name}">${esc(text)}</p>`;

function list(name: string, heading: string, items: readonly string[] | undefined): string {
  if (!items?.length) return '';
  return `<section class="box" data-room="${name}"><h2>${esc(heading)}</h2><ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul></section>`;
}

function clock(name: string, c: { used: number; planned?: number; over: boolean }, withPlan: string, open: string): string {
  const text = c.planned === undefined ? say(open, { used: c.used }) : say(withPlan, { used: c.used, planned: c.planned });
  return `<p class="clock${c.over ? ' late' : ''}" data-room="${name}" data-over="${c.over}">${esc(text)}</p>`;
}

/** The next meeting, once its date or topic is chosen. */
function nextMeeting(next: NonNullable<RoomView['next']>): string {
  const text =
    next.date && next.topic
      ? say('next_meeting', { date: next.date, topic: next.topic })
      : next.date
        ? say('next_date', { date: next.date })
        : say('next_topic', { topic: next.topic! });
  return line('next', text, 'next') + (next.speaker ? line('next-speaker', say('speaker', { speaker: next.speaker }), 'org') : '');
}

/** The body of the page for one view: replaced whole at every update. */
export function roomHtml(view: RoomView): string {
  const out: string[] = [];
  const clocks = view.clock
    ? `<div class="clocks">${clock('section-clock', view.clock.section, 'section_clock', 'section_clock_open')}${clock('meeting-clock', view.clock.meeting, 'meeting_clock', 'meeting_clock_open')}</div>`
    : '';
  const when = view.when ? line('when', view.when.place ? say('place', view.when) : say('time', view.when), 'meta') : '';
  out.push(
    `<header class="top"><div><h1 data-room="circle">${esc(view.circle)}</h1>${line('meeting', say('meeting', { number: view.number, date: view.date }), 'meta')}${when}</div>${clocks}</header>`,
  );
  const sections = view.sections.map((p) => {
    const slot = p.start && p.end ? ` <span class="slot">${esc(say('slot', { start: p.start, end: p.end }))}</span>` : '';
    return `<li class="${p.state}" data-state="${p.state}"${p.state === 'now' ? ' aria-current="step"' : ''}>${esc(p.title)}${slot}</li>`;
  });
  out.push(`<ol class="sections" data-room="sections">${sections.join('')}</ol>`);
  const banner = view.state === 'paused' ? say('paused') : view.state === 'review' ? say('review') : view.state === 'over' ? say('over') : undefined;
  if (banner) out.push(`<p class="banner" role="status" data-room="state" data-state="${view.state}">${esc(banner)}</p>`);

  const stage: string[] = [];
  if (view.state === 'agenda') stage.push(line('welcome', say('welcome', { start: view.when?.start ?? '' }), 'question'));
  if (view.tonight) {
    stage.push(`<p class="label">${esc(say('tonight'))}</p>`, line('tonight', view.tonight.topic, 'topic'));
    if (view.tonight.speaker) stage.push(line('speaker', say('speaker', { speaker: view.tonight.speaker }), 'org'));
  }
  if (view.turn) {
    const turnClock = view.turn.clock
      ? ` <span class="turn-clock${view.turn.clock.over ? ' late' : ''}" data-room="turn-clock" data-over="${view.turn.clock.over}">${esc(view.turn.clock.share === undefined ? say('turn_clock_open', { used: view.turn.clock.used }) : say('turn_clock', { used: view.turn.clock.used, share: view.turn.clock.share }))}</span>`
      : '';
    stage.push(`<p class="label">${esc(say('speaking'))}</p><p class="who"><span data-room="turn">${esc(view.turn.name)}</span>${turnClock}</p>`);
    if (view.turn.organization) stage.push(line('organization', view.turn.organization, 'org'));
  }
  if (view.question) stage.push(line('question', view.question));
  if (view.upNext) stage.push(line('up-next', say('up_next', { name: view.upNext }), 'upnext'));
  if (view.next) stage.push(nextMeeting(view.next));
  out.push(`<section class="stage">${stage.join('')}</section>`);

  const side = [
    list('purpose', say('purpose'), view.purpose),
    list('rules', say('rules'), view.rules),
    list('open', say('open_questions'), view.open),
    list('requests', say('requests'), view.requests),
    list('backlog', say('backlog'), view.backlog),
  ].join('');
  if (side) out.push(`<aside class="side">${side}</aside>`);
  return out.join('\n');
}

/** The whole page: the first view in place, the styles and the script by URL (the Content-Security-Policy allows nothing inline). */
export function roomPage(view: RoomView): string {
  const head = '<meta name="referrer" content="no-referrer">\n<link rel="stylesheet" href="room.css">\n<script src="room.js" defer></script>';
  return htmlPage(say('title', { circle: view.circle }), head, `<main id="room" class="room ${view.state}">\n${roomHtml(view)}\n</main>`);
}

/** Big type for the back of the room: 28 px at least, light on dark (7:1, WCAG AAA), a calm amber when time runs over, nothing that flashes. */
export const ROOM_CSS = `
* { box-sizing: border-box; }
html { font-family: system-ui, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; font-size: max(28px, 1.6vw); line-height: 1.3; background: #101418; color: #f4f4f4; }
body { margin: 0; }
.room { min-height: 100vh; padding: 1rem 1.5rem; display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); grid-template-rows: auto auto auto 1fr; gap: .6rem 2rem; align-content: start; }
.top, .sections, .banner { grid-column: 1 / -1; }
.top { display: flex; justify-content: space-between; align-items: flex-start; gap: 1rem; }
h1 { font-size: 1.6rem; margin: 0; }
h2 { font-size: 1rem; margin: 0 0 .3rem; color: #c9d1d9; font-weight: 600; }
p { margin: 0; }
.meta { font-size: 1rem; color: #c9d1d9; }
.clocks { text-align: right; }
.clock { font-size: 1.2rem; font-variant-numeric: tabular-nums; color: #f4f4f4; }
.clock + .clock { font-size: 1rem; color: #c9d1d9; }
.clock.late, .clock + .clock.late { color: #ffcf70; }
.sections { list-style: none; display: flex; flex-wrap: wrap; gap: .4rem; padding: 0; margin: .2rem 0; font-size: 1rem; }
.sections li { padding: .15rem .6rem; border: 2px solid #59636e; border-radius: .4rem; color: #c9d1d9; }
.sections li.done { color: #b8c0c8; border-style: dashed; }
.sections li.now { background: #f4f4f4; color: #101418; border-color: #f4f4f4; font-weight: 700; }
.slot { font-variant-numeric: tabular-nums; }
.banner { font-size: 1.3rem; font-weight: 700; padding: .3rem .8rem; border: 3px solid #ffcf70; border-radius: .4rem; color: #ffcf70; }
.stage:last-child { grid-column: 1 / -1; }
.stage { display: flex; flex-direction: column; gap: .5rem; }
.label { font-size: 1rem; color: #c9d1d9; }
.who { font-size: 2.2rem; font-weight: 700; }
.turn-clock { font-size: 1.2rem; font-weight: 400; color: #c9d1d9; margin-left: .5rem; font-variant-numeric: tabular-nums; }
.turn-clock.late { color: #ffcf70; }
.org { font-size: 1.2rem; color: #c9d1d9; }
.topic { font-size: 1.4rem; font-weight: 700; }
.question { font-size: 1.8rem; font-weight: 600; max-width: 40ch; }
.upnext { font-size: 1.1rem; color: #c9d1d9; }
.next { font-size: 1.8rem; font-weight: 700; color: #f4f4f4; }
.side { display: flex; flex-direction: column; gap: 1rem; }
.box ul { margin: 0; padding-left: 1.2em; }
.box li { margin: .15rem 0; font-size: 1rem; }
@media (prefers-reduced-motion: no-preference) { .clock, .turn-clock { transition: color 2s ease; } }
`;

/** Follows the meeting: each view replaces the page's body; the browser reconnects by itself, and tries again after the server was away. */
export const ROOM_SCRIPT = `'use strict';
(function () {
  var room = document.getElementById('room');
  function connect() {
    var source = new EventSource('events');
    source.addEventListener('view', function (e) {
      var view = JSON.parse(e.data);
      room.className = 'room ' + view.state;
      room.innerHTML = view.html;
    });
    source.addEventListener('end', function () { source.close(); });
    source.onerror = function () {
      if (source.readyState === EventSource.CLOSED) setTimeout(connect, 2000);
    };
  }
  connect();
})();
`;
