"""`build --shard K/N` splits tenants as the published jump consistent hash (Lamport and Veach,
2014) of the first 8 bytes of SHA-256(tenant id) does, computed here independently of the Swift
code: what docs/architecture.md and the README promise, and what a script planning shards can
rely on."""

import hashlib
import json
import subprocess

from test_shard_recipes import BINARY


def jump(key, buckets):
    bucket, following = -1, 0
    while following < buckets:
        bucket = following
        key = (key * 2862933555777941757 + 1) % (1 << 64)
        following = int((bucket + 1) * (float(1 << 31) / float((key >> 33) + 1)))
    return bucket


def reference_shard(tenant, count):
    return jump(int(hashlib.sha256(tenant.encode()).hexdigest()[:16], 16), count) + 1


def test_shards_hold_the_tenants_the_reference_gives_them(tmp_path):
    tenants = [f"t{i}" for i in range(25)] + [f"shop-{i}-eu" for i in range(15)]
    for tenant in tenants:
        folder = tmp_path / "project" / "content" / tenant
        folder.mkdir(parents=True)
        (folder / "tenant.yaml").write_text(f"name: {tenant}\nbaseURL: https://{tenant}.example/\n")
        (folder / "index.md").write_text("---\ntitle: Home\n---\nHello.\n")
    for count in (2, 3, 7):
        for index in range(1, count + 1):
            out = tmp_path / f"n{count}-{index}"
            result = subprocess.run([str(BINARY), "build", "--quiet", "--shard", f"{index}/{count}", "--out", str(out)],
                                    cwd=tmp_path / "project", capture_output=True, text=True, timeout=120)
            assert result.returncode == 0, result.stderr
            manifest = json.loads((out / ".embedsmith" / "manifest.json").read_text())
            assert manifest["shard"] == f"{index}/{count}"
            expected = sorted(t for t in tenants if reference_shard(t, count) == index)
            assert sorted(manifest["tenants"]) == expected, f"shard {index}/{count}"
