#!/usr/bin/env bash
# fleetab.sh: the fake fleet's CPU per host, two builds or settings side by
# side. Two bench/nxfleet processes of HOSTS switches each on 127.0.0.1,
# one `slcheck ssh` run over both (their inventories interleaved), each
# fleet's CPU read from /proc: the load of a shared machine falls on both
# alike, which separate fleet.sh runs do not give.
#
#   bench/fleetab.sh                        # this tree against itself (the noise)
#   A=main bench/fleetab.sh                 # main's fake fleet against this tree's
#   B_ARGS="-procs 1" bench/fleetab.sh      # nxfleet flags of one side
#   B_ENV="GOGC=400" bench/fleetab.sh       # environment of one side
#   HOSTS=250 CONC=100 RUNS=3 bench/fleetab.sh
#   SPLIT=1 B_ARGS="-kex default" bench/fleetab.sh
#                                           # two slcheck runs at once, one per
#                                           # fleet, each's CPU too
#
# A and B are git revisions of the fake fleet ("." is the working tree, the
# default); slcheck is built from the working tree. Each run prints both
# fleets' CPU ms/host, B/A, slcheck's CPU ms/host and wall time, the load
# and the hosts not collected (with SPLIT, each slcheck's).
#
# Needs: go, bc, git, GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${HOSTS:-250}
conc=${CONC:-100}
work=$(mktemp -d /tmp/slcheck-fleetab.XXXXXX)
go build -o "$work/slcheck" ./cmd/slcheck
. bench/lib.sh
buildrev "${A:-.}" "$work/nxA" ./bench/nxfleet
buildrev "${B:-.}" "$work/nxB" ./bench/nxfleet

ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((2 * n + 4 * conc + 64)) ]; then
	echo "fleetab.sh: open files limit $(ulimit -n) too low (ulimit -Hn)" >&2
	exit 2
fi
mkdir "$work/a" "$work/b"
mkfifo "$work/a/hold" "$work/b/hold"
# shellcheck disable=SC2086 # the ARGS are flags, split on purpose
env ${A_ENV:-} "$work/nxA" -n "$n" -dir "$work/a" ${A_ARGS:-} <"$work/a/hold" &
pa=$!
# shellcheck disable=SC2086
env ${B_ENV:-} "$work/nxB" -n "$n" -dir "$work/b" ${B_ARGS:-} <"$work/b/hold" &
pb=$!
exec 3>"$work/a/hold" 4>"$work/b/hold" # the fleets serve until these close
cleanup() { exec 3>&- 4>&-; wait "$pa" "$pb" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 300); do [ -f "$work/a/ready" ] && [ -f "$work/b/ready" ] && break; sleep 0.1; done
[ -f "$work/a/ready" ] && [ -f "$work/b/ready" ] || { echo "fleetab.sh: fake fleets did not start" >&2; exit 2; }
paste -d'\n' "$work/a/inventory.txt" "$work/b/inventory.txt" >"$work/inventory.txt"
cat "$work/a/known_hosts" "$work/b/known_hosts" >"$work/known_hosts"

cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.3f", ($14+$15)/hz}' "/proc/$1/stat"; }
slcheck() { # slcheck X CONCURRENCY: one run over inventory X, its time in time.X
	SLCHECK_PASSWORD=bench /usr/bin/time -f "%e %U %S" -o "$work/time.$1" "$work/slcheck" ssh -u admin \
		--known-hosts "$work/known_hosts" --inventory "$work/$1/inventory.txt" --concurrency "$2" \
		-o json >"$work/$1/out.json" 2>"$work/$1/err.txt" || true
}
msh() { echo "1000 * $1 / $n" | bc -l; } # ms per host of CPU seconds
if [ -n "${SPLIT:-}" ]; then
	# Two slcheck runs at once, one per fleet (CONC/2 each): for a fleet
	# setting that changes slcheck's side too, such as the key exchange.
	for _ in $(seq "${RUNS:-3}"); do
		a0=$(cpu "$pa") b0=$(cpu "$pb")
		slcheck a $((conc / 2)) &
		slcheck b $((conc / 2))
		wait %%
		a1=$(cpu "$pa") b1=$(cpu "$pb")
		read -r ea ua sa < <(tail -1 "$work/time.a")
		read -r eb ub sb < <(tail -1 "$work/time.b")
		printf 'fleet A %.2f, B %.2f ms/host (B/A %.3f); slcheck on A %.2f, on B %.2f ms/host (B/A %.3f), %.2f s, %.2f s; load %s; not collected %s, %s\n' \
			"$(msh "($a1 - $a0)")" "$(msh "($b1 - $b0)")" "$(echo "($b1 - $b0) / ($a1 - $a0)" | bc -l)" \
			"$(msh "($ua + $sa)")" "$(msh "($ub + $sb)")" "$(echo "($ub + $sb) / ($ua + $sa)" | bc -l)" "$ea" "$eb" \
			"$(cut -d' ' -f1 /proc/loadavg)" "$(grep -c '"kind": "collection"' "$work/a/out.json" || true)" \
			"$(grep -c '"kind": "collection"' "$work/b/out.json" || true)"
	done
	exit 0
fi
for _ in $(seq "${RUNS:-3}"); do
	a0=$(cpu "$pa") b0=$(cpu "$pb")
	SLCHECK_PASSWORD=bench /usr/bin/time -f "%e %U %S" -o "$work/time" "$work/slcheck" ssh -u admin \
		--known-hosts "$work/known_hosts" --inventory "$work/inventory.txt" --concurrency "$conc" \
		-o json >"$work/out.json" 2>"$work/err.txt" || true
	a1=$(cpu "$pa") b1=$(cpu "$pb")
	read -r e u s < <(tail -1 "$work/time")
	printf 'A %.2f ms/host, B %.2f ms/host, B/A %.3f; slcheck %.2f ms/host, %.2f s; load %s; %s not collected\n' \
		"$(echo "1000 * ($a1 - $a0) / $n" | bc -l)" "$(echo "1000 * ($b1 - $b0) / $n" | bc -l)" \
		"$(echo "($b1 - $b0) / ($a1 - $a0)" | bc -l)" "$(echo "1000 * ($u + $s) / (2 * $n)" | bc -l)" "$e" \
		"$(cut -d' ' -f1 /proc/loadavg)" "$(grep -c '"kind": "collection"' "$work/out.json" || true)"
done
