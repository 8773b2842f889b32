// `node scripts/with-env.ts COMMAND…`: runs a documented root command (`npm run seed`,
// `reindex`, `search-setup`) with the platform's configuration — the environment, then the
// env file — so that it reads the same settings as `npm start` without the caller exporting
// anything.
import { spawn } from 'node:child_process';
import os from 'node:os';
import { platformEnv } from '../search/src/platform-env.ts';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/with-env.ts COMMAND [ARGS…]');
  process.exit(2);
}
const child = spawn(command, args, { env: platformEnv(), stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (error) => {
  console.error(`${command}: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) =>
  process.exit(code ?? 128 + (signal ? os.constants.signals[signal] : 1)),
);
