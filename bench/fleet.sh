#!/usr/bin/env bash
# fleet.sh: `slcheck ssh` against a fleet of fake switches on 127.0.0.1
# (bench/nxfleet, a separate process, so its CPU is counted apart)
# answering each command after 50 ms: wall time against the ideal
# ceil(hosts/concurrency) x one host's time, CPU time per host of slcheck
# and of the fake fleet, peak RSS of slcheck, and what slcheck left open
# after the run (goroutines and file descriptors, SLCHECK_LEAKCHECK;
# processes, pgrep).
#
#   bench/fleet.sh                          # 2000 hosts, --concurrency 200
#   bench/fleet.sh 500 100                  # hosts, concurrency
#   SCALE="200 500 1000 2000" bench/fleet.sh 2000 200
#                                           # each size in turn, same fleet,
#                                           # with the growth of CPU and RSS
#   TRANSPORT=system bench/fleet.sh 50 10   # OpenSSH
#   PROFILE=/tmp/f.prof bench/fleet.sh 1000 200
#                                           # CPU profiles: slcheck's in
#                                           # /tmp/f.prof, the fleet's in
#                                           # /tmp/f.prof.fleet
#   FLEET_KEX=default bench/fleet.sh 500 100
#                                           # the fake switches offer x/crypto's
#                                           # default key exchanges (led by the
#                                           # mlkem768x25519-sha256 hybrid) instead
#                                           # of the classic ones (nxfleet -kex)
#   FLEET_PROCS=1 bench/fleet.sh 500 100    # the fake fleet on one P (GOMAXPROCS;
#                                           # nxfleet -procs): less CPU per host,
#                                           # a smaller share of busy cores
#
# It ends with a verdict against issue 18's targets for the largest size
# (within 1.3x of ideal, peak RSS under 512 MiB, every host collected, no
# goroutine, file descriptor or ssh process left) and exits 1 when one is
# missed. The load average is printed with each figure: on a shared
# machine, compare runs made under the same load.
#
# Needs: go, bc, GNU time (/usr/bin/time; apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."
hosts=${1:-2000}
conc=${2:-200}
read -r -a sizes <<<"${SCALE:-$hosts}"
transport=${TRANSPORT:-default}
work=$(mktemp -d /tmp/slcheck-fleet.XXXXXX)
go build -o "$work/slcheck" ./cmd/slcheck
go build -o "$work/nxfleet" ./bench/nxfleet

# Each fake switch listens on a socket and serves one connection at a
# time; slcheck holds one per session: raise the soft limit to the hard
# one for both (Go does so at start too), and say when even that is short.
need=$((hosts + 4 * conc + 64))
ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$need" ]; then
	echo "fleet.sh: open files limit $(ulimit -n), $need needed (ulimit -Hn)" >&2
	exit 2
fi

mkfifo "$work/hold"
"$work/nxfleet" -n "$hosts" -dir "$work" -kex "${FLEET_KEX:-classic}" -procs "${FLEET_PROCS:-0}" ${PROFILE:+-cpuprofile "$PROFILE.fleet"} <"$work/hold" &
fleet=$!
exec 3>"$work/hold" # nxfleet serves until this is closed
cleanup() { exec 3>&-; wait "$fleet" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 300); do [ -f "$work/ready" ] && break; sleep 0.1; done
[ -f "$work/ready" ] || { echo "fleet.sh: fake fleet did not start" >&2; exit 2; }

load() { cut -d' ' -f1 /proc/loadavg; }
# fleetcpu: CPU seconds (user+sys) the fake fleet process has used so far.
fleetcpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14+$15)/hz}' "/proc/$fleet/stat"; }
run() { # run INVENTORY CONCURRENCY: prints "seconds maxrss_kb cpu_s exit"
	set +e
	SLCHECK_LEAKCHECK=$work/leak SLCHECK_CPUPROFILE=${PROFILE:-} SLCHECK_PASSWORD=bench \
		/usr/bin/time -f "%e %M %U %S" -o "$work/time" "$work/slcheck" ssh -u admin \
		--transport "$transport" --known-hosts "$work/known_hosts" --inventory "$1" \
		--concurrency "$2" -o json >"$work/out.json" 2>"$work/err.txt"
	code=$?
	set -e
	read -r e m u s < <(tail -1 "$work/time")
	echo "$e $m $(echo "$u + $s" | bc -l) $code"
}
head -1 "$work/inventory.txt" >"$work/one.txt"
read -r one_s one_kb one_cpu one_code < <(run "$work/one.txt" 1)
printf 'transport %s: one host %.2f s (exit %s), CPU %.3f s, load %s\n' "$transport" "$one_s" "$one_code" "$one_cpu" "$(load)"

scale=()
for n in "${sizes[@]}"; do
	head -"$n" "$work/inventory.txt" >"$work/some.txt"
	f0=$(fleetcpu)
	read -r all_s all_kb all_cpu all_code < <(run "$work/some.txt" "$conc")
	f1=$(fleetcpu)
	fcpu=$(echo "$f1 - $f0" | bc -l)
	rounds=$(( (n + conc - 1) / conc ))
	ideal=$(echo "$rounds * $one_s" | bc -l)
	ratio=$(echo "$all_s / $ideal" | bc -l)
	failed=$(grep -c '"kind": "collection"' "$work/out.json" || true)
	collected=$(grep -c '"hostname":' "$work/out.json" || true)
	left=$(pgrep -P $$ -c ssh || true)
	read -r _ g0 g1 < <(grep goroutines "$work/leak")
	read -r _ fd0 fd1 < <(grep fds "$work/leak")
	printf '%d hosts at --concurrency %d: %.2f s = %.2fx ideal (%d x %.2f s), peak RSS %.0f MiB, exit %s, %s devices in the report, %s not collected; left: goroutines %d -> %d, fds %d -> %d, %s ssh processes; load %s\n' \
		"$n" "$conc" "$all_s" "$ratio" "$rounds" "$one_s" "$(echo "$all_kb / 1024" | bc -l)" "$all_code" \
		"$collected" "$failed" "$g0" "$g1" "$fd0" "$fd1" "$left" "$(load)"
	# On 2 cores the fleet can use at most 2 x its wall time of CPU, shared
	# by slcheck and the fake switches.
	printf '  CPU: slcheck %.2f s (%.2f ms/host), fake fleet %.2f s (%.2f ms/host), together %.0f%% of %d cores x %.2f s\n' \
		"$all_cpu" "$(echo "1000 * $all_cpu / $n" | bc -l)" "$fcpu" "$(echo "1000 * $fcpu / $n" | bc -l)" \
		"$(echo "100 * ($all_cpu + $fcpu) / ($(nproc) * $all_s)" | bc -l)" "$(nproc)" "$all_s"
	scale+=("$n $all_cpu $all_kb $fcpu")
done

if [ ${#scale[@]} -gt 1 ]; then
	# Least squares over the sizes: y = a + b x hosts, for slcheck's CPU,
	# its peak RSS and the fake fleet's CPU; the largest residual says how
	# linear it is.
	printf '%s\n' "${scale[@]}" | awk '
	function fit(col, name, unit, k,   i, sx, sy, sxx, sxy, a, b, r, worst) {
		for (i = 1; i <= N; i++) { sx += x[i]; sy += v[col, i]; sxx += x[i]^2; sxy += x[i] * v[col, i] }
		b = (N * sxy - sx * sy) / (N * sxx - sx^2); a = (sy - b * sx) / N
		for (i = 1; i <= N; i++) { r = v[col, i] - (a + b * x[i]); if (r < 0) r = -r; if (r / v[col, i] > worst) worst = r / v[col, i] }
		printf "%s = %.1f %s + %.3f %s/host x hosts (largest deviation from the line %.0f%%)\n", name, a * k, unit, b * k, unit, 100 * worst
	}
	{ N++; x[N] = $1; v[2, N] = $2; v[3, N] = $3 / 1024; v[4, N] = $4 }
	END { fit(2, "slcheck CPU", "ms", 1000); fit(3, "slcheck peak RSS", "MiB", 1); fit(4, "fake fleet CPU", "ms", 1000) }'
fi

# Verdict against issue 18's targets for the last (largest) size.
missed=()
[ "$(echo "$ratio <= 1.3" | bc -l)" = 1 ] || missed+=("$(printf '%.2fx ideal (target 1.3x)' "$ratio")")
[ "$(echo "$all_kb < 512 * 1024" | bc -l)" = 1 ] || missed+=("peak RSS $((all_kb / 1024)) MiB (target under 512 MiB)")
[ "$failed" = 0 ] && [ "$collected" = "$n" ] || missed+=("$failed hosts not collected, $collected of $n in the report")
[ "$g1" -le "$g0" ] || missed+=("goroutines left: $g0 -> $g1")
[ "$fd1" -le "$fd0" ] || missed+=("file descriptors left: $fd0 -> $fd1")
[ "$left" = 0 ] || missed+=("$left ssh processes left")
if [ ${#missed[@]} -eq 0 ]; then
	echo "targets met: $n hosts within 1.3x of ideal, peak RSS under 512 MiB, every host collected, no goroutine, fd or process left; load $(load)"
else
	printf 'target MISSED: %s\n' "${missed[@]}"
	echo "load $(load)"
	exit 1
fi
