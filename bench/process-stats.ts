// Process figures from /proc (Linux only; elsewhere they are null or empty): the memory of the
// Chromium processes below this bench, and how much of the machine's CPU other processes took.
import fs from 'node:fs';

/** The pids below this process (and itself with `self`), from /proc; empty off Linux. */
function descendants(self = false): number[] {
  const parent = new Map<number, number>();
  try {
    for (const name of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
        parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      } catch {
        // The process ended meanwhile.
      }
    }
  } catch {
    return [];
  }
  const mine = (pid: number): boolean => {
    for (let p = parent.get(pid), hops = 0; p !== undefined && hops < 20; p = parent.get(p), hops++) if (p === process.pid) return true;
    return false;
  };
  return [...parent.keys()].filter((pid) => (self && pid === process.pid) || mine(pid));
}

/** Chromium's processes are this process's descendants: the memory of its renderers and of all of them, in MB. */
export function chromiumRss(): { renderer: number; all: number } | null {
  try {
    let renderer = 0;
    let all = 0;
    for (const pid of descendants()) {
      try {
        const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (!/chrom/i.test(cmdline.split('\0')[0] ?? '')) continue;
        const kb = proportionalKb(pid);
        all += kb / 1024;
        if (cmdline.includes('--type=renderer')) renderer += kb / 1024;
      } catch {
        // The process ended meanwhile.
      }
    }
    return all > 0 ? { renderer, all } : null;
  } catch {
    return null;
  }
}

/** A process's proportional set size (shared pages split between their users), else its RSS. */
function proportionalKb(pid: number): number {
  try {
    const pss = /^Pss:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1];
    if (pss !== undefined) return Number(pss);
  } catch {
    // No smaps_rollup (old kernel): fall back to RSS.
  }
  return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
}

/** CPU time in clock ticks: the whole machine's (busy and total) from /proc/stat. Null off Linux. */
function machineTicks(): { busy: number; total: number } | null {
  try {
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = f;
    const busy = user + nice + system + irq + softirq + steal;
    return { busy, total: busy + idle + iowait };
  } catch {
    return null;
  }
}

/** CPU ticks used so far by each process of this bench's tree (itself, Chromium, the server). */
function treeTicks(): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const pid of descendants(true)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime, stime, cutime, cstime are fields 14-17 (1-based), 12-15 after the ")".
      ticks.set(pid, Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]));
    } catch {
      // Ended meanwhile.
    }
  }
  return ticks;
}

export interface CpuSample {
  machine: { busy: number; total: number } | null;
  tree: Map<number, number>;
}

export function cpuSample(): CpuSample {
  return { machine: machineTicks(), tree: treeTicks() };
}

/** The share of all CPU time between two samples that went to processes outside this bench's tree. */
export function otherShare(a: CpuSample, b: CpuSample): number | undefined {
  if (!a.machine || !b.machine || b.machine.total <= a.machine.total) return undefined;
  let mine = 0;
  for (const [pid, t] of b.tree) mine += t - (a.tree.get(pid) ?? 0);
  const others = b.machine.busy - a.machine.busy - mine;
  return Math.max(0, others / (b.machine.total - a.machine.total));
}
