// The Bot API stand-in in its own process, so a benchmark's worker and the stand-in
// use both cores. Prints its address as one JSON line; GET /__stats reports counts,
// GET /__loop how long its own event loop was held up (a stalled stand-in sees
// requests bunched together that were sent apart).
import { createServer } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startTelegramStandIn, TELEGRAM_LIMITS } from '../../test/helpers/telegram/stand-in.ts';

const limits = process.env.STAND_IN_LIMITS === 'off' ? false : TELEGRAM_LIMITS;
const tg = await startTelegramStandIn({ limits });
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const loopServer = createServer((_req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ p99Ms: loop.percentile(99) / 1e6, maxMs: loop.max / 1e6 }));
  loop.reset();
}).listen(0, '127.0.0.1');
await new Promise((resolve) => loopServer.once('listening', resolve));
const loopPort = (loopServer.address() as { port: number }).port;
process.stdout.write(`${JSON.stringify({ apiRoot: tg.apiRoot, token: tg.token, loopUrl: `http://127.0.0.1:${loopPort}/` })}\n`);
process.on('SIGTERM', () => void tg.close().then(() => process.exit(0)));
