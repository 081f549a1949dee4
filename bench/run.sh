#!/usr/bin/env bash
# Measures respond against the tools people would use instead, and writes docs/benchmarks.md.
# Run through `make bench`, which installs hyperfine, cmark-gfm, sqlite3, jq, tmux, less, script and time.
# Environment: BENCH_RUNS (hyperfine runs per command, default 15), BENCH_APPENDS (appends per run, default 500),
# BENCH_KEY_ROUNDS (rounds of the key sequences, default 8), BENCH_EXPORT_RUNS (runs of each export, default 3),
# RELEASE_FLAGS (how `swift build` builds the binaries measured; `make` passes its own, and run on its own the
# script asks the Makefile for them).
set -euo pipefail
shopt -s inherit_errexit

cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/bench/out
DOC=$ROOT/docs/benchmarks.md
RUNS=${BENCH_RUNS:-15}
APPENDS=${BENCH_APPENDS:-500}
KEY_ROUNDS=${BENCH_KEY_ROUNDS:-8}
EXPORT_RUNS=${BENCH_EXPORT_RUNS:-3}
SHIPPED=$ROOT/runbooks
GENERATED=$OUT/runbooks-2000
JOURNAL=$OUT/journal-100000.jsonl
RELEASE_FLAGS=${RELEASE_FLAGS:-$(make -s --no-print-directory -C "$ROOT" release-flags)}
read -ra release_flags <<<"$RELEASE_FLAGS"

mkdir -p "$OUT"
export LC_ALL=C.UTF-8

echo "== building release binaries" >&2
# As `make release` builds respond.
swift build "${release_flags[@]}" --product respond >&2
swift build "${release_flags[@]}" --product respond-bench >&2
BIN=$(swift build "${release_flags[@]}" --show-bin-path)
RESPOND=$BIN/respond
BENCH=$BIN/respond-bench

# Whether respond-bench has a command (the measurements of pieces not yet built are left out).
has_bench() { { "$BENCH" 2>&1 || true; } | grep -q "[ |]$1[ |]"; }
# Whether respond has a subcommand: its help lists it (`respond X --help` exits 0 even when X is unknown).
has_respond() { "$RESPOND" --help | grep -E "^ +$1( |$)" >/dev/null; }

echo "== generating inputs in $OUT" >&2
rm -rf "$GENERATED"
"$BENCH" generate-runbooks "$GENERATED" 2000

ROWS=$OUT/rows.md
NOTES=$OUT/not-measured.md
: >"$ROWS"
: >"$NOTES"

# hyperfine_median NAME COMMAND... : median wall time in ms of the command, run RUNS times after 3 warm-ups.
hyperfine_median() {
    local name=$1
    shift
    hyperfine --style none --warmup 3 --runs "$RUNS" --export-json "$OUT/$name.json" "$@" >&2
    jq -r '.results[0].median * 1000' "$OUT/$name.json"
}

# paired_medians COMMAND_A COMMAND_B : runs the two commands (word-split, globs expanded, output discarded)
# alternately, 3 warm-up pairs then RUNS pairs, and prints the median wall time of each in ms.
paired_medians() {
    local a=() b=() started
    # shellcheck disable=SC2206
    local first=($1) second=($2)
    for round in $(seq $((RUNS + 3))); do
        started=${EPOCHREALTIME/./}
        "${first[@]}" >/dev/null
        [ "$round" -gt 3 ] && a+=($(( ${EPOCHREALTIME/./} - started )))
        started=${EPOCHREALTIME/./}
        "${second[@]}" >/dev/null
        [ "$round" -gt 3 ] && b+=($(( ${EPOCHREALTIME/./} - started )))
    done
    printf '%s\n' "${a[@]}" >"$OUT/paired-a.txt"
    printf '%s\n' "${b[@]}" >"$OUT/paired-b.txt"
    local median='{ v[NR] = $1 } END { printf "%.3f", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) / 1000 }'
    echo "$(sort -n "$OUT/paired-a.txt" | awk "$median") $(sort -n "$OUT/paired-b.txt" | awk "$median")"
}

# rss_mb COMMAND... : median peak resident set size in MB over 3 runs, from GNU time.
rss_mb() {
    local samples=()
    for _ in 1 2 3; do
        /usr/bin/time -f %M -o "$OUT/time.txt" "$@" >/dev/null
        samples+=("$(tail -1 "$OUT/time.txt")")
    done
    printf '%s\n' "${samples[@]}" | sort -n | sed -n 2p | awk '{ printf "%.1f", $1 / 1024 }'
}

# guide_rss_mb DIR : peak resident set size in MB of the guide (`respond`) in an 80x24 tmux pane once its catalog
# of DIR is drawn, from the kernel's VmHWM; the median of three runs.
guide_rss_mb() {
    local samples=() socket
    for run in 1 2 3; do
        # A socket per run: a server just told to exit may still answer on its socket and then die under the
        # next new-session ("server exited unexpectedly").
        socket=respond-bench-$$-rss-$(basename "$1")-$run
        rm -rf "$OUT/rss-home"
        tmux -L "$socket" -f /dev/null new-session -d -x 80 -y 24 \
            "exec $RESPOND --runbooks $1 --home $OUT/rss-home --as bench"
        wait_for_quiet "$socket"
        local pid
        pid=$(tmux -L "$socket" list-panes -F '#{pane_pid}')
        samples+=("$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status")")
        tmux -L "$socket" kill-server
    done
    printf '%s\n' "${samples[@]}" | sort -n | sed -n 2p | awk '{ printf "%.1f", $1 / 1024 }'
}

# commas NUMBER : 1000000 as 1,000,000.
commas() { sed ':a; s/\B[0-9]\{3\}\>/,&/; ta' <<<"$1"; }
# fmt NUMBER : two significant decimals.
fmt() { awk -v x="$1" 'BEGIN { printf (x >= 100 ? "%.0f" : "%.2f"), x }'; }
# ratio A B : A / B.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f×", a / b }'; }
# met CONDITION : yes/no from an awk expression.
met() { awk "BEGIN { print (($1) ? \"yes\" : \"**no**\") }"; }

# row MEASURE MEDIAN REFERENCE RATIO TARGET MET
row() { printf '| %s | %s | %s | %s | %s | %s |\n' "$@" >>"$ROWS"; }

echo "== 1. startup to first frame" >&2
for set in shipped generated; do
    if [ $set = shipped ]; then dir=$SHIPPED; count=15; limit=50; else dir=$GENERATED; count=2000; limit=300; fi
    frame=$(hyperfine_median "first-frame-$set" -N "$BENCH first-frame $dir")
    row "1. Startup to first catalog frame, $count runbooks (respond-bench first-frame)" "$(fmt "$frame") ms" "—" "—" \
        "< $limit ms" "$(met "$frame < $limit")"
    list=$(hyperfine_median "list-$set" -N "$RESPOND list --runbooks $dir")
    row "1. Process start to catalog output, $count runbooks (respond list)" "$(fmt "$list") ms" "—" "—" \
        "< $limit ms" "$(met "$list < $limit")"
done

# A library as teams keep it: nested folders, front matter, no index table; listed from the runbooks' headers.
"$BENCH" generate-runbooks "$OUT/nested-runbooks" 10000 --nested
nested=$(hyperfine_median list-nested -N "$RESPOND list --runbooks $OUT/nested-runbooks")
nested_rss=$(rss_mb "$RESPOND" list --runbooks "$OUT/nested-runbooks")
row "1. Process start to catalog output, 10,000 runbooks in nested folders, no index (respond list)" \
    "$(fmt "$nested") ms, $nested_rss MB" "—" "—" "≤ 400 ms and ≤ 40 MB" "$(met "$nested <= 400 && $nested_rss <= 40")"
# The guide's first frame on that library: its catalog from the headers, no runbook parsed.
nested_frame=$(hyperfine_median first-frame-nested -N "$BENCH first-frame $OUT/nested-runbooks")
nested_frame_rss=$(rss_mb "$BENCH" first-frame "$OUT/nested-runbooks")
row "1. Startup to first catalog frame, 10,000 runbooks in nested folders, no index (respond-bench first-frame)" \
    "$(fmt "$nested_frame") ms, $nested_frame_rss MB" "—" "—" "≤ 400 ms and ≤ 40 MB" \
    "$(met "$nested_frame <= 400 && $nested_frame_rss <= 40")"

echo "== 2. parse throughput" >&2
# The two run alternately, a pair at a time, so that a change in the machine's load during the run weighs on both.
read -r parse cmark < <(paired_medians "$BENCH parse $GENERATED" "cmark-gfm -e table -e tasklist $GENERATED/*.md")
files=$(find "$GENERATED" -name '*.md' | wc -l)
megabytes=$(cat "$GENERATED"/*.md | wc -c | awk '{ printf "%.1f", $1 / 1e6 }')
row "2. Parse $files files ($megabytes MB) into the model" "$(fmt "$parse") ms" "cmark-gfm to HTML: $(fmt "$cmark") ms" \
    "$(ratio "$parse" "$cmark")" "≤ 1.50×" "$(met "$parse / $cmark <= 1.5")"

echo "== 3. keystroke cost" >&2
if has_bench keys; then
    "$BENCH" keys 500 10000 "$KEY_ROUNDS" | tee "$OUT/keys.txt" >&2
    while read -r screen count median p99; do
        times="median $(fmt "$(awk -v x="$median" 'BEGIN { print x / 1000 }')") ms, p99 $(fmt "$(awk -v x="$p99" 'BEGIN { print x / 1000 }')") ms"
        if [ "$screen" = review-open ]; then
            # Opening the review folds the whole journal once; it is held to "no visible delay", not to a key's budget.
            row "3. Opening the review: load + first view (10,000 events; $count opens)" "$times" "—" "—" \
                "p99 < 100 ms" "$(met "$p99 < 100000")"
        else
            row "3. update + view per key, $screen (500 steps, 10,000 events; $count keys)" "$times" \
                "—" "—" "p99 < 2 ms" "$(met "$p99 < 2000")"
        fi
    done <"$OUT/keys.txt"
    # The review of a ten times longer incident: opening it and its keys, held to their own budgets.
    "$BENCH" keys 500 100000 "$KEY_ROUNDS" | tee "$OUT/keys-100000.txt" >&2
    while read -r screen count median p99; do
        times="median $(fmt "$(awk -v x="$median" 'BEGIN { print x / 1000 }')") ms, p99 $(fmt "$(awk -v x="$p99" 'BEGIN { print x / 1000 }')") ms"
        case $screen in
        review-open)
            row "3. Opening the review: load + first view (100,000 events; $count opens)" "$times" "—" "—" \
                "p99 ≤ 300 ms" "$(met "$p99 <= 300000")" ;;
        review)
            row "3. update + view per key, review (100,000 events; $count keys)" "$times" "—" "—" "p99 ≤ 2 ms" \
                "$(met "$p99 <= 2000")" ;;
        esac
    done <"$OUT/keys-100000.txt"
else
    echo "- 3. Keystroke cost: not measured yet; the guide's update and view (GuideUI) are not in this build." >>"$NOTES"
fi

echo "== 3. symptom filter keys" >&2
if has_bench filter-keys; then
    "$BENCH" filter-keys "$GENERATED" "$KEY_ROUNDS" | tee "$OUT/filter-keys.txt" >&2
    while read -r measure count median p99; do
        times="median $(fmt "$(awk -v x="$median" 'BEGIN { print x / 1000 }')") ms, p99 $(fmt "$(awk -v x="$p99" 'BEGIN { print x / 1000 }')") ms"
        case $measure in
        filter-first)
            row "3. First keystroke of the symptom filter, 2,000 runbooks: key to frame, search still building ($count keys)" \
                "$times" "—" "—" "p99 ≤ 150 ms" "$(met "$p99 <= 150000")" ;;
        filter-before)
            row "3. Later keys of the symptom filter, 2,000 runbooks, search still building: key to frame ($count keys)" \
                "$times" "—" "—" "p99 ≤ 16 ms" "$(met "$p99 <= 16000")" ;;
        filter-later)
            row "3. Later keys of the symptom filter, 2,000 runbooks, search arrived: key to frame ($count keys)" \
                "$times" "—" "—" "p99 ≤ 16 ms" "$(met "$p99 <= 16000")" ;;
        filter-arrival)
            row "3. Frame drawn when the search over 2,000 runbooks' text arrives, no key ($count frames)" "$times" \
                "—" "—" "p99 ≤ 16 ms" "$(met "$p99 <= 16000")" ;;
        filter-ready)
            # Nobody waits for it: the keys are served from the index rows until then.
            row "3. Filter opened to the search over 2,000 runbooks' text built in the background ($count runs)" \
                "$times" "—" "—" "—" "—" ;;
        esac
    done <"$OUT/filter-keys.txt"
else
    echo "- 3. Symptom filter keys: not measured yet; \`respond-bench filter-keys\` is not in this build." >>"$NOTES"
fi

echo "== 4. bytes to the terminal per scroll step" >&2
# wait_for_quiet SOCKET FILE : waits (up to 15 s) until the pane's text, or FILE when given, stops changing for
# 0.5 s, i.e. the program has finished drawing.
wait_for_quiet() {
    local socket=$1 file=${2:-} previous="" current deadline=$((SECONDS + 15))
    while [ $SECONDS -lt $deadline ]; do
        if [ -n "$file" ]; then current=$(stat -c %s "$file"); else current=$(tmux -L "$socket" capture-pane -p); fi
        if [ -n "$current" ] && [ "$current" = "$previous" ]; then return 0; fi
        previous=$current
        sleep 0.5
    done
    echo "$socket: the program did not settle within 15 s" >&2
    return 1
}

# scroll_bytes NAME KEY STEPS COMMAND : bytes written to an 80x24 tmux pane per KEY press, after the first frame
# is drawn, less the bytes the program writes when idle for as long (respond redraws its clock).
scroll_bytes() {
    local name=$1 key=$2 steps=$3 command=$4
    local socket=respond-bench-$$-$name idle=$OUT/scroll-$name.idle keyed=$OUT/scroll-$name.keys
    : >"$idle"
    : >"$keyed"
    tmux -L "$socket" -f /dev/null new-session -d -x 80 -y 24 "$command"
    wait_for_quiet "$socket"
    local started=$SECONDS
    tmux -L "$socket" pipe-pane -o "cat >> $idle"
    for _ in $(seq "$steps"); do sleep 0.2; done
    tmux -L "$socket" pipe-pane
    local idle_seconds=$((SECONDS - started))
    started=$SECONDS
    tmux -L "$socket" pipe-pane -o "cat >> $keyed"
    for _ in $(seq "$steps"); do
        tmux -L "$socket" send-keys "$key"
        sleep 0.2
    done
    wait_for_quiet "$socket" "$keyed"
    tmux -L "$socket" pipe-pane
    local keyed_seconds=$((SECONDS - started))
    tmux -L "$socket" kill-server
    awk -v keyed="$(stat -c %s "$keyed")" -v idle="$(stat -c %s "$idle")" -v ks="$keyed_seconds" -v is="$idle_seconds" \
        -v steps="$steps" 'BEGIN { rate = is > 0 ? idle / is : 0; x = (keyed - rate * ks) / steps; printf "%.0f", x < 0 ? 0 : x }'
}

if has_respond resume; then
    SCROLL_STEPS=20
    "$BENCH" generate-scroll "$OUT/scroll-runbooks" "$OUT/scroll.txt" 400
    rm -rf "$OUT/scroll-home"
    scroll_options="--runbooks $OUT/scroll-runbooks --home $OUT/scroll-home --as bench"
    # shellcheck disable=SC2086
    incident=$("$RESPOND" start long-recovery-script --detach $scroll_options)
    ours=$(scroll_bytes respond C-d $SCROLL_STEPS "$RESPOND resume $incident $scroll_options")
    theirs=$(scroll_bytes less d $SCROLL_STEPS "less $OUT/scroll.txt")
    row "4. Bytes to the terminal per half-page scroll of a 400-line step (Ctrl-D vs less d, 80x24 tmux, $SCROLL_STEPS steps)" \
        "$ours B" "less: $theirs B" "$(ratio "$ours" "$theirs")" "≤ 1.00×" "$(met "$ours <= $theirs")"
else
    echo "- 4. Bytes per scroll step: not measured yet; the curses run loop (\`respond resume\` in a terminal) is not in this build." >>"$NOTES"
fi

echo "== 5. durable appends" >&2
if has_bench append; then
    "$BENCH" generate-journal "$JOURNAL" 100000 "$OUT/journal-runbooks"
    # The reference inserts the same JSON lines, one row per transaction, in sqlite's default DELETE journal mode.
    {
        echo "PRAGMA synchronous=FULL;"
        echo "CREATE TABLE events (seq INTEGER PRIMARY KEY, body TEXT NOT NULL);"
        head -n "$APPENDS" "$JOURNAL" | awk '{ gsub("\047", "\047\047"); printf "INSERT INTO events (body) VALUES (\047%s\047);\n", $0 }'
    } >"$OUT/inserts.sql"
    ours=$(hyperfine_median append -N --prepare "rm -f $OUT/append.jsonl" "$BENCH append $OUT/append.jsonl $APPENDS")
    theirs=$(hyperfine_median sqlite --prepare "rm -f $OUT/append.db $OUT/append.db-journal" \
        "sqlite3 $OUT/append.db < $OUT/inserts.sql")
    ours_rate=$(awk -v n="$APPENDS" -v ms="$ours" 'BEGIN { print n / (ms / 1000) }')
    theirs_rate=$(awk -v n="$APPENDS" -v ms="$theirs" 'BEGIN { print n / (ms / 1000) }')
    row "5. Durable appends, fsync per event ($APPENDS events)" "$(fmt "$ours_rate") events/s" \
        "sqlite3 synchronous=FULL: $(fmt "$theirs_rate") rows/s" "$(ratio "$ours_rate" "$theirs_rate")" "≥ 1.00×" \
        "$(met "$ours_rate >= $theirs_rate")"
else
    echo "- 5. Durable appends: not measured yet; the journal (IncidentStore's Journal) is not in this build." >>"$NOTES"
fi

echo "== 6. export" >&2
EXPORT_ROWS=$OUT/export-rows.md
: >"$EXPORT_ROWS"
if has_bench append && has_respond export; then
    INCIDENT=$OUT/incident-100000
    mkdir -p "$INCIDENT"
    chmod 700 "$INCIDENT"
    jqms=$(hyperfine_median jq -N "jq -c . $JOURNAL")
    for format in markdown json; do
        # Each run starts from the generated journal: an export appends its export-written event.
        samples=$OUT/export-$format.txt
        : >"$samples"
        for _ in $(seq "$EXPORT_RUNS"); do
            cp "$JOURNAL" "$INCIDENT/timeline.jsonl"
            /usr/bin/time -f '%e %M' -o "$OUT/time.txt" "$RESPOND" export "$INCIDENT/timeline.jsonl" --format $format \
                -o "$OUT/postmortem.$format" --runbooks "$OUT/journal-runbooks" --home "$OUT/home" --as bench >/dev/null
            tail -1 "$OUT/time.txt" >>"$samples"
        done
        ms=$(awk '{ print $1 * 1000 }' "$samples" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
        mb=$(awk '{ print $2 / 1024 }' "$samples" | sort -n | awk '{ v[NR] = $1 } END { printf "%.1f", v[int((NR + 1) / 2)] }')
        row "6. Export 100,000 events to $format (respond export, $EXPORT_RUNS runs)" "$(fmt "$ms") ms" \
            "jq -c .: $(fmt "$jqms") ms" "$(ratio "$ms" "$jqms")" "≤ 1.00×" "$(met "$ms <= $jqms")"
    done
    # Memory growth shown, not claimed: the peak of each export at ten times fewer and ten times more events.
    for events in 10000 100000 1000000; do
        if [ "$events" = 100000 ]; then journal=$JOURNAL; else
            journal=$OUT/journal-$events.jsonl
            "$BENCH" generate-journal "$journal" "$events" "$OUT/journal-runbooks"
        fi
        case $events in
        10000) limit="" ;;
        100000) limit=25 ;;
        1000000) limit=30 ;;
        esac
        jq_mb=$(rss_mb jq -c . "$journal")
        for format in markdown json; do
            samples=$OUT/export-rss-$format.txt
            : >"$samples"
            for _ in $(seq "$EXPORT_RUNS"); do
                cp "$journal" "$INCIDENT/timeline.jsonl"
                /usr/bin/time -f '%M' -o "$OUT/time.txt" "$RESPOND" export "$INCIDENT/timeline.jsonl" \
                    --format $format -o "$OUT/postmortem.$format" --runbooks "$OUT/journal-runbooks" --home "$OUT/home" \
                    --as bench >/dev/null
                tail -1 "$OUT/time.txt" >>"$samples"
            done
            mb=$(awk '{ print $1 / 1024 }' "$samples" | sort -n | awk '{ v[NR] = $1 } END { printf "%.1f", v[int((NR + 1) / 2)] }')
            if [ -z "$limit" ]; then budget="—" verdict="—"; else budget="≤ $limit MB" verdict=$(met "$mb <= $limit"); fi
            printf '| %s | %s | %s | %s | %s | %s |\n' \
                "7. Peak RSS, export $(commas "$events") events to $format" "$mb MB" "jq -c .: $jq_mb MB" "—" \
                "$budget" "$verdict" >>"$EXPORT_ROWS"
        done
    done
else
    echo "- 6. Export: not measured yet; \`respond export\` (the postmortem draft and the JSON export) is not in this build." >>"$NOTES"
fi

echo "== 7. peak memory" >&2
for set in shipped generated; do
    if [ $set = shipped ]; then dir=$SHIPPED; count=15; else dir=$GENERATED; count=2000; fi
    mb=$(rss_mb "$BENCH" first-frame "$dir")
    if [ $set = generated ]; then target="< 30 MB"; verdict=$(met "$mb < 30"); else target="—"; verdict="—"; fi
    row "7. Peak RSS, first frame with $count runbooks" "$mb MB" "—" "—" "$target" "$verdict"
    # The shipped guide in a real 80x24 terminal, ncurses included: its peak once the catalog is on screen.
    guide_mb=$(guide_rss_mb "$dir")
    if [ $set = generated ]; then verdict=$(met "$guide_mb < 30"); fi
    row "7. Peak RSS, the guide in tmux showing the catalog, $count runbooks (respond)" "$guide_mb MB" "—" "—" "$target" "$verdict"
done
if has_bench keys; then
    row "7. Peak RSS, keystroke run (500 steps, 10,000 events, 1 round)" "$(rss_mb "$BENCH" keys 500 10000 1) MB" "—" "—" "—" "—"
fi
cat "$EXPORT_ROWS" >>"$ROWS"

echo "== 8. runbook report" >&2
if has_bench generate-home && has_respond report; then
    rm -rf "$OUT/report-home"
    "$BENCH" generate-home "$OUT/report-home" 1000 1000 "$OUT/report-runbooks"
    samples=$OUT/report.txt
    : >"$samples"
    for _ in $(seq "$EXPORT_RUNS"); do
        /usr/bin/time -f '%e %M' -o "$OUT/time.txt" "$RESPOND" report --since 2020-01-01 --json -o "$OUT/report.json" \
            --runbooks "$OUT/report-runbooks" --home "$OUT/report-home" >/dev/null
        tail -1 "$OUT/time.txt" >>"$samples"
    done
    ms=$(awk '{ print $1 * 1000 }' "$samples" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
    mb=$(awk '{ print $2 / 1024 }' "$samples" | sort -n | awk '{ v[NR] = $1 } END { printf "%.1f", v[int((NR + 1) / 2)] }')
    row "8. Runbook report over 1,000 incidents of 1,000 events (respond report --json, $EXPORT_RUNS runs)" \
        "$(fmt "$ms") ms" "—" "—" "≤ 2000 ms" "$(met "$ms <= 2000")"
    row "8. Peak RSS, runbook report over 1,000 incidents of 1,000 events" "$mb MB" "—" "—" "≤ 50 MB" \
        "$(met "$mb <= 50")"
else
    echo "- 8. Runbook report: not measured yet; \`respond report\` is not in this build." >>"$NOTES"
fi

echo "== 10. lint" >&2
# Every bash block of the generated library checked: afresh (--no-cache), then with the verdicts kept by a lint before
# (its own cache directory, filled by the warm-ups). Before the checks were batched, one `bash -n` a block took
# 22-48 s on this library.
blocks=$(grep -c '^ *```bash' "$GENERATED"/*.md | awk -F: '{ n += $2 } END { print n }')
lint_cold=$(hyperfine_median lint-cold -N -i "$RESPOND lint --no-cache $GENERATED")
lint_warm=$(XDG_CACHE_HOME=$OUT/lint-cache hyperfine_median lint-warm -N -i "$RESPOND lint $GENERATED")
row "10. \`respond lint\` of the 2,000-runbook library, every bash block checked ($blocks blocks; no cache, and cached)" \
    "$(fmt "$lint_cold") ms, cached $(fmt "$lint_warm") ms" "one bash -n a block: 22-48 s (earlier runs)" "—" \
    "≤ 3000 ms" "$(met "$lint_cold <= 3000")"

echo "== 9. release binary size" >&2
# The file `make release` leaves to copy to the hosts, built with the same RELEASE_FLAGS (stripped by the linker).
size_mb=$(awk -v bytes="$(stat -c %s "$RESPOND")" 'BEGIN { printf "%.1f", bytes / 1048576 }')
row "9. Size of the release binary (make release, stripped)" "$size_mb MB" "—" "—" "≤ 25 MB" "$(met "$size_mb <= 25")"

TABLE=$OUT/table.md
{
    echo "| Measure | respond (median) | Reference (median, same run) | Ratio | Target | Met? |"
    echo "|---|---|---|---|---|---|"
    cat "$ROWS"
} >"$TABLE"

echo "== writing $DOC" >&2
disk=$(findmnt -no SOURCE,FSTYPE -T "$OUT" | tr -s ' ')
{
    echo "# Benchmarks"
    echo
    echo "Measured by \`make bench\` (\`bench/run.sh\`) on $(date -u '+%Y-%m-%d %H:%M UTC'). Every number below comes from"
    echo "that run; the reference tools ran in the same run on the same machine and inputs. Other builds may have been"
    echo "running on the machine at the same time, so absolute numbers are noisier than the ratios."
    echo
    echo "Source measured: commit \`$(git rev-parse --short HEAD 2>/dev/null || echo unknown)\` ($(git log -1 --format=%s 2>/dev/null || echo unknown))."
    echo
    echo "## Machine"
    echo
    echo "- CPU: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores"
    echo "- Memory: $(free -m | awk '/^Mem:/ { printf "%.1f GB", $2 / 1024 }')"
    echo "- Kernel: $(uname -sr)"
    echo "- Disk for bench/out: $disk"
    echo "- Swift: $(swift --version 2>&1 | head -1)"
    echo "- Tools: $(hyperfine --version), $(cmark-gfm --version | head -1 | cut -d' ' -f1-2), sqlite3 $(sqlite3 --version | cut -d' ' -f1), $(jq --version)"
    echo
    echo "## Results"
    echo
    cat "$TABLE"
    if [ -s "$NOTES" ]; then
        echo
        cat "$NOTES"
    fi
    echo
    cat "$ROOT/bench/methods.md"
    if [ -f "$ROOT/bench/findings.md" ]; then
        echo
        cat "$ROOT/bench/findings.md"
    fi
} >"$DOC"

cat "$TABLE"
if [ -s "$NOTES" ]; then cat "$NOTES"; fi
