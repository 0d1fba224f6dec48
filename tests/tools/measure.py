"""Measuring a run of a command, for the batch tests and the benchmarks."""
import subprocess


def peak_rss_mb(cmd):
    """Peak RSS of one run of cmd, in MB, as GNU time reports it (the
    child's own: a getrusage from Python would count the interpreter the
    child was forked from)."""
    out = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         text=True, check=False)
    return int(out.stderr.strip().splitlines()[-1]) / 1024
