/**
 * @module Where a benchmark's CPU goes: CPU time by process group between two readings of `/proc`
 * (Linux; elsewhere nothing is read). A throughput on a shared 2-core machine moves with whatever
 * else runs on it; the CPU each process spends per request moves much less, and tells which process
 * a change made cheaper.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of `/proc/<pid>/stat` (`USER_HZ`, 100 on Linux). */
const TICKS_PER_S = 100;

interface Proc {
  readonly comm: string;
  readonly ppid: number;
  /** User and system time, in ticks. */
  readonly ticks: number;
}

export type CpuReading = ReadonlyMap<number, Proc>;

/** Every process's CPU time so far (an empty map where there is no `/proc`). */
export function readCpu(): CpuReading {
  const procs = new Map<number, Proc>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return procs;
  }
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    procs.set(Number(pid), {
      comm: stat.slice(stat.indexOf('(') + 1, close),
      ppid: Number(fields[1]),
      ticks: Number(fields[11]) + Number(fields[12]),
    });
  }
  return procs;
}

/**
 * CPU milliseconds spent between two readings, by the group `groupOf` names for each process (none:
 * not counted). A process started in between counts from zero; one ended in between is lost.
 */
export function cpuBetween(
  before: CpuReading,
  after: CpuReading,
  groupOf: (pid: number, proc: Proc) => string | undefined,
): Map<string, number> {
  const spent = new Map<string, number>();
  for (const [pid, proc] of after) {
    const group = groupOf(pid, proc);
    if (!group) continue;
    const earlier = before.get(pid);
    const ticks = proc.ticks - (earlier && earlier.comm === proc.comm ? earlier.ticks : 0);
    spent.set(group, (spent.get(group) ?? 0) + (ticks * 1000) / TICKS_PER_S);
  }
  return spent;
}

/** The groups of a benchmark of one server: its processes, PostgreSQL, Redis, and the load generator. */
export const serverGroups =
  (serverPid: number | undefined) =>
  (pid: number, proc: Proc): string | undefined => {
    if (pid === serverPid || proc.ppid === serverPid) return 'Wekeza';
    if (proc.comm === 'postgres') return 'PostgreSQL';
    if (proc.comm === 'redis-server') return 'Redis';
    if (pid === process.pid) return 'load generator';
    return undefined;
  };
