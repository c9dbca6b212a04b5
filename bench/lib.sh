# lib.sh: what the A/B scripts share; sourced, not run.

# buildrev REV OUT PKG: builds package PKG (./cmd/slcheck, ./bench/nxfleet)
# of revision REV into OUT; REV "." is the working tree. Needs $work, the
# script's scratch directory.
buildrev() {
	if [ "$1" = . ]; then
		go build -o "$2" "$3"
	else
		mkdir "$work/src"
		git archive "$1" | tar -x -C "$work/src"
		(cd "$work/src" && go build -o "$2" "$3")
		rm -rf "$work/src"
	fi
}
