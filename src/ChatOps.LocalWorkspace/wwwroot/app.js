// The local workspace: draws the channel as Slack would and turns what you do into requests that the server
// signs and sends to the bot. No build step; the server is the only source of state (long-polled).
'use strict';

const ui = { data: null, user: null, thread: null, viewKey: null, drills: [], follow: null };
const $ = (id) => document.getElementById(id);

const esc = (s) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const decode = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const userName = (id) => ui.data?.users.find((u) => u.id === id)?.name ?? id;

// What the server refused (e.g. a page opened at an address that is not one of LocalWorkspace:Origins) is shown, not swallowed.
function problem(text) {
  const box = $('problem');
  box.textContent = text ?? '';
  box.hidden = !text;
}

async function post(path, body) {
  const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) { problem(await response.text()); return null; }
  problem(null);
  return response.json();
}

// Slack markup <...>: user mentions, special mentions (shown as pings, which the bot must never produce), links.
function token(inner) {
  if (inner.startsWith('@')) return `<span class="mention">@${esc(userName(inner.slice(1).split('|')[0]))}</span>`;
  if (inner.startsWith('!')) return `<span class="mention ping">@${esc(inner.slice(1).split('|')[0])}</span>`;
  if (inner.startsWith('#')) return `<span class="mention">#${esc(inner.split('|')[1] ?? inner.slice(1))}</span>`;
  const [url, label] = inner.split('|');
  return `<a href="${esc(url)}" target="_blank" rel="noopener">${esc(label ?? url)}</a>`;
}

function styled(text) {
  return esc(text)
    .replace(/`([^`\n]+)`/g, '<code>$1</code>')
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=[\s).,:;!?]|$)/g, '$1<b>$2</b>')
    .replace(/(^|[\s(])_([^_\n]+)_(?=[\s).,:;!?]|$)/g, '$1<i>$2</i>');
}

function line(text, code) {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(/<([^<>]+)>/g)) {
    const plain = decode(text.slice(last, match.index));
    html += code ? esc(plain) : styled(plain);
    html += token(match[1]);
    last = match.index + match[0].length;
  }
  const rest = decode(text.slice(last));
  return html + (code ? esc(rest) : styled(rest));
}

function mrkdwn(text) {
  return String(text ?? '').split('```').map((part, i) => {
    if (i % 2 === 1) return `<pre>${part.replace(/^\n|\n$/g, '').split('\n').map((l) => line(l, true)).join('\n')}</pre>`;
    return part.split('\n').map((l) => (l.startsWith('> ') ? `<span class="quote">${line(l.slice(2))}</span>` : line(l))).join('<br>');
  }).join('');
}

function textOf(obj) {
  if (!obj) return '';
  return obj.type === 'mrkdwn' ? mrkdwn(obj.text) : esc(obj.text);
}

function button(el, ts) {
  const style = el.style ? ` ${el.style}` : '';
  const confirm = el.confirm ? ` data-confirm="${esc(JSON.stringify(el.confirm))}"` : '';
  return `<button type="button" class="bk-button${style}" data-ts="${esc(ts)}" data-action-id="${esc(el.action_id)}" data-value="${esc(el.value)}"${confirm}>${esc(el.text?.text)}</button>`;
}

function blocks(list, ts) {
  return (list ?? []).map((b) => {
    switch (b.type) {
      case 'header': return `<div class="bk-header" role="heading" aria-level="3">${esc(b.text?.text)}</div>`;
      case 'section': {
        const fields = b.fields ? `<div class="bk-fields">${b.fields.map((f) => `<div>${textOf(f)}</div>`).join('')}</div>` : '';
        return `<div class="bk-section">${textOf(b.text)}${fields}</div>`;
      }
      case 'context': return `<div class="bk-context">${(b.elements ?? []).map(textOf).join(' ')}</div>`;
      case 'divider': return '<hr>';
      case 'actions': return `<div class="bk-actions">${(b.elements ?? []).map((e) => button(e, ts)).join('')}</div>`;
      default: return '';
    }
  }).join('');
}

function visible(m) { return !m.visible_to || m.visible_to === ui.user; }

function message(m, all, inThread) {
  const time = new Date(Number(m.ts.split('.')[0]) * 1000).toTimeString().slice(0, 5);
  const isBot = m.user === ui.data.bot;
  const body = m.blocks ? blocks(m.blocks, m.ts) : `<div class="bk-section">${mrkdwn(m.text)}</div>`;
  const files = (m.files ?? []).map((f) => `<a class="file" href="/local/files/${esc(f.id)}" target="_blank">📄 ${esc(f.title ?? f.name)} · ${esc(f.name)}</a>`).join('');
  const replies = inThread ? [] : all.filter((r) => r.thread_ts === m.ts && visible(r));
  const link = replies.length ? `<button type="button" class="replies-link" data-testid="replies-link" data-thread="${esc(m.ts)}">${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}</button>` : '';
  return `<div class="message${m.visible_to ? ' ephemeral' : ''}" data-testid="message" data-ts="${esc(m.ts)}">
    <div class="meta"><span class="author">${esc(userName(m.user))}</span>${isBot ? '<span class="app">APP</span>' : ''}${time}${m.edited ? ' (edited)' : ''}</div>
    ${m.visible_to ? '<div class="only-you">Only visible to you</div>' : ''}${body}${files}${link}</div>`;
}

function renderMessages() {
  const all = ui.data.messages.filter((m) => m.channel === ui.data.channel.id);
  const top = all.filter((m) => !m.thread_ts && visible(m));
  followDrill(top);
  const box = $('messages');
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
  box.innerHTML = top.map((m) => message(m, all, false)).join('');
  if (atBottom) box.scrollTop = box.scrollHeight;
  const pane = $('thread');
  pane.hidden = !ui.thread;
  if (ui.thread) {
    const root = all.find((m) => m.ts === ui.thread);
    const replies = all.filter((m) => m.thread_ts === ui.thread && visible(m));
    $('replies').innerHTML = (root ? message(root, all, true) : '') + replies.map((m) => message(m, all, true)).join('');
  }
}

// A drill started from the menu opens its thread as soon as the bot posts its root, titled as the scenario.
function followDrill(top) {
  if (!ui.follow) return;
  const { title, seen } = ui.follow;
  const names = (m) => decode(m.text ?? '').includes(title) || JSON.stringify(m.blocks ?? []).includes(JSON.stringify(title).slice(1, -1));
  const root = top.find((m) => m.user === ui.data.bot && !m.visible_to && !seen.has(m.ts) && names(m));
  if (root) { ui.thread = root.ts; ui.follow = null; }
}

function startDrill(drill) {
  const seen = new Set(ui.data.messages.filter((m) => !m.thread_ts).map((m) => m.ts));
  ui.follow = { title: drill.title, seen };
  // The same signed slash command a person would type: /incident drill <scenario>.
  post('/local/ui/command', { user: ui.user, text: `drill ${drill.name}` });
}

function showDrills() {
  const box = $('drills');
  box.innerHTML = `<div class="dialog" role="dialog" aria-label="Start a drill"><h2>Start a drill</h2>
    <div class="body"><p>A drill declares an incident played against a scenario, a simulated platform: its checks read the
    scenario's answers and its mitigations change the scenario's state. Nothing real is touched. You start it as
    <b>${esc(userName(ui.user))}</b>.</p><ul class="drill-list">${ui.drills.map((d, i) => `<li>
      <button type="button" class="drill" data-drill="${i}"><b>${esc(d.title)}</b> <code>${esc(d.name)}</code></button></li>`).join('')}</ul>
    </div><div class="modal-footer"><button type="button" id="drills-close">Cancel</button></div></div>`;
  box.hidden = false;
  const close = () => { box.hidden = true; box.innerHTML = ''; };
  $('drills-close').onclick = close;
  box.querySelectorAll('[data-drill]').forEach((b) => {
    b.onclick = () => { close(); startDrill(ui.drills[Number(b.dataset.drill)]); };
  });
}

function input(block, view) {
  const el = block.element;
  const id = `input-${esc(block.block_id)}`;
  let control;
  if (el.type === 'static_select') {
    // Like Slack, a select with a placeholder and no initial option starts with nothing chosen.
    const none = !el.initial_option && el.placeholder ? `<option value="">${esc(el.placeholder.text)}</option>` : '';
    control = `<select id="${id}" data-block="${esc(block.block_id)}" data-type="static_select">${none}${el.options.map((o) =>
      `<option value="${esc(o.value)}"${el.initial_option?.value === o.value ? ' selected' : ''}>${esc(o.text.text)}</option>`).join('')}</select>`;
  } else if (el.multiline) {
    control = `<textarea id="${id}" data-block="${esc(block.block_id)}" data-type="plain_text_input"></textarea>`;
  } else {
    control = `<input id="${id}" data-block="${esc(block.block_id)}" data-type="plain_text_input">`;
  }
  return `<label for="${id}">${esc(block.label.text)}${block.optional ? ' <small>(optional)</small>' : ''}</label>${control}
    <div class="error" data-testid="error-${esc(block.block_id)}" data-error-for="${esc(block.block_id)}"></div>`;
}

function renderModal() {
  const open = ui.data.views.find((v) => v.user === ui.user);
  const modal = $('modal');
  if (!open) { modal.hidden = true; modal.innerHTML = ''; ui.viewKey = null; return; }
  if (ui.viewKey !== open.id) {
    // Drawn once per view, so that what was typed survives the next poll; errors are filled in below.
    ui.viewKey = open.id;
    const v = open.view;
    modal.innerHTML = `<form class="dialog" id="modal-form" role="dialog" aria-label="${esc(v.title.text)}">
      <h2>${esc(v.title.text)}</h2><div class="body">${v.blocks.filter((b) => b.type === 'input').map((b) => input(b, v)).join('')}</div>
      <div class="modal-footer"><button type="button" id="modal-close">${esc(v.close?.text ?? 'Cancel')}</button>
      <button type="submit" class="submit">${esc(v.submit?.text ?? 'Submit')}</button></div></form>`;
    $('modal-close').onclick = () => post('/local/ui/close', { view_id: open.id });
    $('modal-form').onsubmit = (e) => {
      e.preventDefault();
      const values = {};
      modal.querySelectorAll('[data-block]').forEach((c) => { values[c.dataset.block] = { type: c.dataset.type, value: c.value }; });
      post('/local/ui/submit', { view_id: open.id, values });
    };
  }
  modal.querySelectorAll('[data-error-for]').forEach((e) => { e.textContent = open.errors?.[e.dataset.errorFor] ?? ''; });
  modal.hidden = false;
}

function render() {
  const select = $('user');
  if (!select.options.length) {
    const role = (u) => [u.manager ? 'manager' : 'responder', ...(u.approver ? ['approver'] : [])].join(', ');
    ui.data.users.filter((u) => !u.bot).forEach((u) => select.add(new Option(`${u.name} (${role(u)})`, u.id)));
    ui.user = select.value;
  }
  renderMessages();
  renderModal();
}

function askFirst(confirm) {
  return new Promise((resolve) => {
    const box = $('confirm');
    box.innerHTML = `<div class="dialog" role="dialog" aria-label="${esc(confirm.title.text)}"><h2>${esc(confirm.title.text)}</h2>
      <div class="body">${textOf(confirm.text)}</div><div class="modal-footer">
      <button type="button" id="confirm-deny">${esc(confirm.deny.text)}</button>
      <button type="button" class="submit" id="confirm-ok">${esc(confirm.confirm.text)}</button></div></div>`;
    box.hidden = false;
    const done = (answer) => { box.hidden = true; box.innerHTML = ''; resolve(answer); };
    $('confirm-ok').onclick = () => done(true);
    $('confirm-deny').onclick = () => done(false);
  });
}

document.addEventListener('click', async (e) => {
  const link = e.target.closest('[data-thread]');
  if (link) { ui.thread = link.dataset.thread; renderMessages(); return; }
  const b = e.target.closest('.bk-button');
  if (!b) return;
  if (b.dataset.confirm && !(await askFirst(JSON.parse(b.dataset.confirm)))) return;
  post('/local/ui/click', { user: ui.user, ts: b.dataset.ts, action_id: b.dataset.actionId, value: b.dataset.value });
});

$('composer').onsubmit = (e) => {
  e.preventDefault();
  const text = $('command').value.trim();
  if (!text) return;
  $('command').value = '';
  const command = text.match(/^\/incident\b\s*(.*)$/s);
  if (command) post('/local/ui/command', { user: ui.user, text: command[1] });
  else post('/local/ui/message', { user: ui.user, text });
};

$('reply-composer').onsubmit = (e) => {
  e.preventDefault();
  const text = $('reply').value.trim();
  if (!text || !ui.thread) return;
  $('reply').value = '';
  post('/local/ui/message', { user: ui.user, text, thread_ts: ui.thread });
};

$('close-thread').onclick = () => { ui.thread = null; renderMessages(); };
$('start-drill').onclick = showDrills;
$('user').onchange = () => { ui.user = $('user').value; ui.viewKey = null; render(); };

// The drills the host loaded; the page offers them once it knows them, and hides the menu when there are none.
(async function loadDrills() {
  const response = await fetch('/local/ui/drills');
  if (!response.ok) { problem(await response.text()); return; }
  ui.drills = await response.json();
  $('start-drill').hidden = $('drill-hint').hidden = ui.drills.length === 0;
})();

(async function poll() {
  let version = null;
  for (;;) {
    try {
      const response = await fetch(`/local/ui/state${version === null ? '' : `?after=${version}`}`);
      if (!response.ok) throw new Error(await response.text());
      ui.data = await response.json();
      version = ui.data.version;
      render();
    } catch (e) {
      if (e instanceof Error && e.message) problem(e.message);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
})();
