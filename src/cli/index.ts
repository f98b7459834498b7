// Entry point of `npm run -s cli -- <command>`.
import { runCli } from './run-cli.ts';

// `... | head` closes the pipe early: that is the reader's choice, not an error to report.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const code = await runCli(process.argv.slice(2), {
  io: { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, isTty: Boolean(process.stdout.isTTY) },
});
process.exitCode = code;
