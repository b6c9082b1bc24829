"""Hostile input is refused in bounded time *and memory*: `embedsmith build` runs as a child
process on generated projects, and the kernel's accounting of that child (wait4 rusage, the
figure `/usr/bin/time -v` prints as maximum resident set size) must stay small.

The in-process Swift tests (HostileGeneratedInputTests, the invalid-input corpus) check the
diagnostics and the time limit; this adds the memory bound they cannot measure."""
import pathlib

import pytest

import measured_child

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = ROOT / ".build" / "debug" / "embedsmith"
TENANT = "name: Acme\nbaseURL: https://support.acme.example/\n"
PAGE = "---\ntitle: Home\n---\nHello\n"
# A page is at most 1 MiB; cmark's tree of a 1 MiB page of raw HTML tags takes about 100 MB, and
# `--jobs 2` parses two pages at a time. The bound depends on --jobs, never on how many tenants,
# pages or errors there are (the six-tenant case shows it).
JOBS = 2
LIMIT_MB = 250
# A hang guard only, generous for a busy 2-core machine: speed goals live in bench/.
LIMIT_S = 120

ALIAS_BOMB = "name: Acme\nbaseURL: https://support.acme.example/\n" + "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]\n" for i in range(1, 10))

CASES = {
    "alias-bomb-in-tenant-yaml": {"content/acme/tenant.yaml": ALIAS_BOMB, "content/acme/index.md": PAGE},
    "10000-nested-flow-sequences": {"content/acme/tenant.yaml": TENANT + "x: " + "[" * 10000 + "]" * 10000 + "\n",
                                    "content/acme/index.md": PAGE},
    "2MB-scalar": {"content/acme/tenant.yaml": TENANT + "x: " + "a" * 2_000_000 + "\n", "content/acme/index.md": PAGE},
    "100000-inline-tags": {"content/acme/tenant.yaml": TENANT,
                           "content/acme/index.md": "---\ntitle: Home\n---\n" + "<b>x</b> " * 100_000 + "\n"},
    "340000-raw-html-tags-in-each-of-six-tenants": {
        **{f"content/t{i}/tenant.yaml": f"name: T{i}\nbaseURL: https://t{i}.example/\n" for i in range(6)},
        **{f"content/t{i}/index.md": "---\ntitle: Home\n---\n" + "<b>" * 340_000 + "\n" for i in range(6)}},
    "20001-keys-in-front-matter": {"content/acme/tenant.yaml": TENANT,
                                   "content/acme/index.md": "---\ntitle: Home\n" + "".join(f"k{i}: v\n" for i in range(20001)) + "---\nHi\n"},
    "5000-embed-blocks": {"content/acme/tenant.yaml": TENANT,
                          "content/acme/index.md": PAGE + "".join("\n```embed nonsense\nx: 1\n```\n" for _ in range(5000))},
}


@pytest.mark.skipif(not BINARY.exists(), reason="build the tool first (make build)")
@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_project_is_refused_in_bounded_time_and_memory(tmp_path, name):
    for path, text in CASES[name].items():
        file = tmp_path / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text)
    status, rss, seconds, timed_out = measured_child.run([BINARY, "build", "--quiet", "--jobs", str(JOBS)], tmp_path,
                                                         tmp_path / "stderr", LIMIT_S)
    assert not timed_out, f"{name}: killed after {LIMIT_S} s"
    stderr = (tmp_path / "stderr").read_text(errors="replace")
    assert status == 65, stderr[-2000:]
    assert " error: " in stderr and "[" in stderr, stderr[-2000:]   # a located, coded diagnostic
    assert not (tmp_path / "site").exists()
    assert rss < LIMIT_MB, f"{name}: peak RSS {rss:.0f} MB"
    assert seconds < LIMIT_S, f"{name}: {seconds:.1f} s"
