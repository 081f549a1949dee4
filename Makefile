# The two commands of the README: `make run` and `make test`. `make bench` measures; it is never part of `make test`.
# `make test-fast` leaves out the suites tagged slow, for a developer iterating; `make test` runs them all.
SWIFT ?= swift
RUNBOOKS ?= runbooks
BUILD_PACKAGES := libncurses-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libcurl4-openssl-dev pkg-config
TEST_PACKAGES := $(BUILD_PACKAGES) tmux bash locales curl prometheus-alertmanager
BENCH_PACKAGES := $(BUILD_PACKAGES) hyperfine cmark-gfm sqlite3 jq bsdutils tmux less time
# How the binaries to install are built, here and by bench/run.sh (which measures what `make release` ships): the
# Swift runtime and Foundation linked in, so the host needs only libncursesw and libcmark-gfm, and startup skips
# resolving thousands of Swift symbols.
RELEASE_FLAGS := -c release --static-swift-stdlib
export RELEASE_FLAGS

.PHONY: run test test-fast format format-check build release release-flags bench deps-build deps-test deps-bench clean

run: deps-build build
	./.build/debug/respond --runbooks $(RUNBOOKS)

build:
	$(SWIFT) build --product respond

# The binary to install on the hosts responders log in to.
release: deps-build
	$(SWIFT) build $(RELEASE_FLAGS) --product respond

# Prints RELEASE_FLAGS, for bench/run.sh run on its own.
release-flags:
	@echo $(RELEASE_FLAGS)

test: deps-test format-check
	$(SWIFT) build --product respond
	$(SWIFT) test

# `swift format` (shipped with the toolchain) decides layout, with the settings in .swift-format; `make test` fails
# on code it would change, and `make format` changes it.
FORMATTED := Sources Tests bench/Sources Package.swift
format:
	$(SWIFT) format format --in-place --recursive --parallel $(FORMATTED)

format-check:
	$(SWIFT) format lint --strict --recursive --parallel $(FORMATTED)

# Every suite but those tagged `.tags(.slow)`: `swift test` filters by test name, so scripts/slow-suites.sh reads the
# tagged suites' names from the sources.
test-fast: deps-test
	$(SWIFT) build --product respond
	skip=$$(scripts/slow-suites.sh) && $(SWIFT) test --skip "$$skip"

bench: deps-bench
	./bench/run.sh

deps-build:
	@scripts/install-deps.sh $(BUILD_PACKAGES)

deps-test:
	@scripts/install-deps.sh $(TEST_PACKAGES)

deps-bench:
	@scripts/install-deps.sh $(BENCH_PACKAGES)

clean:
	rm -rf .build
