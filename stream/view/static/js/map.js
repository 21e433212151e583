// The map: bundled Natural Earth outlines (world-atlas, 1:50m), no tiles. A
// country is shaded by the events placed in it; a dot at its centre grows with
// the events one of its nationals takes part in. world-atlas ids are ISO 3166-1
// numeric codes; events carry alpha-3 (iso-numeric.json maps one to the other).
import * as api from './api.js';
import {count, s} from './dom.js';

const WIDTH = 960;
const HEIGHT = 470;
const SHADES = 5;

/** The centre of a country's largest polygon (France without Guiana, USA without Alaska). */
function centre(feature, path) {
  const geometry = feature.geometry;
  if (geometry.type !== 'MultiPolygon') return path.centroid(feature);
  let best = null;
  let area = -1;
  for (const coordinates of geometry.coordinates) {
    const part = {type: 'Polygon', coordinates};
    const a = d3.geoArea(part);
    if (a > area) { area = a; best = part; }
  }
  return path.centroid(best);
}

function shade(n, max) {
  if (!n) return 0;
  return Math.max(1, Math.ceil((SHADES * Math.log1p(n)) / Math.log1p(max)));
}

export async function createMap(svg, onCountry) {
  const [world, numeric] = await Promise.all([
    api.json('/static/vendor/world-atlas/countries-50m.json'), api.json('/static/iso-numeric.json')]);
  const projection = d3.geoEqualEarth().fitExtent([[4, 4], [WIDTH - 4, HEIGHT - 4]], {type: 'Sphere'});
  const path = d3.geoPath(projection);
  const countries = new Map(); // alpha-3 → {shape, title, centre}
  const shapes = s('g', {class: 'countries'});
  for (const feature of topojson.feature(world, world.objects.countries).features) {
    const iso3 = numeric[feature.id] || '';
    const title = s('title', null, feature.properties.name);
    const shape = s('path', {d: path(feature), class: 'country', 'data-iso3': iso3}, title);
    if (iso3) {
      shape.addEventListener('click', () => onCountry(iso3));
      countries.set(iso3, {shape, title, name: feature.properties.name, centre: centre(feature, path)});
    }
    shapes.append(shape);
  }
  const dots = s('g', {class: 'actor-dots'});
  svg.replaceChildren(s('path', {class: 'sphere', d: path({type: 'Sphere'})}), shapes, dots);

  /** Redraw the shading and dots from /api/stats counts; returns the codes not on the map. */
  function update(stats) {
    const places = stats.by_place_country;
    const actors = stats.by_actor_country;
    const maxPlace = Math.max(1, ...Object.values(places));
    const maxActor = Math.max(1, ...Object.values(actors));
    for (const [iso3, c] of countries) {
      const p = places[iso3] || 0;
      const a = actors[iso3] || 0;
      c.shape.setAttribute('class', `country shade-${shade(p, maxPlace)}${p || a ? ' marked' : ''}`);
      c.shape.setAttribute('data-place', p);
      c.shape.setAttribute('data-actors', a);
      c.title.textContent = `${c.name} (${iso3}): ${count(p)} events here, ${count(a)} with an actor from it`;
    }
    dots.replaceChildren(...Object.entries(actors).filter(([iso3]) => countries.has(iso3))
      .sort((x, y) => y[1] - x[1])
      .map(([iso3, n]) => {
        const [x, y] = countries.get(iso3).centre;
        const dot = s('circle', {class: 'actor-dot', cx: x.toFixed(1), cy: y.toFixed(1),
          r: (2.5 + 9 * Math.sqrt(n / maxActor)).toFixed(1), 'data-iso3': iso3},
        s('title', null, `${countries.get(iso3).name}: ${count(n)} events with an actor from it`));
        dot.addEventListener('click', () => onCountry(iso3));
        return dot;
      }));
    return Object.keys(stats.by_country).filter((iso3) => !countries.has(iso3));
  }
  return {update};
}
