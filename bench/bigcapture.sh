#!/usr/bin/env bash
# bigcapture.sh: time `slcheck file` on generated show tech-supports of
# two kinds and several sizes against baselines (grep on the plain file,
# gzip -dc on the gzip), record peak RSS, and check the diagnosis equals
# the small capture's. Generated files go to $BENCH_DIR (default
# /tmp/slcheck-bench), never into the repo.
#
#   bench/bigcapture.sh                    # both kinds at 10M 100M 1G
#   bench/bigcapture.sh 10M 100M           # chosen sizes
#   KINDS=logs bench/bigcapture.sh 1G      # one kind: config or logs
#   RUNS=5 GZIP=0 bench/bigcapture.sh 1G   # best of 5 (default 3), no gzip
#
# Kinds (bench/gen -kind): config, filler of counter tables, event
# histories and hex dumps that slcheck skips; logs, the same with a
# `show logging logfile` of half the bytes, which slcheck reads for its
# licensing lines.
#
# It ends with a verdict against the targets (issue 18: at the largest
# size, each kind within 1.5x of `grep -c -F` on the plain file; issue 6:
# gzip within 1.2x of gzip -dc; peak RSS under 64 MiB at every size; every
# diagnosis identical to the small capture's) and exits 1 when one is
# missed, so a regression shows. The load average is printed with each
# figure: on a shared machine the ratio of one run is what to compare.
#
# Needs: go, gzip, jq, GNU time (/usr/bin/time; apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10M 100M 1G)
read -r -a kinds <<<"${KINDS:-config logs}"
work=${BENCH_DIR:-/tmp/slcheck-bench}
runs=${RUNS:-3}
gz=${GZIP:-1}
mkdir -p "$work"
for tool in /usr/bin/time jq gzip; do
	command -v "$tool" >/dev/null || { echo "bigcapture: $tool is missing" >&2; exit 2; }
done

go build -o "$work/slcheck" ./cmd/slcheck
go build -o "$work/gen" ./bench/gen
# The files are named after the generator's source, so a changed generator
# makes new ones.
gen_sum=$(find bench/gen bench/showtech -name "*.go" ! -name "*_test.go" | sort | xargs cat | sha256sum | cut -c1-8)
"$work/gen" -small -o "$work/small.txt"

# diagnosis FILE JSON: the report without what depends on the input file:
# the source fields, line numbers, the FILE:LINE references (*_from) and
# the file's name inside messages.
diagnosis() {
	jq --arg f "$1" 'walk(if type == "object" then del(.source, .line) | with_entries(select(.key | endswith("_from") | not))
		elif type == "string" then (split($f) | join("INPUT")) | gsub("INPUT:[0-9]+"; "INPUT:N")
		else . end)' "$2"
}
"$work/slcheck" file -o json "$work/small.txt" >"$work/small.json" || true
diagnosis "$work/small.txt" "$work/small.json" >"$work/small.diag"

load() { cut -d' ' -f1 /proc/loadavg; }

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
	printf "%-13s %-36s wall %7ss  cpu %6ss  peak RSS %6.1f MiB  load %s\n" "$label" "$name" "$best" "$cpu" "$last_mib" "$(load)"
}

# same FILE KIND: checks the diagnosis slcheck just wrote ($work/out) of
# FILE against the small capture's.
same() {
	diagnosis "$1" "$work/out" >"$work/big.diag"
	if cmp -s "$work/small.diag" "$work/big.diag"; then
		echo "$label   diagnosis ($2) identical to the small capture's"
	else
		echo "$label   diagnosis ($2) DIFFERS from the small capture's:"
		diff "$work/small.diag" "$work/big.diag" | head -20 || true
		missed+=("$label $2 diagnosis differs")
	fi
}

# against FORM FILE BASE TARGET NAME CMD...: times the baseline CMD (shown
# as NAME), then slcheck on FILE; sets ratio to slcheck's wall over the
# baseline's, keeps the peak RSS and checks the diagnosis.
against() {
	local form=$1 file=$2 base=$3 target=$4 name=$5 base_wall
	shift 5
	measure "$name" "$@"
	base_wall=$last_wall
	measure "slcheck file ($form)" "$work/slcheck" file -o json "$file"
	ratio=$(awk "BEGIN{printf \"%.2f\", $last_wall/$base_wall}")
	rss+=("$last_mib")
	same "$file" "$form"
	echo "$label   ratio: $form ${ratio}x $base (target $target)"
}

rss=() missed=() verdict=()

# Start-up: a small capture against cat of the same file.
label=small
measure "cat" cat "$work/small.txt"
measure "slcheck file" "$work/slcheck" file -o json "$work/small.txt"

for kind in "${kinds[@]}"; do
	for size in "${sizes[@]}"; do
		label="$kind $size"
		f=$work/showtech-$kind-$size-$gen_sum.txt
		[ -s "$f" ] || "$work/gen" -kind "$kind" -size "$size" -o "$f"
		[ "$gz" = 0 ] || [ -s "$f.gz" ] || gzip -6 -c "$f" >"$f.gz"
		cat "$f" >/dev/null # page cache: every run reads from memory
		[ "$gz" = 0 ] || cat "$f.gz" >/dev/null
		printf "%-13s %s: %d bytes\n" "$label" "$(basename "$f")" "$(stat -c %s "$f")"
		against plain "$f" grep 1.5x "grep -c -F 'show license status'" grep -c -F 'show license status' "$f"
		plain_ratio=$ratio
		if [ "$gz" != 0 ]; then
			against gzip "$f.gz" "gzip -dc" 1.2x "gzip -dc >/dev/null" gzip -dc "$f.gz"
			gzip_ratio=$ratio
		fi
	done
	# The speed targets are for the largest size (a small file's time is
	# mostly start-up).
	awk "BEGIN{exit !($plain_ratio <= 1.5)}" || missed+=("$label plain ${plain_ratio}x grep (target 1.5x)")
	verdict+=("$label plain ${plain_ratio}x grep")
	if [ "$gz" != 0 ]; then
		awk "BEGIN{exit !($gzip_ratio <= 1.2)}" || missed+=("$label gzip ${gzip_ratio}x gzip -dc (target 1.2x)")
		verdict+=("gzip ${gzip_ratio}x gzip -dc")
	fi
done

for m in "${rss[@]}"; do
	awk "BEGIN{exit !($m < 64)}" || missed+=("peak RSS $m MiB (target under 64 MiB)")
done
printf 'peak RSS of slcheck, in the order above: %sMiB\n' "$(printf '%s ' "${rss[@]}")"
if [ ${#missed[@]} -eq 0 ]; then
	echo "targets met: $(IFS=,; echo "${verdict[*]}") (targets 1.5x grep, 1.2x gzip -dc), peak RSS under 64 MiB, diagnoses identical; load $(load)"
else
	printf 'target MISSED: %s\n' "${missed[@]}"
	echo "load $(load)"
	exit 1
fi
