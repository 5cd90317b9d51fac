#!/usr/bin/env python3
"""Times two or more shell commands that take turns, one run each, so that a slow spell of a shared
machine falls on all; prints, for each (A first), the median wall time (s) and the median peak RSS (MiB).

Usage: bench_run.py RUNS A_SHELL B_SHELL [C_SHELL ...] [--before-a SHELL] [--before-b SHELL] ...
  --before-a/-b/-c... SHELL  a shell command run before each timed run of A / B / C..., untimed (e.g. to
                             reset a database)
Output (two lines, key=value): median_s=... min_s=... max_s=... rss_mib=... times=T1,T2,...
Exit codes 0 and 3 (icsctl's "done, some rows rejected") count as success.
"""
import os
import statistics
import subprocess
import sys
import time


def run_once(cmd):
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024.0, code


def summary(times, rss):
    return (f"median_s={statistics.median(times):.3f} min_s={min(times):.3f} max_s={max(times):.3f} "
            f"rss_mib={statistics.median(rss):.1f} times={','.join(f'{t:.3f}' for t in times)}")


def timed(cmd, before):
    if before:
        subprocess.run(before, shell=True, check=True)
    elapsed, peak, code = run_once(cmd)
    if code not in (0, 3):
        sys.exit(f"bench_run: {' '.join(cmd)} exited {code}")
    return elapsed, peak


def option(args, name):
    if name not in args:
        return None
    at = args.index(name)
    value = args[at + 1]
    del args[at:at + 2]
    return value


def main():
    args = sys.argv[1:]
    runs = int(args.pop(0))
    befores = [option(args, f"--before-{chr(ord('a') + i)}") for i in range(26)]
    sides = [(["sh", "-c", cmd], befores[i]) for i, cmd in enumerate(args)]
    results = [([], []) for _ in sides]
    for _ in range(runs):
        for (cmd, before), (times, rss) in zip(sides, results):
            elapsed, peak = timed(cmd, before)
            times.append(elapsed)
            rss.append(peak)
    for times, rss in results:
        print(summary(times, rss))


if __name__ == "__main__":
    main()
