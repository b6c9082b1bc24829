"""The README's sharding recipes (GitHub Actions matrix, GitLab parallel jobs, Kubernetes Indexed
Job) are parsed, checked for the structure their engine needs, and then played: each job's
commands run with the variables its engine would set (the matrix value, CI_NODE_INDEX,
JOB_COMPLETION_INDEX), the artifacts or the shared volume carried between jobs as the engine
carries them, and the merged site must equal one `embedsmith build` of the same project, byte for
byte. A recipe with 0-based arithmetic off by one, a lost hidden manifest or a merge that misses a
shard fails here.

kubectl is not used: Debian 12's kubernetes-client (1.20) and any kubectl validate a manifest
only against a cluster's OpenAPI document; without a cluster, `--dry-run=client` parses YAML,
which this test does too.
"""

import fnmatch
import os
import pathlib
import re
import shutil
import subprocess

import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("EMBEDSMITH_BIN", ROOT / ".build" / "debug" / "embedsmith"))
SECTION = "## Building on several machines"
# A hang guard, not a speed goal: a debug build of the sample takes well under a second.
TIMEOUT = 120


def recipe_blocks():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(SECTION)
    end = text.find("\n## ", start + len(SECTION))
    section = text[start:end if end >= 0 else len(text)]
    return re.findall(r"```yaml\n(.*?)```", section, flags=re.S)


def recipe(predicate):
    found = [block for block in recipe_blocks() if predicate(block)]
    assert len(found) == 1, f"expected one such recipe in README's '{SECTION}', found {len(found)}"
    return found[0]


@pytest.fixture(scope="module")
def tool_path(tmp_path_factory):
    """A PATH on which `embedsmith` is the binary under test (the recipes call it by name)."""
    assert BINARY.is_file(), f"build the tool first: {BINARY} is missing (swift build)"
    bin_dir = tmp_path_factory.mktemp("bin")
    (bin_dir / "embedsmith").symlink_to(BINARY)
    return f"{bin_dir}:{os.environ.get('PATH', '/usr/bin:/bin')}"


def checkout(into):
    """A fresh checkout of the sample project, as a CI job or a volume holds it."""
    into.mkdir(parents=True)
    shutil.copytree(ROOT / "content", into / "content")
    if (ROOT / "templates").is_dir():
        shutil.copytree(ROOT / "templates", into / "templates")
    if (ROOT / "embedsmith.yaml").is_file():
        shutil.copy(ROOT / "embedsmith.yaml", into / "embedsmith.yaml")
    return into


def snapshot(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def single_build(tmp_path_factory, tool_path):
    project = checkout(tmp_path_factory.mktemp("single") / "project")
    run_shell("embedsmith build --quiet --out site", project, tool_path)
    files = snapshot(project / "site")
    assert ".embedsmith/manifest.json" in files and len(files) > 20
    return files


def run_shell(command, cwd, tool_path, env=None):
    run(["sh", "-e", "-c", command], cwd, tool_path, env)


def run(argv, cwd, tool_path, env=None):
    full_env = {"PATH": tool_path, "HOME": str(cwd), **(env or {})}
    result = subprocess.run(argv, cwd=cwd, env=full_env, capture_output=True, text=True, timeout=TIMEOUT)
    assert result.returncode == 0, f"{argv} in {cwd} exited {result.returncode}:\n{result.stdout}\n{result.stderr}"


def copy_tree(source, destination, include_hidden=True):
    def ignore(_folder, names):
        return [] if include_hidden else [n for n in names if n.startswith(".")]
    shutil.copytree(source, destination, ignore=ignore, dirs_exist_ok=True)


def expect_merged_site(site, single_build):
    assert site.is_dir(), f"the recipe wrote no merged site at {site}"
    files = snapshot(site)
    assert sorted(files) == sorted(single_build)
    assert files == single_build, "the merged site differs from a single build"


# GitHub Actions ------------------------------------------------------------------------------

def test_github_actions_matrix(tmp_path, tool_path, single_build):
    doc = yaml.safe_load(recipe(lambda b: "runs-on:" in b))
    assert doc.get("on", doc.get(True)), "no trigger"   # YAML 1.1 reads the key `on` as true
    jobs = doc["jobs"]
    shard_name, shard_job = next((n, j) for n, j in jobs.items() if "strategy" in j)
    merge_name, merge_job = next((n, j) for n, j in jobs.items() if n != shard_name)
    assert shard_name in ([merge_job["needs"]] if isinstance(merge_job["needs"], str) else merge_job["needs"])
    for job in (shard_job, merge_job):
        assert isinstance(job["runs-on"], str) and job["steps"]
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), f"a step runs or uses, not both or neither: {step}"

    shards = shard_job["strategy"]["matrix"]["shard"]
    assert shards == list(range(1, len(shards) + 1)) and 2 <= len(shards) <= 256, "K from 1 to N, at most 256 jobs"
    uploads = [s for s in shard_job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@")]
    downloads = [s for s in merge_job["steps"] if s.get("uses", "").startswith("actions/download-artifact@")]
    assert len(uploads) == 1 and len(downloads) == 1
    upload, download = uploads[0]["with"], downloads[0]["with"]
    assert upload.get("include-hidden-files") is True, "without it the shard's .embedsmith/manifest.json is not uploaded"
    assert "merge-multiple" not in download, "each shard must keep its own folder"
    assert shard_job["steps"][0]["uses"].startswith("actions/checkout@")

    def expand(text, shard):
        text = text.replace("${{ matrix.shard }}", str(shard)).replace("${{ strategy.job-total }}", str(len(shards)))
        assert "${{" not in text, f"an expression this test does not know: {text}"
        return text

    merge_dir = tmp_path / "merge-job"
    merge_dir.mkdir()
    for shard in shards:
        job_dir = checkout(tmp_path / f"shard-job-{shard}")
        for step in shard_job["steps"]:
            if "run" in step:
                run_shell(expand(step["run"], shard), job_dir, tool_path)
        name = expand(upload["name"], shard)
        assert fnmatch.fnmatch(name, download["pattern"]), f"artifact {name} is not downloaded by {download['pattern']}"
        # download-artifact puts each matched artifact in <path>/<name>/.
        copy_tree(job_dir / upload["path"], merge_dir / download["path"] / name, include_hidden=upload["include-hidden-files"])
    for step in merge_job["steps"]:
        if "run" in step:
            run_shell(expand(step["run"], 0), merge_dir, tool_path)
    published = [s["with"] for s in merge_job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert published and published[-1].get("include-hidden-files") is True
    expect_merged_site(merge_dir / published[-1]["path"], single_build)


# GitLab CI -----------------------------------------------------------------------------------

def test_gitlab_parallel_jobs(tmp_path, tool_path, single_build):
    doc = yaml.safe_load(recipe(lambda b: "parallel:" in b))
    shard_name, shard_job = next((n, j) for n, j in doc.items() if "parallel" in j)
    merge_name, merge_job = next((n, j) for n, j in doc.items() if n != shard_name)
    count = shard_job["parallel"]
    assert isinstance(count, int) and 2 <= count <= 200, "GitLab runs 2 to 200 parallel jobs"
    assert shard_name in merge_job["needs"], "the merge must wait for (and fetch the artifacts of) every shard job"
    for job in (shard_job, merge_job):
        assert all(isinstance(line, str) for line in job["script"]) and job["artifacts"]["paths"]

    merge_dir = tmp_path / "merge-job"
    merge_dir.mkdir()
    for index in range(1, count + 1):
        job_dir = checkout(tmp_path / f"shard-job-{index}")
        env = {"CI_NODE_INDEX": str(index), "CI_NODE_TOTAL": str(count)}
        for line in shard_job["script"]:
            run_shell(line, job_dir, tool_path, env)
        for path in shard_job["artifacts"]["paths"]:
            # Artifacts keep their paths and hidden files; every job's are extracted into the merge job's checkout.
            assert "$" not in path, "keep artifact paths literal"
            copy_tree(job_dir / path, merge_dir / path)
    for line in merge_job["script"]:
        run_shell(line, merge_dir, tool_path, {"CI_NODE_TOTAL": "1"})
    expect_merged_site(merge_dir / merge_job["artifacts"]["paths"][0], single_build)


# Kubernetes ----------------------------------------------------------------------------------

DNS_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")


def check_job(doc):
    assert doc["apiVersion"] == "batch/v1" and doc["kind"] == "Job"
    name = doc["metadata"]["name"]
    assert DNS_LABEL.match(name) and len(name) <= 63, f"Job name {name!r}: a DNS label (it becomes a pod label)"
    pod = doc["spec"]["template"]["spec"]
    assert pod["restartPolicy"] in ("Never", "OnFailure"), "a Job's pods may not restart Always"
    volumes = {v["name"]: v for v in pod.get("volumes", [])}
    for container in pod["containers"]:
        assert DNS_LABEL.match(container["name"]) and container["image"]
        assert all(isinstance(a, str) for a in container["command"])
        for env in container.get("env", []):
            assert isinstance(env["value"], str), f"env {env['name']}: values are strings in Kubernetes"
        for mount in container.get("volumeMounts", []):
            assert mount["name"] in volumes, f"mount {mount['name']} has no volume"
            assert mount["mountPath"].startswith("/")
    return pod


def test_kubernetes_indexed_job(tmp_path, tool_path, single_build):
    docs = [d for d in yaml.safe_load_all(recipe(lambda b: "kind: Job" in b)) if d]
    assert len(docs) == 2
    shards, merge = docs
    shard_pod, merge_pod = check_job(shards), check_job(merge)
    spec = shards["spec"]
    assert spec["completionMode"] == "Indexed"
    count = spec["completions"]
    assert isinstance(count, int) and 1 <= count <= 100_000 and 1 <= spec["parallelism"] <= count
    assert merge["spec"].get("completionMode", "NonIndexed") == "NonIndexed" and merge["spec"].get("completions", 1) == 1
    (builder,), (merger,) = shard_pod["containers"], merge_pod["containers"]
    env = {e["name"]: e["value"] for e in builder.get("env", [])}
    assert env.get("SHARDS") == str(count), "SHARDS must equal completions"
    # Both Jobs see the same files: the same claim, mounted where each works.
    claims = [{v["persistentVolumeClaim"]["claimName"] for v in pod["volumes"]} for pod in (shard_pod, merge_pod)]
    assert claims[0] == claims[1]
    assert builder["workingDir"] == merger["workingDir"]
    assert any(builder["workingDir"] == m["mountPath"] for m in builder["volumeMounts"])

    volume = checkout(tmp_path / "volume")   # the ReadWriteMany volume, the project on it
    for index in range(count):   # the Job controller's 0-based completion indexes
        run(builder["command"], volume, tool_path, {**env, "JOB_COMPLETION_INDEX": str(index)})
    run(merger["command"], volume, tool_path, {e["name"]: e["value"] for e in merger.get("env", [])})
    expect_merged_site(volume / "site", single_build)


def test_every_recipe_is_checked():
    blocks = recipe_blocks()
    assert len(blocks) == 3, "a new recipe in the section needs its test here"
