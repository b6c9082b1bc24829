"""The site benchmark's corpus generator (bench/make-site-corpus.py) writes what the benchmark says
it measures: N tenants x M pages of ~300-word Markdown with every listed feature, components in
tenant configs and pages, the same pages mirrored as a Hugo site, and the same bytes for the same seed.
Runs on a small corpus in well under a second."""
import hashlib
import importlib.util
import os
import pathlib
import re
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
GENERATOR = ROOT / "bench" / "make-site-corpus.py"
TENANTS, PAGES, SEED = 9, 5, 7

spec = importlib.util.spec_from_file_location("make_site_corpus", GENERATOR)
corpus = importlib.util.module_from_spec(spec)
spec.loader.exec_module(corpus)


def generate(out, tenants=TENANTS, pages=PAGES, seed=SEED):
    subprocess.run([sys.executable, str(GENERATOR), "--tenants", str(tenants), "--pages", str(pages),
                    "--seed", str(seed), "--out", str(out)], check=True)
    return out / "embedsmith", out / "hugo"


def tree_digest(folder):
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("corpus"))


def es_pages(es):
    return sorted((es / "content").glob("*/*.md"))


def test_tenant_and_page_counts(site):
    es, _ = site
    tenants = sorted(p.name for p in (es / "content").iterdir())
    assert tenants == [f"t{t:04d}" for t in range(TENANTS)]
    for t in tenants:
        names = sorted(p.name for p in (es / "content" / t).glob("*.md"))
        assert names == sorted(["index.md"] + [f"page{p}.md" for p in range(1, PAGES)])
        assert (es / "content" / t / "tenant.yaml").is_file()
    assert len(es_pages(es)) == TENANTS * PAGES
    assert (es / "templates" / "partials" / "footer.mustache").is_file()


def test_words_per_page_in_range(site):
    es, hugo = site
    for page in es_pages(es) + sorted((hugo / "content").glob("*/*.md")):
        n = corpus.words(page.read_text())
        assert 250 <= n <= 350, f"{page}: {n} words"
    counts = [corpus.words(p.read_text()) for p in es_pages(es)]
    assert 280 <= sum(counts) / len(counts) <= 320


def test_every_page_has_the_markdown_features(site):
    es, hugo = site
    for page in es_pages(es) + sorted((hugo / "content").glob("*/*.md")):
        front, body = corpus.split_front_matter(page.read_text())
        assert re.search(r"(?m)^title: \S", front) and re.search(r"(?m)^description: \S", front), page
        assert re.search(r"(?m)^toc: true$", front), page
        for name, pattern in corpus.FEATURES.items():
            assert re.search(pattern, body), f"{page}: no {name}"
        assert len(re.findall(r"(?m)^## \S", body)) == 2 and len(re.findall(r"(?m)^### \S", body)) == 1, page


def test_components_in_pages_and_configs(site):
    es, _ = site
    kinds = {"quick-invitation": 0, "room-link": 0}
    agent_pages = []
    for page in es_pages(es):
        text = page.read_text()
        blocks = re.findall(r"(?m)^```embed ([\w-]+)$", text)
        assert blocks, f"{page}: no embed block"
        for kind in blocks:
            kinds[kind] += 1
        if page.name == "index.md":
            assert set(blocks) == {"quick-invitation", "room-link"}
        if re.search(r"(?m)^layout: agent$", text):
            agent_pages.append(page.parent.name)
    assert kinds["quick-invitation"] >= TENANTS and kinds["room-link"] >= TENANTS
    assert agent_pages == [f"t{t:04d}" for t in range(TENANTS) if t % 4 == 1]
    for config in sorted((es / "content").glob("*/tenant.yaml")):
        text = config.read_text()
        for key in ("baseURL: https://", "serviceKey: ", "webAgent:", "apiKey: ", "host: apizee.", "frameAncestors:"):
            assert key in text, f"{config}: no {key}"


def test_hugo_mirror_has_the_same_pages(site):
    es, hugo = site
    hugo_pages = sorted((hugo / "content").glob("*/*.md"))
    assert len(hugo_pages) == len(es_pages(es)) == TENANTS * PAGES
    for t in range(TENANTS):
        folder = hugo / "content" / f"t{t:04d}"
        assert sorted(p.name for p in folder.glob("*.md")) == sorted(["_index.md"] + [f"page{p}.md" for p in range(1, PAGES)])
    for page in hugo_pages:
        text = page.read_text()
        assert "```embed" not in text and "{{<" not in text and "{{%" not in text, f"{page}: embed block or shortcode"
    # The prose is the same Markdown: only the embed blocks (links in Hugo) and internal link targets differ.
    for es_page in es_pages(es):
        hugo_page = hugo / "content" / es_page.parent.name / ("_index.md" if es_page.name == "index.md" else es_page.name)
        strip = lambda s: re.sub(r"\]\([^)]*\)", "]()", re.sub(r"(?ms)^```embed .*?^```$|^\[(Call|Join) .*$", "", corpus.split_front_matter(s)[1])).strip()
        assert strip(es_page.read_text()) == strip(hugo_page.read_text()), es_page
    for layout in ("_default/single.html", "_default/list.html"):
        text = (hugo / "layouts" / layout).read_text()
        for use in (".Content", ".TableOfContents", ".WordCount"):
            assert use in text, f"{layout}: no {use}"
    assert ".PrevInSection" in (hugo / "layouts/_default/single.html").read_text()
    assert ".Summary" in (hugo / "layouts/_default/list.html").read_text()
    assert "codeFences = false" in (hugo / "hugo.toml").read_text()


def test_same_seed_same_bytes(site, tmp_path):
    es, hugo = site
    again_es, again_hugo = generate(tmp_path / "again")
    assert tree_digest(again_es) == tree_digest(es) and tree_digest(again_hugo) == tree_digest(hugo)
    other_es, _ = generate(tmp_path / "other", seed=SEED + 1)
    assert tree_digest(other_es) != tree_digest(es)
