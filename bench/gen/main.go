// Command gen writes a synthetic NX-OS show tech-support of a given size
// (see package showtech) for slcheck's big-capture benchmarks.
//
//	go run ./bench/gen -size 100M -o /tmp/showtech-100M.txt
//	go run ./bench/gen -size 100M -kind logs -o /tmp/showtech-logs-100M.txt
//	go run ./bench/gen -small -o /tmp/showtech-small.txt
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/slcheck/slcheck/bench/showtech"
)

func main() {
	size := flag.String("size", "10M", "size of the show-tech: bytes, or with a K, M or G suffix (powers of 1024)")
	out := flag.String("o", "", "file to write (default standard output)")
	small := flag.Bool("small", false, "write only the sections slcheck reads")
	seed := flag.Uint64("seed", 217965, "random seed")
	kind := flag.String("kind", "config", "config (filler of counters, event histories and dumps) or logs (half of it a `show logging logfile`)")
	flag.Parse()
	n, err := parseSize(*size)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(2)
	}
	if *small {
		n = 0
	}
	write := showtech.Write
	switch *kind {
	case "config":
	case "logs":
		write = showtech.WriteLogHeavy
	default:
		fmt.Fprintf(os.Stderr, "gen: -kind %q: want config or logs\n", *kind)
		os.Exit(2)
	}
	var w io.Writer = os.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		defer f.Close()
		w = f
	}
	if err := write(w, n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func parseSize(s string) (int64, error) {
	mult := int64(1)
	switch {
	case strings.HasSuffix(s, "K"):
		mult, s = 1<<10, strings.TrimSuffix(s, "K")
	case strings.HasSuffix(s, "M"):
		mult, s = 1<<20, strings.TrimSuffix(s, "M")
	case strings.HasSuffix(s, "G"):
		mult, s = 1<<30, strings.TrimSuffix(s, "G")
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil || v < 0 {
		return 0, fmt.Errorf("bad size %q", s)
	}
	return v * mult, nil
}
