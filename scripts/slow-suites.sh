#!/bin/sh
# Prints the `swift test --skip` pattern that matches every suite tagged `.tags(.slow)`, for `make test-fast`.
# `swift test` 6.3 filters by test name (`Module.Suite/test()`), not by tag, so the tag on each suite's `@Suite` line
# (which may run over several lines) is read here and turned into the name of the type it declares. An `@Suite` not
# followed by its type's declaration fails the script, so that a slow suite is never run as a fast one unnoticed.
set -eu
cd "$(dirname "$0")/.."
names=$(find Tests -name '*.swift' -exec awk '
    function unfinished() {
        print "slow-suites: " suite ": the @Suite is not followed by its type" > "/dev/stderr"
        suite = ""
        exit 1
    }
    FNR == 1 && suite != "" { unfinished() }
    /^@Suite\(/ {
        if (suite != "") unfinished()
        suite = FILENAME ":" FNR
        traits = ""
    }
    suite != "" {
        traits = traits $0
        if (match($0, /^(final )?(struct|class|enum) [A-Za-z0-9_]+/)) {
            count = split(substr($0, RSTART, RLENGTH), words, " ")
            if (index(traits, ".tags(.slow)")) print words[count]
            suite = ""
        }
    }
    END { if (suite != "") unfinished() }
' {} +)
if [ -z "$names" ]; then
    echo "slow-suites: no suite is tagged .tags(.slow)" >&2
    exit 1
fi
printf '\\.(%s)/\n' "$(printf '%s\n' "$names" | sort -u | paste -sd'|' -)"
