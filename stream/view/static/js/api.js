// The JSON API (documented in the README): one function per endpoint.

export const FILTERS = ['type', 'status', 'language', 'country', 'from', 'to', 'q', 'article_id'];

/** URLSearchParams of the non-empty filters (and any extra pairs). */
export function params(filters, extra = {}) {
  const query = new URLSearchParams();
  for (const name of FILTERS) if (filters[name]) query.set(name, filters[name]);
  for (const [name, value] of Object.entries(extra)) if (value !== '' && value != null) query.set(name, value);
  return query;
}

async function get(path) {
  const response = await fetch(path, {headers: {Accept: 'application/json'}});
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || `${path}: HTTP ${response.status}`);
  return body;
}

export const events = (filters, page) => get(`/api/events?${params(filters, page)}`);
export const stats = (filters) => get(`/api/stats?${params(filters)}`);
export const event = (id) => get(`/api/events/${encodeURIComponent(id)}`);
export const status = () => get('/api/status');
export const clusters = () => get('/api/clusters?limit=100');
export const json = (path) => get(path);
export const streamUrl = (filters) => `/api/stream?${params(filters)}`;
