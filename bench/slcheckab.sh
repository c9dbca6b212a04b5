#!/usr/bin/env bash
# slcheckab.sh: slcheck's CPU per host, two builds side by side. One fake
# fleet (bench/nxfleet) of 2 x HOSTS switches on 127.0.0.1; each round runs
# both builds at once, each on half of the inventory (odd and even lines;
# the halves, and which build starts first, swap each round), and reads each's CPU (user+sys) with
# GNU time: the load of a shared machine falls on both alike, which
# separate fleet.sh runs do not give. A against itself shows the noise.
#
#   A=main bench/slcheckab.sh              # main against this tree
#   A=main B=main bench/slcheckab.sh       # the noise
#   HOSTS=1000 CONC=200 ROUNDS=10 A=HEAD~3 bench/slcheckab.sh
#   A=main B=main B_ENV="GOGC=200" bench/slcheckab.sh   # B's environment
#
# A and B are git revisions ("." is the working tree, B's default); the
# fake fleet is built from the working tree. Each round prints both
# builds' CPU ms/host, B/A, each's peak RSS and minor page faults (on the
# bench VM a fault costs ~11.5 us of CPU), the devices each report holds
# and the load; the last line the mean of B/A.
#
# Needs: go, bc, git, GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${HOSTS:-500}
conc=${CONC:-100}
rounds=${ROUNDS:-6}
work=$(mktemp -d /tmp/slcheck-ab.XXXXXX)
. bench/lib.sh
buildrev "${A:-main}" "$work/slcheckA" ./cmd/slcheck
buildrev "${B:-.}" "$work/slcheckB" ./cmd/slcheck
go build -o "$work/nxfleet" ./bench/nxfleet

ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((2 * n + 4 * conc + 64)) ]; then
	echo "slcheckab.sh: open files limit $(ulimit -n) too low (ulimit -Hn)" >&2
	exit 2
fi
mkfifo "$work/hold"
"$work/nxfleet" -n $((2 * n)) -dir "$work" <"$work/hold" &
fleet=$!
exec 3>"$work/hold" # the fleet serves until this is closed
cleanup() { exec 3>&-; wait "$fleet" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 300); do [ -f "$work/ready" ] && break; sleep 0.1; done
[ -f "$work/ready" ] || { echo "slcheckab.sh: fake fleet did not start" >&2; exit 2; }
awk 'NR % 2 == 1' "$work/inventory.txt" >"$work/odd"
awk 'NR % 2 == 0' "$work/inventory.txt" >"$work/even"

run() { # run A|B INVENTORY
	local envs=
	[ "$1" = B ] && envs=${B_ENV:-}
	env SLCHECK_PASSWORD=bench $envs /usr/bin/time -f "%U %S %M %R" -o "$work/time.$1" "$work/slcheck$1" ssh -u admin \
		--known-hosts "$work/known_hosts" --inventory "$work/$2" --concurrency "$conc" -o json \
		>"$work/out.$1" 2>/dev/null || true
}
perhost() { tail -1 "$work/time.$1" | awk -v n="$n" '{printf "%.2f", 1000 * ($1 + $2) / n}'; }
rss() { tail -1 "$work/time.$1" | awk '{printf "%.0f", $3 / 1024}'; } # MiB
faults() { tail -1 "$work/time.$1" | awk '{print $4}'; }
sum=0
for r in $(seq "$rounds"); do
	# Halves and which build starts first swap each round.
	if [ $((r % 2)) = 1 ]; then
		run A odd &
		pa=$!
		run B even &
		pb=$!
	else
		run B odd &
		pb=$!
		run A even &
		pa=$!
	fi
	wait "$pa" "$pb"
	ca=$(perhost A) cb=$(perhost B)
	ratio=$(echo "$cb / $ca" | bc -l)
	sum=$(echo "$sum + $ratio" | bc -l)
	printf 'round %d: slcheck A %s ms/host, B %s ms/host, B/A %.3f; peak RSS A %s, B %s MiB; minor faults A %s, B %s; devices A %s, B %s; load %s\n' "$r" "$ca" "$cb" "$ratio" "$(rss A)" "$(rss B)" "$(faults A)" "$(faults B)" \
		"$(grep -c '"hostname":' "$work/out.A" || true)" "$(grep -c '"hostname":' "$work/out.B" || true)" "$(cut -d' ' -f1 /proc/loadavg)"
done
printf 'B/A mean %.3f over %d rounds (A %s, B %s)\n' "$(echo "$sum / $rounds" | bc -l)" "$rounds" "${A:-main}" "${B:-.}"
