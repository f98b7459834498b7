// The webhook bench's load generator: plain JavaScript run by plain node in its own process, so
// neither tsx nor the server shares its event loop. Open loop: update i is due at t0 + i / rate
// whatever happened to earlier ones, and its latency is counted from that due time, not from
// when the request left. A server that falls behind therefore shows its backlog in the
// latencies (no coordinated omission), and so does this process if it ever lags.
// At most `connections` requests are in flight, as Telegram opens at most max_connections to a
// webhook (the service sets 40): an update due while all are busy waits here, its wait counted.
// argv[2]: JSON { url, secret, rate, seconds, timeoutMs, firstUpdateId, connections, mix }; prints one JSON result.
import http from 'node:http';

const { url, secret, rate, seconds, timeoutMs, firstUpdateId, connections, mix } = JSON.parse(process.argv[2]);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const total = Math.round(rate * seconds);
const intervalMs = 1000 / rate;
const latencies = [];
let errors = 0;
let timeouts = 0;
let done = 0;
let lastDone = 0;
let maxSendLag = 0;

/** The i-th update of the mix: what officers send (see bench/support/webhook-world.ts). */
function updateOf(i) {
  const user = mix.users[i % mix.users.length];
  const updateId = firstUpdateId + i;
  const from = { id: user.chatId, is_bot: false, first_name: 'Cán bộ', language_code: 'vi' };
  const chat = { id: user.chatId, type: 'private', first_name: 'Cán bộ' };
  const message = (text) => ({
    update_id: updateId,
    message: { message_id: i + 1, date: Math.floor(Date.now() / 1000), chat, from, text, ...(text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0].length }] } : {}) },
  });
  // The kinds cycle over slots of 10 updates (4 progress replies, 1 "xong", 2 /tasks, 3 button
  // presses), shifted by one each round of the officers: every stretch of updates has the whole
  // mix, and each officer sends every kind in turn.
  const slot = (i + Math.floor(i / mix.users.length)) % 10;
  const progress = 10 + ((i * 7) % 80);
  if (slot < 4) return message(`${user.progressCode} ${progress}%`);
  if (slot === 4) return message(`xong ${user.doneCode}`);
  if (slot < 7) return message('/tasks');
  return {
    update_id: updateId,
    callback_query: {
      id: String(updateId),
      from,
      chat_instance: `ci-${user.chatId}`,
      data: `t:pv:${user.progressTaskId}:${user.officerId}:${[25, 50, 75][slot - 7]}`,
      message: { message_id: user.cardMessageId, date: Math.floor(Date.now() / 1000), chat, from: { id: mix.botId, is_bot: true, first_name: 'Bot' }, text: '' },
    },
  };
}

function finish() {
  done++;
  if (done < total) return;
  latencies.sort((a, b) => a - b);
  const q = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] : NaN);
  const elapsedS = (lastDone - t0) / 1000;
  process.stdout.write(JSON.stringify({
    sent: total, ok: latencies.length, errors, timeouts, seconds: elapsedS,
    perSecond: latencies.length / elapsedS, p50: q(0.5), p90: q(0.9), p99: q(0.99), max: latencies.at(-1) ?? NaN, maxSendLagMs: maxSendLag,
  }));
  agent.destroy();
}

function post(i, dueAt) {
  const body = JSON.stringify(updateOf(i));
  const now = performance.now();
  maxSendLag = Math.max(maxSendLag, now - dueAt);
  let settled = false;
  const settle = (ok) => {
    if (settled) return;
    settled = true;
    lastDone = performance.now();
    // An answer later than the timeout counts as lost even when its wait was spent queued here.
    if (ok && lastDone - dueAt > timeoutMs) timeouts++;
    else if (ok) latencies.push(lastDone - dueAt);
    finish();
  };
  const req = http.request(url, {
    method: 'POST', agent, timeout: timeoutMs,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-telegram-bot-api-secret-token': secret },
  }, (res) => {
    res.resume();
    res.on('end', () => {
      if (res.statusCode !== 200) errors++;
      settle(res.statusCode === 200);
    });
  });
  req.on('timeout', () => {
    timeouts++;
    req.destroy();
    settle(false);
  });
  req.on('error', () => {
    if (!settled) errors++;
    settle(false);
  });
  req.end(body);
}

const t0 = performance.now();
let next = 0;
(function tick() {
  const due = Math.min(total, Math.floor((performance.now() - t0) / intervalMs) + 1);
  while (next < due) {
    post(next, t0 + next * intervalMs);
    next++;
  }
  if (next < total) setTimeout(tick, Math.max(1, intervalMs / 2));
})();
