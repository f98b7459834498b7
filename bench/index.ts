// `npm run bench`: runs the run() of every other module in bench/, one after another.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = fileURLToPath(new URL('./', import.meta.url));
// `npm run bench -- scheduler import` runs only the modules whose names contain one of the words.
const only = process.argv.slice(2);
const modules = readdirSync(dir)
  .filter((n) => n.endsWith('.ts') && n !== 'index.ts')
  .filter((n) => only.length === 0 || only.some((word) => n.includes(word)))
  .sort();
let failed = 0;
for (const name of modules) {
  const mod = (await import(pathToFileURL(`${dir}${name}`).href)) as { run?: () => Promise<void> };
  if (typeof mod.run !== 'function') continue;
  try {
    await mod.run();
  } catch (err) {
    failed++;
    console.error(`bench ${name} failed:`, err);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
