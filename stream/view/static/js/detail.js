// The detail panel: every field of one event, and its evidence sentences with
// each role's span marked. Spans are found by the surface form the event
// carries (actor.text, location.text, time.text, item.text), as plain text.
import {direction, h} from './dom.js';
import {confidence, when} from './format.js';

/** Non-overlapping [start, end, mark] ranges of each needle in ``text``, longest first. */
export function ranges(text, marks) {
  const found = [];
  const free = (a, b) => found.every(([s, e]) => b <= s || a >= e);
  for (const mark of [...marks].sort((x, y) => y.needle.length - x.needle.length)) {
    if (!mark.needle) continue;
    for (let i = text.indexOf(mark.needle); i !== -1; i = text.indexOf(mark.needle, i + 1)) {
      const end = i + mark.needle.length;
      if (free(i, end)) found.push([i, end, mark]);
    }
  }
  return found.sort((x, y) => x[0] - y[0]);
}

function highlighted(text, marks) {
  const parts = [];
  let at = 0;
  for (const [start, end, mark] of ranges(text, marks)) {
    parts.push(text.slice(at, start), h('mark', {class: mark.cls, title: mark.label}, text.slice(start, end)));
    at = end;
  }
  parts.push(text.slice(at));
  return parts;
}

function marksOf(event) {
  const marks = event.actors.map((a) => ({needle: a.text, cls: `role-${a.role}`, label: a.role}));
  if (event.location) marks.push({needle: event.location.text, cls: 'role-place', label: 'place'});
  if (event.time) marks.push({needle: event.time.text, cls: 'role-time', label: 'time'});
  for (const item of event.items || []) marks.push({needle: item.text, cls: 'role-item', label: item.category});
  return marks;
}

const field = (label, ...value) => [h('dt', null, label), h('dd', null, ...value)];

export function render(panel, event, {onClose, onArticle}) {
  const lang = event.language;
  const dir = direction(lang);
  const marks = marksOf(event);
  const actors = event.actors.map((a) => h('li', {class: `role-${a.role}`},
    h('span', {class: 'role'}, a.role), ' ', h('bdi', {class: 'name'}, a.name || a.text),
    ' · written ', h('bdi', {class: 'written', lang, dir}, a.text),
    a.title ? [' · ', h('bdi', null, a.title)] : null,
    a.country ? [' · ', h('span', {class: 'code'}, a.country)] : null,
    ' · ', h('span', {class: 'muted'}, a.kind)));
  const items = (event.items || []).map((i) => h('li', null, h('bdi', {lang, dir}, i.text),
    ` · ${i.category}`, i.quantity != null ? ` · ${i.quantity}` : null));
  panel.replaceChildren(
    h('button', {type: 'button', class: 'close', 'aria-label': 'Close', onclick: onClose}, '×'),
    h('h2', null, h('span', {class: `type t-${event.type}`}, event.type), ' ', event.status,
      h('span', {class: 'muted'}, ` · confidence ${confidence(event.confidence)}`)),
    h('dl', null,
      field('Actors', actors.length ? h('ul', {class: 'actor-list'}, actors) : '–'),
      field('Place', event.location
        ? [h('bdi', null, event.location.name || event.location.text), ' · written ',
          h('bdi', {lang, dir}, event.location.text),
          event.location.country ? [' · ', h('span', {class: 'code'}, event.location.country)] : null]
        : '–'),
      field('Date', when(event.time), event.time ? [' · written ', h('bdi', {lang, dir}, event.time.text)] : null),
      items.length ? field('Items', h('ul', null, items)) : null,
      field('Article', h('bdi', null, event.article_id), ` · language ${lang} · `,
        h('button', {type: 'button', class: 'link', onclick: () => onArticle(event.article_id)}, 'all its events')),
      field('Event', h('code', null, event.event_id)),
      field('Extractor', `${event.extractor.name} ${event.extractor.version}`,
        event.extractor.model ? ` (${event.extractor.model})` : null)),
    h('h3', null, 'Evidence'),
    h('p', {class: 'legend'}, 'Marked: ', [...new Set(marks.map((m) => m.label))]
      .map((label) => h('mark', {class: marks.find((m) => m.label === label).cls}, label))),
    ...event.evidence.map((e) => h('blockquote', {class: 'evidence', lang, dir},
      highlighted(e.text, marks),
      h('span', {class: 'offsets', dir: 'ltr'}, ` [${e.start}–${e.end}]`))),
    h('details', null, h('summary', null, 'JSON'), h('pre', {dir: 'ltr'}, JSON.stringify(event, null, 2))));
  panel.hidden = false;
}
