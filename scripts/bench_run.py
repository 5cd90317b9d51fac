#!/usr/bin/env python3
"""Runs a command several times; prints the median wall time (s) and the median peak RSS (MiB).

Usage: bench_run.py RUNS [--before SHELL] -- COMMAND...
  --before SHELL  a shell command run before each timed run, untimed (e.g. to reset a database)
Output (one line, key=value): median_s=... min_s=... max_s=... rss_mib=...
"""
import os
import resource
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


def main():
    args = sys.argv[1:]
    runs = int(args.pop(0))
    before = None
    if args and args[0] == "--before":
        before = args[1]
        args = args[2:]
    if args and args[0] == "--":
        args = args[1:]
    times, rss = [], []
    for _ in range(runs):
        if before:
            subprocess.run(before, shell=True, check=True)
        elapsed, peak, code = run_once(args)
        if code not in (0, 3):
            sys.exit(f"bench_run: {' '.join(args)} exited {code}")
        times.append(elapsed)
        rss.append(peak)
    print(f"median_s={statistics.median(times):.3f} min_s={min(times):.3f} max_s={max(times):.3f} "
          f"rss_mib={statistics.median(rss):.1f}")


if __name__ == "__main__":
    main()
