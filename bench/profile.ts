/**
 * The V8 sampling profiler of this process (its main thread: the server's event loop), for the
 * profiling benches: `profiled(fn)` runs fn under it and prints the self time by package and by
 * function (TOP rows; PROFILE_OUT=file also writes the .cpuprofile). The profiler's own work
 * (serializing the profile, `dispatch`) is left out of the totals.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const pkgOf = (url: string) => {
  if (!url) return '(native/vm)';
  if (url.startsWith('node:')) return url.split('/')[0] ?? url;
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1] ?? url;
  const d = /\/dist\/(.*)$/.exec(url);
  return d ? `app:${(d[1] ?? '').split('/').slice(0, 3).join('/')}` : url;
};

export async function profiled<T>(fn: () => Promise<T>): Promise<T> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const result = await fn();
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
  session.disconnect();
  report(profile);
  if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
  return result;
}

function report(profile: Profile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i] ?? 0, (self.get(profile.samples[i] ?? 0) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  const byPkg = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const [id, ms] of self) {
    const n = byId.get(id);
    if (!n || n.callFrame.functionName === 'dispatch' || n.callFrame.functionName === '(idle)') continue;
    const { functionName, url, lineNumber } = n.callFrame;
    add(byPkg, pkgOf(url), ms);
    add(byFn, `${functionName || '(anon)'} ${url.replace(/.*node_modules\//, '').replace(/.*\/dist\//, 'dist/')}:${lineNumber + 1}`, ms);
  }
  const total = [...byPkg.values()].reduce((a, b) => a + b, 0);
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${v.toFixed(1).padStart(8)} ms ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  console.log(`\n[profile] ${total.toFixed(0)} ms busy (idle and the profiler left out); self time by package:\n${top(byPkg, 30)}`);
  console.log(`\n[profile] self time by function:\n${top(byFn, Number(process.env.TOP ?? 60))}`);
}

/**
 * CPU time of this process's threads (Linux /proc; empty elsewhere), as name#tid, the event loop's
 * as main#pid: call before and after a piece of work, `threadCpuSince(before)` prints where the
 * process's CPU went (Node leaves V8's GC and compiler helpers, libuv's pool and worker threads
 * named "node"; a worker thread's share can be told by its own event loop utilization).
 */
export function threadCpu(): Map<string, number> {
  const out = new Map<string, number>();
  let tasks: string[] = [];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return out;
  }
  for (const t of tasks) {
    try {
      const stat = readFileSync(`/proc/self/task/${t}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks (1/100 s)
      out.set(`${t === String(process.pid) ? 'main' : name}#${t}`, ticks * 10);
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

export function threadCpuSince(before: Map<string, number>): string {
  const spent = [...threadCpu()].map(([key, ms]) => [key, ms - (before.get(key) ?? 0)] as const);
  return spent.filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1]).map(([key, ms]) => `${key} ${ms} ms`).join(', ');
}

/** The whole machine's CPU (Linux /proc/stat, every core), busy and idle ms, and PostgreSQL's server processes' share of busy. */
export function machineCpu(): { busy: number; idle: number; postgres: number } {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
    const busy = cpu.reduce((a, b) => a + b, 0) - idle - (cpu[8] ?? 0) - (cpu[9] ?? 0); // guest time is already in user
    let postgres = 0;
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        if (!stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).startsWith('postgres')) continue;
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        postgres += Number(fields[11]) + Number(fields[12]);
      } catch {
        // the process ended meanwhile
      }
    }
    return { busy: busy * 10, idle: idle * 10, postgres: postgres * 10 };
  } catch {
    return { busy: 0, idle: 0, postgres: 0 };
  }
}

export function machineCpuSince(before: ReturnType<typeof machineCpu>): string {
  const now = machineCpu();
  return `machine busy ${now.busy - before.busy} ms, idle ${now.idle - before.idle} ms, PostgreSQL's processes ${now.postgres - before.postgres} ms`;
}
