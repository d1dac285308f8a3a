# Ascend: two commands on a fresh machine.
#   make run    install what is missing, build, serve http://127.0.0.1:8080
#   make test   install what the tests need, run every test level and lint
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := run

# Tools that install-tools.sh puts in place: cargo's bin and npm's wasm-opt.
export PATH := $(CURDIR)/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)
export CARGO_TERM_COLOR ?= never

FRONT_END_SOURCES := $(shell find src style public types/src -type f) \
	index.html job.html embed.html Trunk.toml Cargo.toml Cargo.lock types/Cargo.toml scripts/compress-dist.mjs scripts/bundle-css.mjs \
	.cargo/config.toml

.PHONY: run test tools test-tools lint test-native test-browser test-e2e budget budget-embed lighthouse server-release server-debug screenshots sizes bench clean

## Build and serve the site with demo data on an embedded SQLite database.
run: tools dist/index.html server-release
	@echo "==> Serving Ascend on http://$${ASCEND_ADDR:-127.0.0.1:8080}"
	target/release/ascend-server --demo-data true

## Every test level, then the lints.
test: test-tools
	@$(MAKE) --no-print-directory lint test-native test-browser test-e2e
	@echo "==> All test levels passed"

tools:
	@scripts/install-tools.sh build

test-tools:
	@scripts/install-tools.sh test

# The front end, rebuilt only when one of its sources changed. `run` and
# `test` install the tools first; doing it here too ran the installer twice.
# Trunk builds one HTML target per run and empties its dist folder, so the
# job page's own entry point (job.html) and the embeddable widget
# (embed.html) are built after the app, into dist/job/ and dist/widget/.
# The released wasm names no path of the machine that built it: panic
# locations say `index.crates.io-.../tachys-0.2.19/src/...` and `src/...`.
# (These flags replace .cargo/config.toml's for the wasm target, so they
# repeat its `erase_components`.)
CARGO_DIR := $(or $(CARGO_HOME),$(HOME)/.cargo)
RELEASE_WASM := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components \
	--remap-path-prefix=$(CARGO_DIR)/registry/src/= --remap-path-prefix=$(CURDIR)/="

dist/index.html: $(FRONT_END_SOURCES)
	@echo "==> Building the front end (trunk, release)"
	$(RELEASE_WASM) trunk build --release
	@echo "==> Building the job page's own entry point (trunk, release)"
	$(RELEASE_WASM) trunk build job.html --release --dist dist/job --public-url /job/
	@echo "==> Building the embeddable job widget (trunk, release)"
	$(RELEASE_WASM) trunk build embed.html --release --dist dist/widget --public-url /widget/
	@touch $@

server-release:
	@echo "==> Building ascend-server (release)"
	cargo build --release -p ascend-server

# The same build as the native tests (dev-dependency features included), so
# the end-to-end run reuses it instead of compiling the server again.
server-debug:
	cargo test --workspace --no-run

lint:
	@echo "==> Lint: rustfmt"
	cargo fmt --all --check
	@echo "==> Lint: clippy (native)"
	cargo clippy --workspace --all-targets -- -D warnings
	@echo "==> Lint: clippy (wasm32)"
	cargo clippy -p ascend --target wasm32-unknown-unknown --features hydrate --all-targets -- -D warnings

test-native:
	@echo "==> Native tests"
	cargo test --workspace

test-browser:
	@echo "==> Browser component tests (wasm-bindgen-test, headless Chromium)"
	cargo test -p ascend --target wasm32-unknown-unknown --features hydrate --test components --test job_meta

# The size budgets first: they are checked on the same build.
test-e2e: budget-embed budget
	@echo "==> End-to-end tests (Playwright, Debian's Chromium)"
	scripts/e2e.sh target/debug/ascend-server

## What a first visit to the showcase job transfers, against its 250 KB budget.
budget: dist/index.html server-debug
	@echo "==> Transfer budget of a job page"
	scripts/with-server.sh target/debug/ascend-server node scripts/budget-transfer.mjs

## The embeddable widget's sizes against their budgets (embed.js 5 KB, widget 120 KB, brotli).
budget-embed: dist/index.html
	@echo "==> Size budgets of the embeddable widget"
	scripts/budget-embed.sh dist

## Lighthouse (mobile), 5 runs each on the showcase job and its company page of a release server: scores against targets.
lighthouse: tools dist/index.html server-release
	@echo "==> Lighthouse on the showcase job and its company page"
	scripts/lighthouse.sh target/release/ascend-server

## Screenshots of each page at 390 and 1280 px, light and dark, of a running server.
screenshots:
	node scripts/screenshots.mjs "http://$${ASCEND_ADDR:-127.0.0.1:8080}" target/screenshots

## Sizes of the built front end, raw and compressed.
sizes: dist/index.html
	@scripts/sizes.sh dist

## Throughput and latency of the API under load (wrk) beside nginx; prints figures.
bench:
	@scripts/bench.sh

clean:
	cargo clean
	rm -rf dist
