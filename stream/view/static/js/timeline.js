// The timeline: events dated to the day as bars stacked by type; events dated
// only to a month or a year as bands under them (their day is unknown, so a bar
// would claim a precision the date does not have). Counts come from /api/stats.
// Stretches of time with no event (a stray "July 2000" among 2024 news) are cut
// out of the axis and drawn as a break, so one outlier cannot squeeze the rest.
import {count, s} from './dom.js';

const TYPES = ['MEETING', 'VISIT', 'ARMS_TRANSFER'];
const WIDTH = 960;
const LEFT = 40;
const RIGHT = 10;
const BARS_TOP = 8;
const BARS_BOTTOM = 118;
const BANDS_TOP = 124;
const BAND_HEIGHT = 14;
const DAY = 86400000;
const MAX_BINS = 240;
const BREAK_PX = 18;
const BREAK_SHARE = 0.1; // an empty stretch over this share of the whole range is cut

const day = (iso) => Date.UTC(+iso.slice(0, 4), +(iso.slice(5, 7) || 1) - 1, +(iso.slice(8, 10) || 1));
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const total = (types) => TYPES.reduce((sum, t) => sum + (types[t] || 0), 0);

function periodEnd(start) { // the day after a YYYY-MM or YYYY period
  const d = new Date(day(start));
  if (start.length === 4) d.setUTCFullYear(d.getUTCFullYear() + 1);
  else d.setUTCMonth(d.getUTCMonth() + 1);
  return d.getTime();
}

/** Occupied stretches [a, b) of time, merged across gaps too short to cut. */
function segments(spans) {
  spans.sort((x, y) => x[0] - y[0]);
  const range = spans.reduce((m, [, b]) => Math.max(m, b), 0) - spans[0][0];
  const merged = [];
  for (const [a, b] of spans) {
    const last = merged[merged.length - 1];
    if (last && a - last[1] <= BREAK_SHARE * range) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/** A piecewise-linear scale over the segments, with a break between each two. */
function scale(segs) {
  const length = segs.reduce((sum, [a, b]) => sum + (b - a), 0);
  const room = WIDTH - LEFT - RIGHT - BREAK_PX * (segs.length - 1);
  let at = LEFT;
  const placed = segs.map(([a, b]) => {
    const width = (room * (b - a)) / length;
    const seg = {a, b, x0: at, width};
    at += width + BREAK_PX;
    return seg;
  });
  const x = (ms) => {
    const seg = placed.find((p) => ms <= p.b) || placed[placed.length - 1];
    return seg.x0 + (seg.width * (Math.min(Math.max(ms, seg.a), seg.b) - seg.a)) / (seg.b - seg.a);
  };
  return {x, placed, length};
}

function label(span) {
  return span > 2 * 365 * DAY ? (ms) => iso(ms).slice(0, 4) : span > 60 * DAY ? (ms) => iso(ms).slice(0, 7) : iso;
}

function axis({placed}) {
  const marks = [];
  const y = BANDS_TOP + BAND_HEIGHT + 16;
  for (const [i, seg] of placed.entries()) {
    const span = seg.b - seg.a;
    const n = Math.floor(seg.width / 160); // labels need room: a narrow segment gets one
    if (n === 0) {
      const text = span > 366 * DAY ? iso(seg.a).slice(0, 4) : iso(seg.a).slice(0, 7);
      marks.push(s('text', {x: (seg.x0 + seg.width / 2).toFixed(1), y, 'text-anchor': 'middle', class: 'tick'}, text));
    }
    const text = label(span);
    for (let k = 0; n > 0 && k <= n; k++) {
      const ms = seg.a + ((span - (k === n ? DAY : 0)) * k) / n;
      const anchor = k === 0 ? 'start' : k === n ? 'end' : 'middle';
      marks.push(s('text', {x: (seg.x0 + (seg.width * k) / n).toFixed(1), y, 'text-anchor': anchor, class: 'tick'}, text(ms)));
    }
    if (i > 0) {
      const bx = seg.x0 - BREAK_PX / 2;
      marks.push(s('text', {x: bx.toFixed(1), y: BARS_BOTTOM + 4, 'text-anchor': 'middle', class: 'break'}, '≈'));
    }
  }
  return marks;
}

function bars(days, {x, placed, length}) {
  // Many days to draw: one bar per bin of several days, at most MAX_BINS bars.
  const binDays = Math.max(1, Math.ceil(length / DAY / MAX_BINS));
  const bins = new Map();
  for (const [ms, types] of days) {
    const seg = placed.find((p) => ms < p.b);
    const start = seg.a + Math.floor((ms - seg.a) / DAY / binDays) * binDays * DAY;
    const bin = bins.get(start) || {};
    for (const t of TYPES) bin[t] = (bin[t] || 0) + (types[t] || 0);
    bins.set(start, bin);
  }
  const maxBin = [...bins.values()].reduce((m, bin) => Math.max(m, total(bin)), 1);
  const height = (n) => ((BARS_BOTTOM - BARS_TOP) * n) / maxBin;
  const drawn = [];
  for (const [start, bin] of bins) {
    const end = start + binDays * DAY;
    const width = Math.max(1, x(end) - x(start) - 0.5);
    const label = binDays === 1 ? iso(start) : `${iso(start)} – ${iso(end - DAY)}`;
    let top = BARS_BOTTOM;
    for (const t of TYPES.filter((type) => bin[type])) {
      top -= height(bin[t]);
      drawn.push(s('rect', {class: `bar t-${t}`, x: x(start).toFixed(1), y: top.toFixed(1), width: width.toFixed(1),
        height: height(bin[t]).toFixed(2), 'data-from': iso(start), 'data-to': iso(end - DAY)},
      s('title', null, `${label}: ${count(bin[t])} ${t}`)));
    }
  }
  return {drawn, maxBin};
}

function bands(periods, {x}) {
  const maxBand = periods.reduce((m, [, , , types]) => Math.max(m, total(types)), 1);
  return periods.map(([a, b, start, types]) => {
    const n = total(types);
    return s('rect', {class: 'band', x: x(a).toFixed(1), y: BANDS_TOP, height: BAND_HEIGHT,
      width: Math.max(1, x(b) - x(a) - 0.5).toFixed(1), 'fill-opacity': (0.25 + (0.75 * n) / maxBand).toFixed(2),
      'data-from': iso(a), 'data-to': iso(b - DAY)},
    s('title', null, `${start} (${start.length === 4 ? 'year' : 'month'}): ${count(n)} events`));
  });
}

/** Draw ``stats`` into ``svg``; a click on a bar or band calls onRange(from, to). */
export function draw(svg, stats, onRange) {
  const days = Object.entries(stats.by_day).map(([d, types]) => [day(d), types]);
  const periods = [...Object.entries(stats.by_month), ...Object.entries(stats.by_year)]
    .map(([start, types]) => [day(start), periodEnd(start), start, types]);
  const spans = [...days.map(([ms]) => [ms, ms + DAY]), ...periods.map(([a, b]) => [a, b])];
  if (!spans.length) {
    svg.replaceChildren(s('text', {x: WIDTH / 2, y: 80, 'text-anchor': 'middle', class: 'muted'}, 'No dated events'));
    return;
  }
  const sc = scale(segments(spans));
  const {drawn, maxBin} = bars(days, sc);
  svg.replaceChildren(
    s('line', {class: 'axis', x1: LEFT, x2: WIDTH - RIGHT, y1: BARS_BOTTOM, y2: BARS_BOTTOM}),
    s('text', {x: LEFT - 4, y: BARS_TOP + 8, 'text-anchor': 'end', class: 'tick'}, count(maxBin)),
    s('text', {x: LEFT - 4, y: BARS_BOTTOM, 'text-anchor': 'end', class: 'tick'}, '0'),
    ...drawn, ...bands(periods, sc), ...axis(sc));
  svg.onclick = (e) => {
    const target = e.target.closest('[data-from]');
    if (target) onRange(target.getAttribute('data-from'), target.getAttribute('data-to'));
  };
}
