// The Bot API stand-in in its own process, so a benchmark's worker and the stand-in
// use both cores. Prints its address as one JSON line; GET /__stats reports counts.
import { startTelegramStandIn, TELEGRAM_LIMITS } from '../../test/helpers/telegram/stand-in.ts';

const limits = process.env.STAND_IN_LIMITS === 'off' ? false : TELEGRAM_LIMITS;
const tg = await startTelegramStandIn({ limits });
process.stdout.write(`${JSON.stringify({ apiRoot: tg.apiRoot, token: tg.token })}\n`);
process.on('SIGTERM', () => void tg.close().then(() => process.exit(0)));
