// Building DOM without HTML strings: every text is a Text node (or textContent),
// never markup, so an event's text cannot become an element. The page's CSP
// enforces Trusted Types with no policy: innerHTML and friends would throw.

const SVG_NS = 'http://www.w3.org/2000/svg';

function apply(el, props) {
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.setAttribute('class', value);
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** An HTML element: h('td', {class: 'x'}, 'text', otherNode). */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  apply(el, props);
  return append(el, children);
}

/** An SVG element, the same way. */
export function s(tag, props, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  apply(el, props);
  return append(el, children);
}

/** Right-to-left scripts: the page sets dir/lang from the event's language. */
const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'yi', 'dv']);
export const direction = (language) => (RTL.has((language || '').split('-')[0]) ? 'rtl' : 'auto');

/** Thousands separators, whatever the browser's locale. */
export const count = (n) => Number(n || 0).toLocaleString('en-US');
