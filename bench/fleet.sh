#!/usr/bin/env bash
# fleet.sh: `slcheck ssh` against a fleet of fake switches on 127.0.0.1
# (bench/nxfleet, a separate process) answering each command after 50 ms:
# wall time against the ideal ceil(hosts/concurrency) x one host's time,
# peak RSS of slcheck, and processes left behind.
#
#   bench/fleet.sh                 # 500 hosts, --concurrency 100
#   bench/fleet.sh 200 50          # hosts, concurrency
#   TRANSPORT=system bench/fleet.sh 50 10
#
# Needs: go, GNU time (/usr/bin/time; apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."
hosts=${1:-500}
conc=${2:-100}
transport=${TRANSPORT:-default}
work=$(mktemp -d /tmp/slcheck-fleet.XXXXXX)
go build -o "$work/slcheck" ./cmd/slcheck
go build -o "$work/nxfleet" ./bench/nxfleet

mkfifo "$work/hold"
"$work/nxfleet" -n "$hosts" -dir "$work" <"$work/hold" &
fleet=$!
exec 3>"$work/hold" # nxfleet serves until this is closed
cleanup() { exec 3>&-; wait "$fleet" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 100); do [ -f "$work/ready" ] && break; sleep 0.1; done
[ -f "$work/ready" ] || { echo "fleet.sh: fake fleet did not start" >&2; exit 2; }

# fleetcpu: CPU seconds (user+sys) the fake fleet process has used so far.
fleetcpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14+$15)/hz}' "/proc/$fleet/stat"; }
run() { # run INVENTORY CONCURRENCY: prints "seconds maxrss_kb cpu_s exit"
	set +e
	SLCHECK_CPUPROFILE=${PROFILE:-} SLCHECK_PASSWORD=bench /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$work/slcheck" ssh -u admin \
		--transport "$transport" --known-hosts "$work/known_hosts" --inventory "$1" \
		--concurrency "$2" -o json >"$work/out.json" 2>"$work/err.txt"
	code=$?
	set -e
	read -r e m u s < <(tail -1 "$work/time")
	echo "$e $m $(echo "$u + $s" | bc -l) $code"
}
head -1 "$work/inventory.txt" >"$work/one.txt"
read -r one_s one_kb one_cpu one_code < <(run "$work/one.txt" 1)
f0=$(fleetcpu)
read -r all_s all_kb all_cpu all_code < <(run "$work/inventory.txt" "$conc")
f1=$(fleetcpu)
rounds=$(( (hosts + conc - 1) / conc ))
ideal=$(echo "$rounds * $one_s" | bc -l)
ratio=$(echo "$all_s / $ideal" | bc -l)
failed=$(grep -c '"kind": "collection"' "$work/out.json" || true)
left=$(pgrep -P $$ -c ssh || true)
printf 'transport %s: one host %.2f s (exit %s); %d hosts at --concurrency %d: %.2f s = %.2fx ideal (%d x %.2f s), peak RSS %.0f MiB, exit %s, %s hosts not collected, %s ssh processes left\n' \
	"$transport" "$one_s" "$one_code" "$hosts" "$conc" "$all_s" "$ratio" "$rounds" "$one_s" \
	"$(echo "$all_kb / 1024" | bc -l)" "$all_code" "$failed" "$left"
# On 2 cores the fleet can use at most 2 x its wall time of CPU, shared by
# slcheck and the fake switches.
printf 'CPU during the fleet run: slcheck %.2f s, fake fleet %.2f s, together %.0f%% of %d cores x %.2f s\n' \
	"$all_cpu" "$(echo "$f1 - $f0" | bc -l)" "$(echo "100 * ($all_cpu + $f1 - $f0) / ($(nproc) * $all_s)" | bc -l)" "$(nproc)" "$all_s"

# Verdict against issue 6's targets, so a regression shows: within 1.3x of
# the ideal, peak RSS under 300 MiB, every host collected, no ssh process
# left. (Leaked fds and goroutines are counted by the in-process benchmark,
# `go test -run '^$' -bench Fleet -benchtime 1x ./collect/`, which fails on
# any.)
missed=()
[ "$(echo "$ratio <= 1.3" | bc -l)" = 1 ] || missed+=("$(printf '%.2fx ideal (target 1.3x)' "$ratio")")
[ "$(echo "$all_kb < 300 * 1024" | bc -l)" = 1 ] || missed+=("peak RSS $((all_kb / 1024)) MiB (target under 300 MiB)")
[ "$failed" = 0 ] || missed+=("$failed hosts not collected")
[ "$left" = 0 ] || missed+=("$left ssh processes left")
if [ ${#missed[@]} -eq 0 ]; then
	echo "targets met: within 1.3x of ideal, peak RSS under 300 MiB, every host collected, no process left"
else
	printf 'target MISSED: %s\n' "${missed[@]}"
	exit 1
fi
