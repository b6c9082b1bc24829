"""Runs a command as a child and reports its own peak RSS, without the test runner's.

Linux keeps a process's peak RSS across exec, and a child spawned straight from pytest (vfork)
starts with pytest's own peak: a test run that had built big pages in memory made a 30 MB build
read as 67 MB. So the command is started from a small intermediate Python process, which forks it
(the child's peak then starts at that process's ~10 MB), waits, kills it after the hang guard,
and prints wait4's figures as JSON."""
import json
import os
import signal
import subprocess
import sys
import time


def run(argv, cwd, stderr_path, timeout_s, env=None):
    """(exit status, peak RSS in MB, seconds, timed out) of `argv` run in `cwd`, stderr to a file."""
    done = subprocess.run([sys.executable, __file__, str(timeout_s), str(stderr_path), *map(str, argv)],
                          cwd=cwd, env=env, capture_output=True, text=True, check=True)
    result = json.loads(done.stdout)
    return result["status"], result["maxrss_kb"] / 1024, result["seconds"], result["timed_out"]


def main():
    timeout_s, stderr_path, argv = float(sys.argv[1]), sys.argv[2], sys.argv[3:]
    start = time.monotonic()
    err = os.open(stderr_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    devnull = os.open(os.devnull, os.O_RDWR)
    pid = os.fork()
    if pid == 0:
        os.dup2(devnull, 0)
        os.dup2(devnull, 1)
        os.dup2(err, 2)
        try:
            os.execv(argv[0], argv)
        finally:
            os._exit(127)
    timed_out = False
    while True:
        found, status, usage = os.wait4(pid, os.WNOHANG)
        if found:
            break
        if time.monotonic() - start > timeout_s:
            os.kill(pid, signal.SIGKILL)
            _, status, usage = os.wait4(pid, 0)
            timed_out = True
            break
        time.sleep(0.02)
    print(json.dumps({"status": os.waitstatus_to_exitcode(status), "maxrss_kb": usage.ru_maxrss,
                      "seconds": time.monotonic() - start, "timed_out": timed_out}))


if __name__ == "__main__":
    main()
