#!/usr/bin/env bash
# bigcapture.sh: time `slcheck file` on generated show tech-supports of
# several sizes against baselines (grep on the plain file, gzip -dc on the
# gzip), record peak RSS, and check the diagnosis equals the small
# capture's. Generated files go to $BENCH_DIR (default /tmp/slcheck-bench),
# never into the repo.
#
#   bench/bigcapture.sh                # 10M 100M 1G
#   bench/bigcapture.sh 10M 100M       # chosen sizes
#   RUNS=5 bench/bigcapture.sh 100M    # best of 5 (default 3)
#
# It ends with a verdict against issue 6's targets (the largest size within
# 2x of grep plain and 1.2x of gzip -dc gzipped, peak RSS under 64 MiB at
# every size, every diagnosis identical) and exits 1 when one is missed, so
# a regression shows.
#
# Needs: go, gzip, jq, GNU time (/usr/bin/time; apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10M 100M 1G)
work=${BENCH_DIR:-/tmp/slcheck-bench}
runs=${RUNS:-3}
mkdir -p "$work"
for tool in /usr/bin/time jq gzip; do
	command -v "$tool" >/dev/null || { echo "bigcapture: $tool is missing" >&2; exit 2; }
done

go build -o "$work/slcheck" ./cmd/slcheck
go build -o "$work/gen" ./bench/gen
"$work/gen" -small -o "$work/small.txt"

# results prints the diagnosis without what depends on the file (source
# names and line numbers): one JSON object per check.
results() {
	jq -c '.devices[] | {hostname, platform, version, mode, method, captured_at},
		(.results[] | {id, status, severity, message})' "$1"
}
"$work/slcheck" file -o json "$work/small.txt" >"$work/small.json" || true
results "$work/small.json" >"$work/small.results"

# measure NAME CMD...: best wall time over $runs runs, with the CPU time
# (user+sys) and peak RSS of that run. Wall time comes from date (GNU
# time's %e has only two decimals), CPU and RSS from GNU time.
measure() {
	local name=$1 best="" cpu="" rss=""
	shift
	for _ in $(seq "$runs"); do
		local t0 t1 wall
		t0=$(date +%s%N)
		/usr/bin/time -f "%U %S %M" -o "$work/time.out" "$@" >"$work/out" 2>"$work/err" || true
		t1=$(date +%s%N)
		wall=$(awk "BEGIN{printf \"%.3f\", ($t1-$t0)/1e9}")
		read -r user sys kib < <(tail -n 1 "$work/time.out")
		if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then
			best=$wall cpu=$(awk "BEGIN{printf \"%.2f\", $user+$sys}") rss=$kib
		fi
	done
	last_wall=$best last_mib=$(awk "BEGIN{printf \"%.1f\", $rss/1024}")
	printf "%-6s %-36s wall %7ss  cpu %6ss  peak RSS %6.1f MiB\n" "$size" "$name" "$best" "$cpu" "$(awk "BEGIN{print $rss/1024}")"
}

rss=() missed=()

# Start-up: a small capture against cat of the same file.
size=small
measure "cat" cat "$work/small.txt"
measure "slcheck file" "$work/slcheck" file -o json "$work/small.txt"

for size in "${sizes[@]}"; do
	f=$work/showtech-$size.txt
	[ -s "$f" ] || "$work/gen" -size "$size" -o "$f"
	[ -s "$f.gz" ] || gzip -6 -c "$f" >"$f.gz"
	cat "$f" "$f.gz" >/dev/null # page cache: every run reads from memory
	printf "%-6s %s: %d bytes, gzip %d bytes\n" "$size" "$(basename "$f")" "$(stat -c %s "$f")" "$(stat -c %s "$f.gz")"
	measure "grep -c -F 'show license status'" grep -c -F 'show license status' "$f"
	grep_wall=$last_wall
	measure "slcheck file (plain)" "$work/slcheck" file -o json "$f"
	plain_ratio=$(awk "BEGIN{printf \"%.2f\", $last_wall/$grep_wall}")
	rss+=("$last_mib")
	results "$work/out" >"$work/plain.results"
	measure "gzip -dc >/dev/null" gzip -dc "$f.gz"
	gunzip_wall=$last_wall
	measure "slcheck file (gzip)" "$work/slcheck" file -o json "$f.gz"
	gzip_ratio=$(awk "BEGIN{printf \"%.2f\", $last_wall/$gunzip_wall}")
	rss+=("$last_mib")
	results "$work/out" >"$work/gzip.results"
	echo "$size   ratios: plain ${plain_ratio}x grep, gzip ${gzip_ratio}x gzip -dc"
	for kind in plain gzip; do
		if cmp -s "$work/small.results" "$work/$kind.results"; then
			echo "$size   diagnosis ($kind) identical to the small capture's"
		else
			echo "$size   diagnosis ($kind) DIFFERS from the small capture's:"
			diff "$work/small.results" "$work/$kind.results" | head -20
			missed+=("$size $kind diagnosis differs")
		fi
	done
done

# Verdict: the speed targets are for the largest size (a small file's
# time is mostly start-up), memory for every size.
size=${sizes[-1]}
awk "BEGIN{exit !($plain_ratio <= 2)}" || missed+=("$size plain ${plain_ratio}x grep (target 2x)")
awk "BEGIN{exit !($gzip_ratio <= 1.2)}" || missed+=("$size gzip ${gzip_ratio}x gzip -dc (target 1.2x)")
for m in "${rss[@]}"; do
	awk "BEGIN{exit !($m < 64)}" || missed+=("peak RSS $m MiB (target under 64 MiB)")
done
printf 'peak RSS, plain then gzip, at %s: %sMiB\n' "${sizes[*]}" "$(printf '%s ' "${rss[@]}")"
if [ ${#missed[@]} -eq 0 ]; then
	echo "targets met: $size plain ${plain_ratio}x grep (2x), gzip ${gzip_ratio}x gzip -dc (1.2x), peak RSS under 64 MiB, diagnoses identical"
else
	printf 'target MISSED: %s\n' "${missed[@]}"
	exit 1
fi
