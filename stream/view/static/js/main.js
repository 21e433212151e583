// The page: filters ⇄ URL, one refresh that asks the API for a page of events
// and the matching counts, and a live stream that marks the page stale. Heavy
// work (filtering, counting, paging 100,000 events) is the server's; the page
// holds one page of rows and the aggregates.
import * as api from './api.js';
import * as clusters from './clusters.js';
import * as detail from './detail.js';
import {count, h} from './dom.js';
import {createMap} from './map.js';
import * as table from './table.js';
import * as timeline from './timeline.js';

const PAGE = 50;
const REFRESH_MS = 1000; // at most one refresh a second, however fast events arrive
const $ = (id) => document.getElementById(id);
const form = $('filters');
const state = {filters: {}, offset: 0, sort: 'received', until: '', selected: ''};
let map = null;
let stale = false;
let busy = false;
let source = null;
let newer = 0;

function readUrl() {
  const query = new URLSearchParams(location.search);
  for (const name of api.FILTERS) state.filters[name] = query.get(name) || '';
  state.sort = query.get('sort') || 'received';
  state.selected = query.get('event') || '';
}

function writeUrl() {
  const query = api.params(state.filters, {sort: state.sort === 'received' ? '' : state.sort, event: state.selected});
  history.replaceState(null, '', `${location.pathname}${query.size ? `?${query}` : ''}`);
}

function ensureOption(select, value, label = value) {
  if (value && ![...select.options].some((o) => o.value === value)) select.append(h('option', {value}, label));
}

function syncForm() {
  for (const name of api.FILTERS) {
    const input = form.elements[name];
    if (input.tagName === 'SELECT') ensureOption(input, state.filters[name]);
    input.value = state.filters[name];
  }
  $('sort').value = state.sort;
}

function options(select, counts, current) {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  select.replaceChildren(h('option', {value: ''}, 'all'),
    ...entries.map(([value, n]) => h('option', {value}, `${value} (${count(n)})`)));
  ensureOption(select, current);
  select.value = current;
}

function changed() {
  state.offset = 0;
  state.until = '';
  newer = 0;
  writeUrl();
  connect();
  refresh();
}

function setFilter(name, value, {toggle = true} = {}) {
  state.filters[name] = toggle && state.filters[name] === value ? '' : value; // a second click clears it
  syncForm();
  changed();
}

function statusLine(status) {
  const e = status.events;
  const parts = [`${count(e.held)} events held (at most ${count(e.cap)}; oldest dropped: ${count(e.dropped)})`];
  if (e.skipped) parts.push(`${count(e.skipped)} messages skipped: not v1 events`);
  if (e.state !== 'reading') parts.push(`${e.state}: ${e.topic}`);
  $('status').textContent = parts.join(' · ');
  $('status').classList.remove('error');
}

async function refresh() {
  if (busy) { stale = true; return; }
  busy = true;
  stale = false;
  try {
    const page = {offset: state.offset, limit: PAGE, sort: state.sort, until_seq: state.until};
    const filtered = api.FILTERS.some((name) => state.filters[name]);
    const [events, stats, status, all] = await Promise.all([
      api.events(state.filters, page), api.stats(state.filters), api.status(),
      filtered ? api.stats({}) : null]);
    render(events, stats, all || stats, status);
  } catch (error) {
    $('status').textContent = `error: ${error.message}`;
    $('status').classList.add('error');
  } finally {
    busy = false;
  }
}

function render(events, stats, all, status) {
  statusLine(status);
  options(form.elements.language, all.by_language, state.filters.language);
  options(form.elements.country, all.by_country, state.filters.country);
  table.render($('events').tBodies[0], events.events, openEvent, {markFresh: state.offset === 0});
  const last = Math.min(events.total, events.offset + events.events.length);
  $('count').textContent = `Events: ${count(events.total)} match`;
  $('range').textContent = events.total ? `${count(events.offset + 1)}–${count(last)} of ${count(events.total)}` : '';
  $('prev').disabled = state.offset === 0;
  $('next').disabled = last >= events.total;
  if (state.offset === 0) state.seq = events.seq;
  $('newer').hidden = !(state.offset > 0 && newer > 0);
  if (map) {
    const unmapped = map.update(stats);
    $('unmapped').textContent = unmapped.length
      ? `Not on the map: ${unmapped.map((c) => `${c} (${count(stats.by_country[c])})`).join(', ')}` : '';
  }
  timeline.draw($('timeline'), stats, (from, to) => { state.filters.from = from; state.filters.to = to; syncForm(); changed(); });
  $('undated').textContent = stats.undated ? `${count(stats.undated)} undated events are not on the timeline.` : '';
  clusters.refresh($('clusters'), status).catch(() => {});
}

async function openEvent(id) {
  state.selected = id;
  writeUrl();
  const panel = $('detail');
  try {
    detail.render(panel, await api.event(id), {onClose: closeEvent, onArticle: (article) => setFilter('article_id', article, {toggle: false})});
  } catch (error) {
    panel.replaceChildren(h('p', {class: 'error'}, error.message));
    panel.hidden = false;
  }
}

function closeEvent() {
  state.selected = '';
  $('detail').hidden = true;
  writeUrl();
}

function connect() {
  if (source) source.close();
  source = new EventSource(api.streamUrl(state.filters));
  const live = $('live');
  const mark = () => { stale = true; if (state.offset > 0) newer += 1; };
  source.addEventListener('ready', () => { live.textContent = 'live'; live.className = 'live on'; stale = true; });
  source.addEventListener('event', mark);
  source.addEventListener('gap', mark);
  source.addEventListener('error', () => { live.textContent = 'reconnecting…'; live.className = 'live off'; });
}

function wire() {
  form.addEventListener('change', (e) => {
    if (e.target.name === 'q') return;
    state.filters[e.target.name] = e.target.value;
    changed();
  });
  let typing = null;
  form.elements.q.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => { state.filters.q = form.elements.q.value.trim(); changed(); }, 300);
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('reset', () => setTimeout(() => {
    for (const name of api.FILTERS) state.filters[name] = '';
    syncForm();
    changed();
  }));
  $('sort').addEventListener('change', (e) => { state.sort = e.target.value; changed(); });
  $('prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE); if (!state.offset) state.until = ''; refresh(); });
  $('next').addEventListener('click', () => {
    // Pin the listing to what had arrived when paging began: live events must not shift pages.
    if (!state.offset) state.until = String(state.seq || '');
    state.offset += PAGE;
    refresh();
  });
  $('to-newest').addEventListener('click', () => { changed(); });
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') closeEvent(); });
  setInterval(() => { if (stale) refresh(); }, REFRESH_MS);
}

async function start() {
  readUrl();
  syncForm();
  wire();
  connect();
  const drawn = createMap($('map'), (iso3) => setFilter('country', iso3))
    .then((m) => { map = m; stale = true; })
    .catch((error) => { $('unmapped').textContent = `map unavailable: ${error.message}`; });
  await refresh();
  if (state.selected) openEvent(state.selected);
  await drawn;
}

start();
