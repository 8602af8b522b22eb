// `npm test`'s first step: the type check and the lint side by side. Each is mostly one busy core (tsc, and
// eslint building its own typed program), so on two cores together they take the time of the longer one
// instead of the sum (about a minute less on a clean checkout, where neither has a cache to lean on). Each
// one's output is printed whole when it ends, so the two never interleave; the step fails if either fails.
import { spawn } from 'node:child_process';

const CHECKS = [
  ['typecheck', ['run', '--silent', 'typecheck']],
  ['lint', ['run', '--silent', 'lint']],
];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const results = await Promise.all(
  CHECKS.map(
    ([name, args]) =>
      new Promise((resolve) => {
        const started = Date.now();
        const child = spawn(npm, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        const out = [];
        child.stdout.on('data', (c) => out.push(c));
        child.stderr.on('data', (c) => out.push(c));
        child.on('error', (error) => out.push(Buffer.from(`${error.message}\n`)));
        child.on('close', (code, signal) => {
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          const ok = code === 0;
          process.stdout.write(`\n> ${name}: ${ok ? 'ok' : `failed (${signal ?? `exit ${code}`})`} in ${seconds} s\n`);
          process.stdout.write(Buffer.concat(out));
          resolve(ok);
        });
      }),
  ),
);
if (!results.every(Boolean)) process.exit(1);
