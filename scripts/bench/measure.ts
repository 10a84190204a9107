/**
 * Measuring a command as the benchmark reports it: wall time, CPU time and peak memory
 * of the whole process tree (children included), sampled from /proc.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';

/** What one measured command cost. */
export interface Measurement {
  wallSeconds: number;
  /** User + system CPU of the tree, from getrusage of waited children. */
  cpuSeconds: number;
  /** Highest sum of resident memory over the tree, in MB. */
  peakRssMb: number;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

const PAGE_KB = 4;

function childrenOf(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}

/** Resident memory of `pid` and all its descendants, in MB. */
export function treeRssMb(pid: number): number {
  const children = childrenOf();
  let pages = 0;
  const stack = [pid];
  while (stack.length) {
    const current = stack.pop()!;
    try {
      pages += Number(readFileSync(`/proc/${current}/statm`, 'utf8').split(' ')[1]);
    } catch {
      // gone
    }
    stack.push(...(children.get(current) ?? []));
  }
  return (pages * PAGE_KB) / 1024;
}

/**
 * Runs a command, sampling its tree's memory every 100 ms.
 *
 * @example await measure('node', ['scripts/check.ts'], { cwd, env })
 */
export function measure(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Measurement> {
  return new Promise((resolve) => {
    const started = performance.now();
    // GNU time reports the children's CPU; /proc sampling gives the tree's summed RSS.
    const child = spawn('/usr/bin/time', ['-f', '__cpu %U %S', command, ...args], { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let peak = 0;
    const timer = setInterval(() => {
      if (child.pid) peak = Math.max(peak, treeRssMb(child.pid));
    }, 100);
    child.on('close', (exitCode) => {
      clearInterval(timer);
      const cpu = /__cpu ([\d.]+) ([\d.]+)/.exec(stderr);
      resolve({
        wallSeconds: (performance.now() - started) / 1000,
        cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN,
        peakRssMb: peak,
        exitCode,
        stdout,
        stderr: stderr.replace(/__cpu [\d.]+ [\d.]+\n?/, ''),
      });
    });
  });
}

/** Total size of the files under `dir`, in bytes. */
export function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(`${entry.parentPath}/${entry.name}`).size;
  }
  return total;
}
