// The nutgraf page: a form that posts to the API and shows the brief beside its source.
//
// Text from articles is only ever put into the page with textContent (never as markup), and the
// page's Content-Security-Policy allows scripts from this origin only. Offsets: the API's `span`
// fields are UTF-8 byte ranges; `Offsets` maps them to the UTF-16 indexes JavaScript strings use.
'use strict';

const $ = (id) => document.getElementById(id);

/** An element with attributes and children (strings become text nodes). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined && v !== null) node.setAttribute(k, v);
  }
  node.append(...children);
  return node;
}

/** Maps UTF-8 byte offsets of `text` to UTF-16 indexes. */
class Offsets {
  constructor(text) {
    this.text = text;
    this.map = new Map([[0, 0]]);
    let bytes = 0;
    let units = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0);
      bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      units += ch.length;
      this.map.set(bytes, units);
    }
  }
  at(byte) {
    const u = this.map.get(byte);
    return u === undefined ? this.text.length : u;
  }
  slice(span) {
    return this.text.slice(this.at(span[0]), this.at(span[1]));
  }
}

/** POSTs JSON; resolves to the parsed body, or throws an Error carrying the API's code. */
async function post(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  let data = null;
  try {
    data = await response.json();
  } catch (_) {
    data = null;
  }
  if (!response.ok) {
    const error = new Error((data && data.message) || `the server answered ${response.status}`);
    error.code = data && data.code;
    error.status = response.status;
    throw error;
  }
  return data;
}

function showError(id, error) {
  const p = $(id);
  p.textContent = error ? `${error.message}${error.code ? ` (${error.code})` : ''}` : '';
  p.hidden = !error;
}

const REASONS = {
  opinion: 'unattributed opinion',
  boilerplate: 'boilerplate',
  redundant: 'repeats a sentence in the brief',
  dependent: 'leans on a sentence that could not come along',
  budget: 'did not fit the length',
};
const BOILERPLATE = {
  editors_note: "editor's note",
  subscribe: 'subscribe or newsletter prompt',
  social: 'social media prompt',
  credit: 'photo or image credit',
  byline: 'byline',
  copyright: 'copyright line',
  link: 'link line',
  title: 'headline',
  heading: 'subhead',
};

function reasonText(o) {
  if (o.reason === 'boilerplate' && o.boilerplate) return `boilerplate: ${BOILERPLATE[o.boilerplate] || o.boilerplate}`;
  return REASONS[o.reason] || o.reason;
}

/** Highlights source sentence `index` and scrolls it into view. */
function highlight(index) {
  for (const node of document.querySelectorAll('#source .hl')) node.classList.remove('hl');
  const target = $(`s-${index}`);
  if (!target) return;
  target.classList.add('hl');
  target.scrollIntoView({ block: 'center' });
  history.replaceState(null, '', `#s-${index}`);
}

/** A link to source sentence `index`. */
function sentenceLink(index, ...children) {
  const a = el('a', { href: `#s-${index}`, 'data-index': String(index) }, ...children);
  a.addEventListener('click', (event) => {
    event.preventDefault();
    highlight(index);
  });
  return a;
}

/** The source text, each sentence a span with its status, loaded words marked. */
function renderSource(off, brief) {
  const chosen = brief.sentences.map((s) => ({ index: s.index, span: s.span, cls: 'chosen', title: 'in the brief' }));
  const omitted = brief.omitted.map((o) => ({
    index: o.index,
    span: o.span,
    cls: o.reason === 'opinion' || o.reason === 'boilerplate' ? o.reason : 'other',
    title: `left out: ${reasonText(o)}`,
  }));
  const all = chosen.concat(omitted).sort((a, b) => a.index - b.index);
  const loaded = new Map();
  for (const w of brief.loaded_words) {
    if (!loaded.has(w.sentence)) loaded.set(w.sentence, []);
    loaded.get(w.sentence).push(w);
  }
  const source = $('source');
  source.replaceChildren();
  let at = 0;
  for (const s of all) {
    if (s.span[0] > at) source.append(off.slice([at, s.span[0]]));
    const node = el('span', { id: `s-${s.index}`, class: `sent ${s.cls}`, title: s.title });
    let inner = s.span[0];
    for (const w of loaded.get(s.index) || []) {
      if (w.span[0] < inner) continue;
      node.append(off.slice([inner, w.span[0]]));
      node.append(el('mark', { class: 'loaded', title: `loaded word (${w.kind}, valence ${w.valence})` }, off.slice(w.span)));
      inner = w.span[1];
    }
    node.append(off.slice([inner, s.span[1]]));
    source.append(node);
    at = s.span[1];
  }
  const end = new TextEncoder().encode(off.text).length;
  if (at < end) source.append(off.slice([at, end]));
}

function renderBrief(brief, text) {
  const off = new Offsets(text);
  $('brief').replaceChildren(
    ...brief.sentences.map((s) =>
      el('li', {}, sentenceLink(s.index, s.text), ' ', el('span', { class: `role ${s.role}` }, s.role)),
    ),
  );
  const st = brief.stats;
  $('stats').textContent =
    `${st.sentences_out} of ${st.sentences_in} sentences, ${st.words_out} of ${st.words_in} words ` +
    `(${Math.round(st.compression * 100)}%), method ${brief.method}.`;
  const shown = brief.omitted.filter((o) => o.reason !== 'budget');
  const forLength = brief.omitted.length - shown.length;
  const items = shown.map((o) =>
    el('li', {}, el('span', { class: `badge ${o.reason}` }, reasonText(o)), ' ', sentenceLink(o.index, o.text)),
  );
  if (forLength > 0) items.push(el('li', { class: 'muted' }, `${forLength} more left out for length.`));
  if (items.length === 0) items.push(el('li', { class: 'muted' }, 'Nothing.'));
  $('omitted').replaceChildren(...items);
  const words = brief.loaded_words.map((w) =>
    el('li', { title: `${w.kind}, valence ${w.valence}: the article's own voice` }, sentenceLink(w.sentence, w.text)),
  );
  $('loaded').replaceChildren(...(words.length ? words : [el('li', { class: 'muted' }, 'None found.')]));
  renderSource(off, brief);
}

function renderExtraction(x) {
  const quotes = x.quotes.slice(0, 8).map((q) =>
    el(
      'li',
      {},
      el('q', {}, q.text),
      ' ',
      el('span', { class: 'speaker' }, q.speaker ? `${q.speaker}${q.role ? `, ${q.role}` : ''}` : 'unattributed'),
      ' ',
      sentenceLink(q.sentence, '\u2192 source'),
    ),
  );
  $('quotes').replaceChildren(...(quotes.length ? quotes : [el('li', { class: 'muted' }, 'No direct quotes.')]));
  const events = x.timeline.map((t) =>
    el('li', {}, el('time', { datetime: t.date }, t.date), ' ', sentenceLink(t.sentence, t.text)),
  );
  $('timeline').replaceChildren(...(events.length ? events : [el('li', { class: 'muted' }, 'No dated events.')]));
  $('dates-note').textContent = x.reference_date ? `Dates without a year are read against ${x.reference_date}.` : '';
}

/** Today's date as YYYY-MM-DD, the reference for dates in articles that give no date of their own. */
function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function briefRequest() {
  const text = $('article').value;
  const url = $('url').value.trim();
  const body = text.trim() ? { text } : { url };
  const [unit, value] = $('length').value.split(':');
  if (unit !== 'default') body[unit] = Number(value);
  if ($('keep-opinion').checked) body.keep_opinion = true;
  return body;
}

async function onSummarize(event) {
  event.preventDefault();
  showError('brief-error', null);
  const button = $('summarize');
  button.disabled = true;
  try {
    const body = briefRequest();
    if (!body.text && !body.url) throw new Error('Paste an article, or give its address.');
    const brief = await post('/v1/summarize', body);
    const text = brief.source ? brief.source.text : body.text;
    renderBrief(brief, text);
    $('result').hidden = false;
    $('quotes').replaceChildren(el('li', { class: 'muted' }, 'Finding quotes ...'));
    $('timeline').replaceChildren();
    try {
      renderExtraction(await post('/v1/extract', { text, date: today() }));
    } catch (error) {
      const note = error.status === 404 ? 'Not available on this server.' : error.message;
      $('quotes').replaceChildren(el('li', { class: 'muted' }, note));
    }
  } catch (error) {
    showError('brief-error', error);
  } finally {
    button.disabled = false;
  }
}

function renderAudit(audit, summary) {
  const off = new Offsets(summary);
  const verdict = audit.supported ? 'Supported' : 'Not supported';
  $('audit-verdict').replaceChildren(
    el('strong', { class: audit.supported ? 'ok' : 'bad' }, verdict),
    ` (score ${audit.score.toFixed(2)}, threshold ${audit.threshold.toFixed(2)})`,
    ...audit.notes.map((n) => el('span', { class: 'note' }, ` Note: ${n}`)),
  );
  const blocks = audit.sentences.map((s) => {
    const line = el('p', { class: 'audited' });
    let at = s.span[0];
    for (const u of s.unsupported) {
      if (u.span[0] < at) continue;
      line.append(off.slice([at, u.span[0]]));
      line.append(el('mark', { class: `unsupported ${u.kind}`, title: `${u.kind}: ${u.why}` }, off.slice(u.span)));
      at = u.span[1];
    }
    line.append(off.slice([at, s.span[1]]));
    const flags = s.unsupported.map((u) =>
      el('li', {}, el('span', { class: 'badge bad' }, u.kind), ' ', el('q', {}, u.text), `: ${u.why}`),
    );
    const evidence = s.evidence[0]
      ? el('p', { class: 'evidence muted' }, `Best evidence (${s.evidence[0].source}): `, el('q', {}, s.evidence[0].text))
      : el('p', { class: 'evidence muted' }, 'No source sentence backs it.');
    return el(
      'div',
      { class: 'audit-sentence' },
      el('span', { class: 'support' }, `support ${s.support.toFixed(2)}`),
      line,
      el('ul', { class: 'plain' }, ...flags),
      evidence,
    );
  });
  $('audit-sentences').replaceChildren(...blocks);
}

async function onAudit(event) {
  event.preventDefault();
  showError('audit-error', null);
  const button = $('audit');
  button.disabled = true;
  try {
    const summary = $('audit-summary').value;
    const audit = await post('/v1/audit', { source: $('audit-source').value, summary });
    renderAudit(audit, summary);
    $('audit-result').hidden = false;
  } catch (error) {
    showError('audit-error', error);
  } finally {
    button.disabled = false;
  }
}

function selectTab(name) {
  for (const tab of ['brief', 'audit']) {
    $(`tab-${tab}`).setAttribute('aria-selected', String(tab === name));
    $(`panel-${tab}`).hidden = tab !== name;
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('brief-form').addEventListener('submit', onSummarize);
  $('audit-form').addEventListener('submit', onAudit);
  $('tab-brief').addEventListener('click', () => selectTab('brief'));
  $('tab-audit').addEventListener('click', () => {
    selectTab('audit');
    if (!$('audit-source').value && $('article').value) $('audit-source').value = $('article').value;
  });
});
