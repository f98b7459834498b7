// Entry point of `npm run -s cli -- <command>`.
import { runCli } from './run-cli.ts';

const code = await runCli(process.argv.slice(2), {
  io: { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, isTty: Boolean(process.stdout.isTTY) },
});
process.exitCode = code;
