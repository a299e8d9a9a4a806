// The process group of a measured run (spawned with detached: true, so its pgid is the root's
// pid): whether anything of it is left, and how to end all of it.
import { readdirSync, readFileSync } from 'node:fs';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** True while any process of the group exists (zombies not yet reaped included). */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface ProcStat {
  pid: number;
  ppid: number;
  pgrp: number;
  /** utime + stime, in clock ticks (100 a second on Linux). */
  cpuTicks: number;
}

/** Linux: every process's /proc/PID/stat, as far as it can be read (none elsewhere). */
export function procStats(): ProcStat[] {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  const out: ProcStat[] = [];
  for (const name of names) {
    if (name.charCodeAt(0) < 48 || name.charCodeAt(0) > 57) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'latin1');
    } catch {
      continue; // gone meanwhile
    }
    // "pid (comm) state ppid pgrp … utime stime …": comm may hold spaces and parentheses.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out.push({ pid: Number(name), ppid: Number(f[1]), pgrp: Number(f[2]), cpuTicks: Number(f[11]) + Number(f[12]) });
  }
  return out;
}

/** Linux: the pids whose process group is `pgid`, read from /proc/PID/stat. */
export function groupMembers(pgid: number): number[] {
  return procStats()
    .filter((s) => s.pgrp === pgid)
    .map((s) => s.pid);
}

function signal(target: number, name: NodeJS.Signals): void {
  try {
    process.kill(target, name);
  } catch {
    // Already gone.
  }
}

/**
 * Ends the group and every other pid given (processes seen by the sampler, in case one left the
 * group): SIGTERM, then SIGKILL after `termMs`; resolves when all are gone or `withinMs` passed,
 * with what is still alive.
 */
export async function endGroup(pgid: number, pids: Iterable<number>, termMs = 150, withinMs = 900): Promise<number[]> {
  const others = [...pids].filter((p) => p !== pgid);
  const alive = () => [...(groupAlive(pgid) ? [pgid] : []), ...others.filter(pidAlive)];
  if (alive().length === 0) return [];
  const start = Date.now();
  signal(-pgid, 'SIGTERM');
  for (const pid of others) signal(pid, 'SIGTERM');
  while (alive().length > 0 && Date.now() - start < termMs) await sleep(10);
  if (alive().length > 0) {
    signal(-pgid, 'SIGKILL');
    for (const pid of others) signal(pid, 'SIGKILL');
  }
  while (alive().length > 0 && Date.now() - start < withinMs) await sleep(10);
  return alive();
}
