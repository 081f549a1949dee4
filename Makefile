# The two commands of the README: `make run` and `make test`. `make bench` measures; it is never part of `make test`.
SWIFT ?= swift
RUNBOOKS ?= runbooks
BUILD_PACKAGES := libncurses-dev libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
TEST_PACKAGES := $(BUILD_PACKAGES) tmux bash locales
BENCH_PACKAGES := $(BUILD_PACKAGES) hyperfine cmark-gfm sqlite3 jq bsdutils tmux less time

.PHONY: run test build bench deps-build deps-test deps-bench clean

run: deps-build build
	./.build/debug/respond --runbooks $(RUNBOOKS)

build:
	$(SWIFT) build --product respond

test: deps-test
	$(SWIFT) build --product respond
	$(SWIFT) test

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
