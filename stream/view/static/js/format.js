// How event fields read on the page (shared by the table and the detail panel).
import {direction, h} from './dom.js';

/** "2024-01-16", "2015-09 – 2015-10", with the precision after it. */
export function when(time) {
  if (!time) return h('span', {class: 'muted'}, 'undated');
  const range = time.start === time.end ? time.start : `${time.start} – ${time.end}`;
  return [h('span', {class: 'date'}, range), ' ', h('span', {class: 'precision'}, time.precision)];
}

/** An actor: role, canonical name, and the form written in the article. */
export function actor(a, language) {
  const name = a.name || a.text;
  const written = a.name && a.name !== a.text
    ? [' (', h('bdi', {class: 'written', lang: language, dir: direction(language)}, a.text), ')']
    : [];
  return h('span', {class: `actor role-${a.role}`, title: [a.role, a.title, a.country].filter(Boolean).join(' · ')},
    h('span', {class: 'role'}, a.role), ' ', h('bdi', {class: 'name'}, name), written);
}

export function place(location, language) {
  if (!location) return h('span', {class: 'muted'}, '–');
  const name = location.name || location.text;
  return [h('bdi', {lang: location.name ? 'en' : language}, name),
    location.country ? [' ', h('span', {class: 'code'}, location.country)] : []];
}

export const confidence = (c) => (typeof c === 'number' ? c.toFixed(2) : '–');
