#!/usr/bin/env bash
# reportlines.sh: how far down the text report the answer is. For each
# scenario, `slcheck file --color never <capture>` (80 columns, as when
# stdout is not a terminal): the line of the first "Fix:" (the first root
# cause's fix), the line where the failures start (the first "Problem"
# heading; "Failures, root cause first" in reports before issue 15), and
# the total number of lines.
#
#   bench/reportlines.sh                       # the four scenarios of issue 15
#   bench/reportlines.sh two-devices mixed-paste
#   SLCHECK=/path/to/old/slcheck bench/reportlines.sh   # another build
set -euo pipefail
cd "$(dirname "$0")/.."
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(http-url-seed slp-healthy mixed-paste lic-authorized-healthy)
bin=${SLCHECK:-}
if [ -z "$bin" ]; then
	work=$(mktemp -d /tmp/slcheck-lines.XXXXXX)
	trap 'rm -rf "$work"' EXIT
	go build -o "$work/slcheck" ./cmd/slcheck
	bin=$work/slcheck
fi
for s in "${scenarios[@]}"; do
	# Exit 1 only says a check failed: the report is what is measured.
	{ "$bin" file --color never "testdata/showoutputs/$s/capture.txt" || [ $? -eq 1 ]; } | awk -v s="$s" '
		!fix && /^ *Fix:/ { fix = NR }
		!fail && (/^Problem/ || /^Failures, root cause first/) { fail = NR }
		END { printf "%s first-Fix-line=%s first-failures-line=%s total=%d\n", s, fix, fail, NR }'
done
