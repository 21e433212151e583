// Clusters, when the clusters topic exists: each key (cluster_id) with its
// latest value shown as the JSON it is. Nothing about its fields is assumed.
import * as api from './api.js';
import {count, h} from './dom.js';

export async function refresh(section, status) {
  if (!status.clusters || status.clusters.state !== 'reading') {
    section.hidden = true;
    return;
  }
  const body = await api.clusters();
  section.hidden = false;
  section.querySelector('#clusters-count').textContent =
    `(${count(body.total)} from topic ${status.clusters.topic}${body.total > body.clusters.length ? `, latest ${body.clusters.length} shown` : ''})`;
  section.querySelector('#clusters-list').replaceChildren(...body.clusters.map((c) =>
    h('details', {class: 'cluster'}, h('summary', null, h('bdi', null, c.cluster_id)),
      h('pre', {dir: 'ltr'}, JSON.stringify(c.value, null, 2)))));
}
