# The two commands of the README: `make run` and `make test`. `make bench` measures; it is never part of `make test`.
# `make test-fast` leaves out the suites tagged slow, for a developer iterating; `make test` runs them all.
SWIFT ?= swift
RUNBOOKS ?= runbooks
# libcurl4-openssl-dev gives CLibcurl libcurl's headers; the binary loads libcurl4 itself only when it reads alerts.
BUILD_PACKAGES := libncurses-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev libcurl4-openssl-dev pkg-config
TEST_PACKAGES := $(BUILD_PACKAGES) tmux bash zsh fish locales curl prometheus-alertmanager
BENCH_PACKAGES := $(BUILD_PACKAGES) hyperfine cmark-gfm sqlite3 jq bsdutils tmux less time
# How the binaries to install are built, here and by bench/run.sh (which measures what `make release` ships): the
# Swift runtime and Foundation linked in, so the host needs only libncursesw, libcmark-gfm and libyaml (and libcurl, loaded
# only to read alerts), and startup skips resolving thousands of Swift symbols. The linker strips the symbol table and
# debug information: they are most of the size of a binary copied to every host, and nothing on a host reads them; a
# crash is debugged with a build of the same commit without --strip-all.
RELEASE_FLAGS := -c release --static-swift-stdlib -Xlinker --strip-all
export RELEASE_FLAGS

.PHONY: run test test-fast format format-check build release release-flags install man bench deps-build deps-test deps-bench clean

run: deps-build build
	./.build/debug/respond --runbooks $(RUNBOOKS)

build:
	$(SWIFT) build --product respond

# The binary to install on the hosts responders log in to.
release: deps-build
	$(SWIFT) build $(RELEASE_FLAGS) --product respond

# Installs the release binary, the manual page and the bash, zsh and fish completion scripts under $(DESTDIR)$(PREFIX).
# The completion scripts are made here by the binary being installed, so they always match its commands.
PREFIX ?= /usr/local
BINDIR := $(DESTDIR)$(PREFIX)/bin
MANDIR := $(DESTDIR)$(PREFIX)/share/man/man1
BASH_COMPLETIONS := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSH_COMPLETIONS := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISH_COMPLETIONS := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
install: release
	install -d $(BINDIR) $(MANDIR) $(BASH_COMPLETIONS) $(ZSH_COMPLETIONS) $(FISH_COMPLETIONS)
	install -m 755 .build/release/respond $(BINDIR)/respond
	install -m 644 docs/respond.1 $(MANDIR)/respond.1
	.build/release/respond --generate-completion-script bash > $(BASH_COMPLETIONS)/respond
	.build/release/respond --generate-completion-script zsh > $(ZSH_COMPLETIONS)/_respond
	.build/release/respond --generate-completion-script fish > $(FISH_COMPLETIONS)/respond.fish

# Rewrites docs/respond.1 from the commands' help; a test fails when the checked-in page is out of date.
man: build
	./.build/debug/respond manual > docs/respond.1

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
