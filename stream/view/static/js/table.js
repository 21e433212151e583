// The events table: one page of rows from /api/events (never all rows: the
// server pages and filters, so 100,000 events cost the browser 50 rows).
import {direction, h} from './dom.js';
import {actor, confidence, place, when} from './format.js';

let shown = new Set();

function row(event, fresh, onOpen) {
  const open = () => onOpen(event.event_id);
  const lang = event.language;
  return h('tr', {
    class: fresh ? 'fresh' : null, tabindex: 0, 'data-event-id': event.event_id,
    'data-type': event.type, 'data-status': event.status, 'data-language': lang,
    onclick: open, onkeydown: (e) => { if (e.key === 'Enter') open(); },
  },
  h('td', {class: `type t-${event.type}`}, event.type),
  h('td', {class: `status s-${event.status}`}, event.status),
  h('td', {class: 'actors'}, event.actors.map((a) => actor(a, lang))),
  h('td', {class: 'place'}, place(event.location, lang)),
  h('td', {class: 'when'}, when(event.time)),
  h('td', {class: 'lang'}, lang),
  h('td', {class: 'num'}, confidence(event.confidence)),
  h('td', {class: 'article'}, h('bdi', {dir: direction(lang) === 'rtl' ? 'auto' : null}, event.article_id)));
}

/** Replace the body with ``events``; rows not on the previous render are marked fresh. */
export function render(tbody, events, onOpen, {markFresh}) {
  const ids = new Set(events.map((e) => e.event_id));
  tbody.replaceChildren(...events.map((e) => row(e, markFresh && !shown.has(e.event_id), onOpen)));
  if (!events.length) tbody.append(h('tr', {class: 'empty'}, h('td', {colspan: 8}, 'No events match.')));
  shown = ids;
}
