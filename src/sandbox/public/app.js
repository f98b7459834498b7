// The sandbox chat page: plays one person talking to the bot. Everything from the server
// is drawn with DOM nodes and textContent (never innerHTML), so no message can inject markup.
'use strict';

const $ = (id) => document.getElementById(id);
const state = { chatId: undefined, version: -1, abort: undefined, renderedVersion: -1 };
/** Texts from locales/<lang>/sandbox.ftl, given by the server with {name} slots. */
let texts = {};
const text = (name, values = {}) => (texts[name] || name).replace(/\{(\w+)\}/g, (slot, key) => (key in values ? String(values[key]) : slot));

function showError(text) {
  const box = $('error');
  box.textContent = text;
  box.hidden = !text;
}

async function post(path, body, headers = { 'content-type': 'application/json' }) {
  const response = await fetch(path, { method: 'POST', headers, body: headers['content-type'] === 'application/json' ? JSON.stringify(body) : body });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw Object.assign(new Error(answer.error || `HTTP ${response.status}`), { status: response.status });
  return answer;
}

/** Text with Telegram entities as nested-free spans: split at every entity edge. */
function formattedText(text, entities) {
  const fragment = document.createDocumentFragment();
  const edges = new Set([0, text.length]);
  for (const e of entities) { edges.add(e.offset); edges.add(e.offset + e.length); }
  const cuts = [...edges].filter((n) => n >= 0 && n <= text.length).sort((a, b) => a - b);
  for (let i = 0; i < cuts.length - 1; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const covering = entities.filter((e) => e.offset <= from && e.offset + e.length >= to);
    const link = covering.find((e) => e.type === 'text_link' && /^https?:\/\//.test(e.url || ''));
    const node = document.createElement(link ? 'a' : 'span');
    if (link) { node.href = link.url; node.rel = 'noopener noreferrer'; node.target = '_blank'; }
    for (const e of covering) node.classList.add(`e-${e.type}`);
    node.textContent = text.slice(from, to);
    fragment.append(node);
  }
  return fragment;
}

function keyboardOf(message) {
  const box = document.createElement('div');
  box.className = 'keyboard';
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', text('buttons'));
  for (const row of message.replyMarkup.inline_keyboard) {
    const line = document.createElement('div');
    line.className = 'row';
    for (const button of row) {
      if (button.callback_data !== undefined) {
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = button.text;
        b.addEventListener('click', () => press(message.messageId, button.callback_data));
        line.append(b);
      } else if (button.url) {
        const a = document.createElement('a');
        a.textContent = button.text;
        if (/^https?:\/\//.test(button.url)) a.href = button.url;
        a.rel = 'noopener noreferrer';
        a.target = '_blank';
        line.append(a);
      }
    }
    box.append(line);
  }
  return box;
}

function render(view) {
  const log = $('log');
  const items = view.messages.map((m) => {
    const li = document.createElement('li');
    li.className = `msg ${m.fromBot ? 'bot' : 'me'}`;
    li.dataset.messageId = String(m.messageId);
    if (m.document) {
      const file = document.createElement('span');
      file.className = 'file';
      file.textContent = `📄 ${m.document.fileName} (${m.document.size < 1024 ? `${m.document.size} byte` : `${Math.round(m.document.size / 1024)} KB`})`;
      li.append(file);
      if (m.text) li.append(document.createElement('br'));
    }
    if (m.text) li.append(formattedText(m.text, m.entities || []));
    const meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = `${text(m.fromBot ? 'fromBot' : 'fromMe')} · ${new Date(m.date * 1000).toLocaleTimeString(document.documentElement.lang, { hour: '2-digit', minute: '2-digit' })}${m.edited ? ` · ${text('edited')}` : ''}`;
    li.append(meta);
    if (m.replyMarkup) li.append(keyboardOf(m));
    return li;
  });
  const chat = log.parentElement;
  const atBottom = chat.scrollHeight - chat.scrollTop - chat.clientHeight < 40;
  log.replaceChildren(...items);
  if (atBottom || view.version !== state.renderedVersion) chat.scrollTop = chat.scrollHeight;
  state.renderedVersion = view.version;
  const notice = $('notice');
  if (view.notice && Date.now() - view.notice.at < 8000) {
    notice.textContent = view.notice.text;
    notice.hidden = false;
  } else notice.hidden = true;
}

/** Long polling: the server answers when the chat changes (or after a while with no news). */
async function follow(chatId, signal) {
  while (!signal.aborted && state.chatId === chatId) {
    try {
      const response = await fetch(`/sandbox/api/chats/${chatId}?version=${state.version}`, { signal });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const view = await response.json();
      if (state.chatId !== chatId) return;
      state.version = view.version;
      render(view);
      showError('');
    } catch (err) {
      if (signal.aborted) return;
      showError(`${text('offline')} (${err.message})`);
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}

function choose(chatId) {
  state.abort?.abort();
  $('page-status').textContent = '';
  state.chatId = chatId;
  state.version = -1;
  state.renderedVersion = -1;
  $('log').replaceChildren();
  state.abort = new AbortController();
  void follow(chatId, state.abort.signal);
}

async function sendText(message) {
  if (!message.trim() || state.chatId === undefined) return;
  try {
    await post(`/sandbox/api/chats/${state.chatId}/messages`, { text: message });
  } catch (err) { showError(err.message); }
}

async function press(messageId, data) {
  try {
    await post(`/sandbox/api/chats/${state.chatId}/presses`, { messageId, data });
  } catch (err) { showError(err.message); }
}

async function start() {
  const response = await fetch(`/sandbox/api/people?lang=${encodeURIComponent(document.body.dataset.lang || 'vi')}`);
  const info = await response.json();
  texts = info.texts;
  $('clock').textContent = info.fastClock > 1 ? text('clockFast', { factor: info.fastClock }) : text('clockNormal');
  const select = $('person');
  for (const p of info.people) {
    const option = document.createElement('option');
    option.value = String(p.chatId);
    option.textContent = `${p.label} – ${p.name}`;
    select.append(option);
  }
  select.addEventListener('change', () => choose(Number(select.value)));
  choose(Number(select.value));

  $('composer').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = $('text');
    const message = input.value;
    input.value = '';
    void sendText(message);
    input.focus();
  });
  for (const b of document.querySelectorAll('[data-command]')) b.addEventListener('click', () => sendText(b.dataset.command));
  $('remind-now').addEventListener('click', async () => {
    try {
      const r = await post(`/sandbox/api/chats/${state.chatId}/remind-now`, {});
      showError('');
      $('page-status').textContent = text('reminded', { code: r.taskCode });
    } catch (err) { showError(err.status === 409 ? text('noOpenTask') : err.message); }
  });
  $('file').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    if (!file) return;
    try {
      const query = new URLSearchParams({ name: file.name, type: file.type || 'application/octet-stream' });
      await post(`/sandbox/api/chats/${state.chatId}/documents?${query}`, file, { 'content-type': 'application/octet-stream' });
    } catch (err) { showError(err.message); }
    event.target.value = '';
  });
}

document.addEventListener('DOMContentLoaded', () => void start().catch((err) => showError(err.message)));
