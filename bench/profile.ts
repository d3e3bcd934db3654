/**
 * The V8 sampling profiler of this process (its main thread: the server's event loop), for the
 * profiling benches: `profiled(fn)` runs fn under it and prints the self time by package and by
 * function (TOP rows; PROFILE_OUT=file also writes the .cpuprofile). The profiler's own work
 * (serializing the profile, `dispatch`) is left out of the totals.
 */
import { writeFileSync } from 'node:fs';
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
