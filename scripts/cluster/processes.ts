// Child processes of the cluster, each in a process group of its own (a Ctrl-C in the terminal reaches only this
// script, which then stops them in order) and each logging to a file of its own.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync, readdirSync } from 'node:fs';

export interface Managed {
  name: string;
  child: ChildProcess;
  logFile: string;
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after `graceMs`; the exit code (null: killed by a signal). */
  stop: (graceMs?: number) => Promise<number | null>;
}

export function startManaged(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string },
): Managed {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(options.logFile, { flags: 'a' });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      log.end();
      resolve(code);
    }),
  );
  child.once('error', (error) => log.write(`spawn failed: ${error.message}\n`));
  return {
    name,
    child,
    logFile: options.logFile,
    exited,
    stop: async (graceMs = 60_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Resolves when `line` appears in the process's output; rejects if it exits first or `timeoutMs` passes. */
export function waitForLine(p: Managed, line: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString()).slice(-4096);
      if (seen.includes(line)) finish();
    };
    const timer = setTimeout(() => fail(new Error(`${p.name}: no "${line}" within ${timeoutMs / 1000} s`)), timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      p.child.stdout!.off('data', onData);
      resolve();
    };
    const fail = (error: Error) => {
      clearTimeout(timer);
      p.child.stdout!.off('data', onData);
      reject(error);
    };
    p.child.stdout!.on('data', onData);
    void p.exited.then((code) => fail(new Error(`${p.name} exited with ${code} before it was ready; see ${p.logFile}`)));
  });
}

function rssMiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Resident memory of every descendant of this script, by the name given for its pid, else its command name. */
export function rssByName(named: Map<number, string>): Map<string, number> {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const out = new Map<string, number>();
  const visit = (pid: number, inherited?: string) => {
    for (const [child, parent] of parentOf) {
      if (parent !== pid) continue;
      let name = named.get(child) ?? inherited;
      if (!name) {
        try {
          name = readFileSync(`/proc/${child}/comm`, 'utf8').trim();
        } catch {
          continue;
        }
      }
      out.set(name, (out.get(name) ?? 0) + rssMiB(child));
      visit(child, name);
    }
  };
  visit(process.pid);
  return out;
}
