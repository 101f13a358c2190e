// The page of `newsgraph serve`: search an entity, draw its neighbourhood
// (/api/neighbourhood) with Cytoscape.js, filter it, read the sentences
// behind an edge (/api/evidence), expand a node, list a person's events
// (/api/ask/timeline). Text from the store goes in with textContent only.
'use strict';

const TYPES = ['MET', 'SPOKE_WITH', 'PARTICIPATED_IN', 'HOLDS_ROLE', 'MEMBER_OF', 'HELD_AT'];
const DEFAULT_TYPES = ['MET', 'SPOKE_WITH'];
const FACTUALITIES = ['happened', 'planned', 'possible', 'cancelled', 'denied'];
const $ = (id) => document.getElementById(id);
let current = null;  // the entity whose neighbourhood is drawn

function checkboxes(fieldset, values, checked) {
  for (const v of values) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = v;
    box.checked = checked.includes(v);
    box.addEventListener('change', () => current && show(current));
    label.append(box, ' ' + v);
    fieldset.append(label);
  }
}

function checked(fieldset) {
  return [...fieldset.querySelectorAll('input:checked')].map((b) => b.value);
}

function setStatus(text) { $('status').textContent = text; }

async function getJson(url) {
  const res = await fetch(url);
  const body = await res.json();
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}

function neighbourhoodUrl(entity, k) {
  const q = new URLSearchParams({ entity, k: String(k) });
  const types = checked($('types'));
  const facts = checked($('factualities'));
  if (types.length) q.set('types', types.join(','));
  q.set('factuality', facts.length ? facts.join(',') : 'null');
  q.set('from', $('from-year').value + '-01-01');
  q.set('to', $('to-year').value + '-12-31');
  return '/api/neighbourhood?' + q;
}

const cy = cytoscape({
  container: $('cy'),
  maxZoom: 1.2,  // a small graph fitted to the pane would otherwise draw giant labels
  style: [
    { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'background-color': '#6a8caf',
                                 'text-valign': 'bottom', 'text-margin-y': 4 } },
    { selector: 'node.center', style: { 'background-color': '#c0392b', width: 40, height: 40 } },
    { selector: 'node[kind = "Event"]', style: { shape: 'diamond', 'background-color': '#b9a36a' } },
    { selector: 'edge', style: { label: 'data(label)', 'font-size': 9, width: 3, 'curve-style': 'bezier',
                                 'line-color': '#999', 'target-arrow-shape': 'triangle',
                                 'target-arrow-color': '#999', 'text-rotation': 'autorotate' } },
    { selector: 'edge:selected', style: { 'line-color': '#e67e22', 'target-arrow-color': '#e67e22' } },
  ],
});
window.cy = cy;  // for the browser test and for a person at the console

function elementsOf(graph) {
  const out = [];
  for (const n of graph.nodes) {
    out.push({ group: 'nodes', data: { id: 'n' + n.id, label: n.name, kind: n.labels[0] || '' } });
  }
  for (const e of graph.edges) {
    const p = e.properties || {};
    out.push({ group: 'edges', data: {
      id: 'e' + e.id, source: 'n' + e.source, target: 'n' + e.target,
      label: e.type + (p.date ? ' ' + p.date : ''), type: e.type,
      eventId: p.event_id, evidence: e.evidence || [] } });
  }
  return out;
}

function addGraph(graph) {
  const fresh = elementsOf(graph).filter((el) => cy.getElementById(el.data.id).empty());
  cy.add(fresh);
  cy.layout({ name: 'cose', animate: false, padding: 40, nodeRepulsion: () => 400000,
              idealEdgeLength: () => 160, nodeDimensionsIncludeLabels: true }).run();
}

async function show(entity) {
  current = entity;
  setStatus('loading ' + entity + ' …');
  try {
    const graph = await getJson(neighbourhoodUrl(entity, $('k').value));
    cy.elements().remove();
    addGraph(graph);
    if (graph.center !== null) cy.getElementById('n' + graph.center).addClass('center');
    setStatus(graph.edges.length ? '' : 'no relations in this window');
    $('evidence').replaceChildren();
    timeline(entity);
  } catch (err) {
    setStatus(err.message);
  }
}

function sentenceBlock(ev) {
  const div = document.createElement('div');
  div.className = 'sentence';
  const art = document.createElement('div');
  art.className = 'article';
  art.textContent = 'article ' + ev.article_id + ' · evidence ' + ev.evidence_id;
  const text = document.createElement('div');
  text.textContent = ev.sentence;
  div.append(text, art);
  return div;
}

async function showEvidence(edge) {
  const box = $('evidence');
  const title = document.createElement('p');
  title.textContent = edge.source().data('label') + ' — ' + edge.data('label') + ' — ' +
                      edge.target().data('label');
  let items = edge.data('evidence');
  if (edge.data('eventId') !== undefined) {
    try {
      const event = await getJson('/api/evidence/' + edge.data('eventId'));
      title.textContent += ' (' + event.type + ', ' + event.factuality + ')';
      items = event.evidence;
    } catch (err) {
      setStatus(err.message);
    }
  }
  box.replaceChildren(title, ...items.map(sentenceBlock));
}

async function expand(node) {
  try {
    const graph = await getJson(neighbourhoodUrl(node.data('label'), 1));
    addGraph(graph);
  } catch (err) {
    setStatus(err.message);
  }
}

async function timeline(entity) {
  const list = $('timeline');
  list.replaceChildren();
  $('timeline-of').textContent = '— ' + entity;
  try {
    const rows = await getJson('/api/ask/timeline?' + new URLSearchParams({ entity }));
    for (const r of rows) {
      const li = document.createElement('li');
      const others = (r.with || []).join(', ');
      li.textContent = `${r.date} ${r.type}${r.mode ? ' (' + r.mode + ')' : ''}` +
                       `${r.place ? ' in ' + r.place : ''}${others ? ' with ' + others : ''}` +
                       ` [${r.factuality}]`;
      list.append(li);
    }
  } catch (err) {
    list.replaceChildren(Object.assign(document.createElement('li'), { textContent: err.message }));
  }
}

async function search(event) {
  event.preventDefault();
  const q = $('search').value.trim();
  if (!q) return;
  try {
    const found = await getJson('/api/search?' + new URLSearchParams({ q }));
    if (found.match) return show(found.match);
    setStatus(found.suggestions.length ? 'did you mean: ' + found.suggestions.join(', ')
                                       : 'nothing named ' + q);
  } catch (err) {
    setStatus(err.message);
  }
}

checkboxes($('types'), TYPES, DEFAULT_TYPES);
checkboxes($('factualities'), FACTUALITIES, ['happened']);
for (const id of ['from-year', 'to-year']) {
  $(id).addEventListener('input', () => { $(id.replace('year', 'label')).textContent = $(id).value; });
  $(id).addEventListener('change', () => current && show(current));
}
$('k').addEventListener('change', () => current && show(current));
$('search-form').addEventListener('submit', search);
cy.on('tap', 'edge', (e) => showEvidence(e.target));
cy.on('tap', 'node', (e) => expand(e.target));
