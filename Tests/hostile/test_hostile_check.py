"""`embedsmith check` on folders and pages from an untrusted pull request ends, in bounded time
and memory, with located diagnostics: link loops, a FIFO named *.html, pages gumbo would parse
in quadratic time. Each runs the tool as a child process with a timeout, because on the old code
these hung (two loop links walked exponentially, open() on a FIFO blocked, 1,000,000 nested
<div>s never finished); a hang must fail the test, not the test run.

Limits are hang guards for a loaded 2-core machine and a debug build, not speed goals: those
are in bench/check-hostile-bench."""
import os
import pathlib
import subprocess
import time

import pytest

import measured_child

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = ROOT / ".build" / "debug" / "embedsmith"
HANG_S = int(os.environ.get("EMBEDSMITH_HANG_S", "120"))
LIMIT_MB = 600
PAGE = "<!doctype html><title>x</title><p>hello</p>\n"
FRAME = '<iframe title="t" src="https://evil.example/" sandbox="allow-scripts allow-same-origin"></iframe>'


def run_check(cwd, *args):
    """Exit code and stderr of `embedsmith check ARGS`."""
    with open(cwd / "stderr.txt", "wb") as err:
        child = subprocess.Popen([str(BINARY), "check", "--jobs", "2", *args], cwd=cwd,
                                 stdout=subprocess.DEVNULL, stderr=err)
        try:
            child.wait(timeout=HANG_S)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
            pytest.fail(f"embedsmith check {' '.join(args)} did not finish in {HANG_S} s")
    return child.returncode, (cwd / "stderr.txt").read_text(errors="replace")


def peak_rss_mb(cwd, *args):
    """Peak RSS of a check run, from the kernel's accounting of the child (wait4, measured_child.py)."""
    status, rss, _, timed_out = measured_child.run([BINARY, "check", "--jobs", "2", *args], cwd, cwd / "rss-stderr.txt", HANG_S)
    if timed_out:
        pytest.fail(f"embedsmith check {' '.join(args)} did not finish in {HANG_S} s")
    return status, rss


needs_binary = pytest.mark.skipif(not BINARY.exists(), reason="build the tool first (make build)")


@needs_binary
def test_two_loop_links_end_and_each_page_is_checked_once(tmp_path):
    site = tmp_path / "site"
    (site / "sub").mkdir(parents=True)
    (site / "index.html").write_text(PAGE)
    (site / "sub" / "page.html").write_text(PAGE)
    os.symlink(".", site / "a")
    os.symlink(".", site / "b")
    os.symlink("..", site / "sub" / "up")
    code, stderr = run_check(tmp_path, "site")
    assert "checked 2 files" in stderr, stderr[-2000:]
    assert code == 1, stderr[-2000:]          # csp-present on both pages; nothing unreadable


@needs_binary
def test_a_fifo_named_html_is_reported_not_opened(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(PAGE)
    os.mkfifo(site / "pipe.html")
    code, stderr = run_check(tmp_path, "site")
    assert "site/pipe.html:1:1: error: is a named pipe (FIFO), not a regular file; it was not opened [input-not-a-file]" in stderr, stderr
    assert code == 65, stderr
    code, stderr = run_check(tmp_path, "site/pipe.html")
    assert "[input-not-a-file]" in stderr and code == 65, stderr


@needs_binary
def test_a_link_out_of_the_folder_is_not_read(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(PAGE)
    os.symlink("/proc/self/environ", site / "env.html")
    code, stderr = run_check(tmp_path, "site")
    assert "site/env.html:1:1: error: link leads out of the folder being checked; its target is not checked [input-link-outside]" in stderr, stderr
    assert code == 65, stderr


HOSTILE_PAGES = {
    "1000000-nested-divs": "<!doctype html><title>x</title>" + "<div>" * 1_000_000 + FRAME,
    "200000-attributes": "<!doctype html><title>x</title><div " + " ".join(f"a{i}" for i in range(200_000)) + ">" + FRAME,
    "100000-html-tags-with-attributes": "<!doctype html><title>x</title>" + "".join(f"<html a{i}>" for i in range(100_000)),
    # Raw text gumbo may not honour inside <svg>: the pass reads it as markup, and must not
    # search the same bytes again for every `</style` it stops at.
    "200000-cut-skips-in-svg": "<!doctype html><title>x</title><svg><style>" + '<a title="</style><!--</style>' * 200_000
                               + "<div>" * 1_000,
    "formatting-elements-re-created": "<!doctype html><title>x</title><div>" + "".join(f"<b id={i}>" for i in range(200))
                                      + "</div>" + "<div>x</div>" * 100_000,
}


@needs_binary
@pytest.mark.parametrize("name", sorted(HOSTILE_PAGES))
def test_a_page_gumbo_would_parse_in_quadratic_time_is_refused_located(tmp_path, name):
    (tmp_path / "page.html").write_text(HOSTILE_PAGES[name])
    code, stderr = run_check(tmp_path, "page.html")
    assert code == 65, stderr[-2000:]
    assert "page.html:1:" in stderr and "[input-too-complex]" in stderr, stderr[-2000:]
    code, mb = peak_rss_mb(tmp_path, "page.html")
    assert code == 65 and mb < LIMIT_MB, f"{name}: peak RSS {mb:.0f} MB"
