"""A hostile tenant's file system, against the real binary in a child process: links out of the
tenant folder and loops, FIFOs, sparse files of gigabytes, and output folders that are not
embedsmith's. Each build must end (a generous hang guard kills it otherwise), fail with a
located, coded error and exit 65 (or the documented code), publish nothing, and stay within a
small memory bound (the kernel's wait4 accounting, as test_bounded_memory.py measures it)."""
import fcntl
import os
import pathlib
import subprocess

import pytest

import measured_child

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = ROOT / ".build" / "debug" / "embedsmith"
TENANT = "name: Acme\nbaseURL: https://support.acme.example/\n"
PAGE = "---\ntitle: Home\n---\nHello\n"
HANG_GUARD_S = 60   # only catches hangs; a loaded 2-core machine needs the headroom
LIMIT_MB = 60       # the tool itself takes about 30 MB; a file read whole would be far above
ASSET_LIMIT = 50 << 20

pytestmark = pytest.mark.skipif(not BINARY.exists(), reason="build the tool first (make build)")


def project(tmp_path, files=None):
    files = {"content/acme/tenant.yaml": TENANT, "content/acme/index.md": PAGE, **(files or {})}
    for path, text in files.items():
        file = tmp_path / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text)
    return tmp_path / "content" / "acme"


def build(tmp_path, *extra, env=None):
    """Runs `embedsmith build` in tmp_path: (exit status, stderr, peak RSS in MB, seconds)."""
    status, rss, seconds, timed_out = measured_child.run([BINARY, "build", "--quiet", "--jobs", "2", *extra], tmp_path,
                                                         tmp_path / "stderr", HANG_GUARD_S, env=env)
    if timed_out:
        pytest.fail(f"the build hung (killed after {HANG_GUARD_S} s)")
    return status, (tmp_path / "stderr").read_text(errors="replace"), rss, seconds


def refused(tmp_path, expected_lines, *extra, env=None):
    status, stderr, rss, _ = build(tmp_path, *extra, env=env)
    assert status == 65, stderr[-3000:]
    for line in expected_lines:
        assert line in stderr, stderr[-3000:]
    assert not (tmp_path / "site").exists(), "something was published"
    assert rss < LIMIT_MB, f"peak RSS {rss:.0f} MB"
    return stderr


def link_error(path):
    name = path.rsplit("/", 1)[-1]
    return (f"content/acme/{path}:1:1: error: '{name}' is a symbolic link; a tenant's files must be regular files and "
            "folders inside its own folder, and links are never followed [content-symlink]")


def test_link_to_proc_self_environ_publishes_nothing_and_quotes_nothing(tmp_path):
    tenant = project(tmp_path)
    (tenant / "assets").mkdir()
    (tenant / "assets" / "env.txt").symlink_to("/proc/self/environ")
    (tenant / "assets" / "passwd").symlink_to("/etc/passwd")
    env = {**os.environ, "CI_DEPLOY_TOKEN": "hunter2-do-not-publish"}
    stderr = refused(tmp_path, [link_error("assets/env.txt"), link_error("assets/passwd")], env=env)
    assert "hunter2" not in stderr and "root:" not in stderr


def test_tenant_yaml_link_to_etc_passwd_is_not_quoted(tmp_path):
    tenant = project(tmp_path)
    (tenant / "tenant.yaml").unlink()
    (tenant / "tenant.yaml").symlink_to("/etc/passwd")
    stderr = refused(tmp_path, [link_error("tenant.yaml")])
    assert "root:" not in stderr


def test_loop_links_end_fast_in_bounded_memory(tmp_path):
    tenant = project(tmp_path)
    (tenant / "a").symlink_to(".")
    (tenant / "b").symlink_to(".")
    (tenant / "assets").mkdir()
    (tenant / "assets" / "up").symlink_to("..")
    refused(tmp_path, [link_error("a"), link_error("b"), link_error("assets/up")])


@pytest.mark.parametrize("path", ["assets/pipe.png", "stuck.md", "tenant.yaml"])
def test_fifo_never_blocks_the_build(tmp_path, path):
    tenant = project(tmp_path)
    fifo = tenant / path
    fifo.parent.mkdir(parents=True, exist_ok=True)
    if fifo.exists():
        fifo.unlink()
    os.mkfifo(fifo)
    name = path.rsplit("/", 1)[-1]
    refused(tmp_path, [f"content/acme/{path}:1:1: error: '{name}' is a FIFO; only regular files and folders are read [content-special-file]"])


def test_sparse_2GB_asset_is_refused_from_its_size(tmp_path):
    tenant = project(tmp_path)
    (tenant / "assets").mkdir()
    (tenant / "assets" / "big.bin").touch()
    os.truncate(tenant / "assets" / "big.bin", 2 << 30)
    refused(tmp_path, ["content/acme/assets/big.bin:1:1: error: the asset is 2147483648 bytes; the limit is 52428800 bytes "
                       "(build.limits.assetBytes) [content-too-large]"])


def test_sparse_2GB_page_is_refused_from_its_size(tmp_path):
    tenant = project(tmp_path)
    (tenant / "huge.md").touch()
    os.truncate(tenant / "huge.md", 2 << 30)
    refused(tmp_path, ["content/acme/huge.md:1:1: error: file is 2147483648 bytes; the limit is 1048576 bytes [input-too-large]"])


def test_asset_just_under_the_limit_streams_in_bounded_memory(tmp_path):
    tenant = project(tmp_path)
    (tenant / "assets").mkdir()
    (tenant / "assets" / "big.bin").touch()
    os.truncate(tenant / "assets" / "big.bin", ASSET_LIMIT - 1)
    status, stderr, rss, _ = build(tmp_path)
    assert status == 0, stderr[-3000:]
    assert (tmp_path / "site" / "acme" / "assets" / "big.bin").stat().st_size == ASSET_LIMIT - 1
    assert rss < LIMIT_MB, f"peak RSS {rss:.0f} MB for a {ASSET_LIMIT >> 20} MiB asset"


def test_out_naming_a_regular_file_is_refused_and_left_alone(tmp_path):
    project(tmp_path)
    (tmp_path / "notes.txt").write_text("the operator's notes\n")
    status, stderr, _, _ = build(tmp_path, "--out", "notes.txt")
    assert status == 64, stderr
    assert "exists and is not a folder; refusing to replace it [output-not-site]" in stderr
    assert (tmp_path / "notes.txt").read_text() == "the operator's notes\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "notes.txt", "stderr"]


def test_a_second_spelling_of_the_output_finds_the_lock_taken(tmp_path):
    project(tmp_path)
    (tmp_path / "site").mkdir()
    (tmp_path / "site-link").symlink_to("site")
    # A build in progress on "site" holds .site.lock beside it; a build through the link must see it.
    with open(tmp_path / ".site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        status, stderr, _, _ = build(tmp_path, "--out", "site-link")
    assert status == 74, stderr
    assert "[output-busy]" in stderr
    assert not (tmp_path / "site" / "acme").exists()


@pytest.mark.skipif(os.geteuid() != 0 or not pathlib.Path("/usr/bin/setpriv").exists(),
                    reason="needs root and setpriv to run the build as an unprivileged user (root reads any folder)")
def test_unreadable_sub_folder_and_page_name_the_tenant_and_the_file(tmp_path):
    # Root is never refused a read, so the build runs as nobody on a project nobody owns,
    # with one folder and one page it may not read (it failed with "cannot read content/").
    import tempfile
    base = pathlib.Path(tempfile.mkdtemp(prefix="embedsmith-unreadable-", dir="/tmp"))
    try:
        tenant = project(base, {"content/acme/sub/page.md": PAGE, "content/acme/secret.md": PAGE})
        for path in [base, *base.rglob("*")]:
            os.chown(path, 65534, 65534)
        os.chmod(base, 0o755)
        os.chmod(tenant / "sub", 0)
        os.chmod(tenant / "secret.md", 0)
        result = subprocess.run(["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                                 str(BINARY), "build", "--quiet"], cwd=base, capture_output=True, text=True, timeout=HANG_GUARD_S)
        assert result.returncode == 65, result.stderr
        assert "content/acme/sub:1:1: error: cannot read the folder: Permission denied [content-unreadable]" in result.stderr
        assert "content/acme/secret.md:1:1: error: cannot read page: Permission denied [content-unreadable]" in result.stderr
        assert not (base / "site").exists()
    finally:
        subprocess.run(["rm", "-rf", str(base)], check=False)
