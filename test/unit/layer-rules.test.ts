// The layer rules of eslint.config.mjs, each shown to fail on a probe file placed where the rule applies
// (and to pass where it does not), so a rule that silently stops matching fails CI.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

// ESLint's flat config is an ES module, which jest's CommonJS runtime cannot import: lint the probes in one
// child Node process with ESLint's own API. Only the import rules run: the probes are not part of the
// TypeScript project, so type-aware rules stay off.
const LINT_PROBES = `
const { ESLint } = require('eslint');
const path = require('node:path');
const probes = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  ruleFilter: ({ ruleId }) => ruleId === '@typescript-eslint/no-restricted-imports',
});
(async () => {
  const out = [];
  for (const p of probes) {
    const [r] = await eslint.lintText(p.code, { filePath: path.join(process.cwd(), p.file) });
    out.push(r.messages.map((m) => m.ruleId + ': ' + m.message));
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

type Probe = [what: string, file: string, code: string];
function lintProbes(probes: Probe[]): string[][] {
  const input = JSON.stringify(probes.map(([, file, code]) => ({ file, code })));
  return JSON.parse(
    execFileSync(process.execPath, ['-e', LINT_PROBES], { cwd: ROOT, input, encoding: 'utf8' }),
  ) as string[][];
}

const FAILING: [...Probe, RegExp][] = [
  [
    'a use case imports express',
    'src/petitions/probe.ts',
    "import express from 'express';\nexport const x = express;\n",
    /HTTP-free/,
  ],
  [
    'a use case imports src/api',
    'src/reception/probe.ts',
    "import { errorMiddleware } from '../api/errors';\nexport const x = errorMiddleware;\n",
    /HTTP-free/,
  ],
  [
    'a use case imports a workflow module',
    'src/conferences/probe.ts',
    "import { conferenceWorkflowId } from '../../workflows/conference/messages';\nexport const x = conferenceWorkflowId;\n",
    /client\.ts/,
  ],
  [
    'a client imports src/api',
    'src/petitions/client.ts',
    "import { errorMiddleware } from '../api/errors';\nexport const x = errorMiddleware;\n",
    /HTTP-free/,
  ],
  [
    'a route imports a workflow module',
    'src/api/routes/probe.ts',
    "import { actionUpdate } from '../../../workflows/petition/messages';\nexport const x = actionUpdate;\n",
    /client\.ts/,
  ],
  [
    'an activity imports src/api',
    'activities/probe.ts',
    "import { errorMiddleware } from '../src/api/errors';\nexport const x = errorMiddleware;\n",
    /never import src\/api/,
  ],
  [
    'an activity imports a client',
    'activities/probe.ts',
    "import * as client from '../src/petitions/client';\nexport const x = client;\n",
    /client\.ts/,
  ],
  [
    'a workflow imports service code',
    'workflows/probe.ts',
    "import { AppError } from '../src/errors';\nexport const x = AppError;\n",
    /only src\/domain/,
  ],
  [
    'a workflow reads a Node built-in',
    'workflows/probe.ts',
    "import fs from 'node:fs';\nexport const x = fs;\n",
    /deterministic/,
  ],
];

const PASSING: Probe[] = [
  [
    'a client imports its workflow messages',
    'src/petitions/client.ts',
    "import { actionUpdate } from '../../workflows/petition/messages';\nexport const x = actionUpdate;\n",
  ],
  [
    'a use case imports src/errors',
    'src/petitions/probe.ts',
    "import { AppError } from '../errors';\nexport const x = AppError;\n",
  ],
  [
    'the composition root imports workflows',
    'src/service.ts',
    "import { actionUpdate } from '../workflows/petition/messages';\nexport const x = actionUpdate;\n",
  ],
];

describe('layer rules', () => {
  const results = lintProbes([...FAILING.map(([w, f, c]) => [w, f, c] as Probe), ...PASSING]);

  it.each(FAILING.map((probe, i) => [...probe, i] as const))(
    'when %s, then lint fails',
    (_what, _file, _code, expected, i) => {
      expect(results[i]!.join('\n')).toMatch(expected);
    },
  );

  it.each(PASSING.map((probe, i) => [...probe, FAILING.length + i] as const))(
    'when %s, then lint passes',
    (_what, _file, _code, i) => {
      expect(results[i]).toEqual([]);
    },
  );
});
