// Command nxfleet runs a fleet of fake NX-OS switches on 127.0.0.1 for
// bench/fleet.sh: it writes an inventory and a known_hosts file for them
// into -dir, creates -dir/ready, and serves until stdin closes or it is
// signalled.
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"github.com/slcheck/slcheck/collect"
	"github.com/slcheck/slcheck/internal/nxsim"
	"golang.org/x/crypto/ssh"
)

func main() {
	n := flag.Int("n", 500, "number of fake switches")
	delay := flag.Duration("delay", 50*time.Millisecond, "delay before each command's output")
	scenario := flag.String("scenario", "source-interface", "bundled scenario they answer with")
	dir := flag.String("dir", "", "directory for inventory.txt, known_hosts and ready")
	password := flag.String("password", "bench", "password of user admin (a throw-away for loopback devices)")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the fleet's whole run to this file")
	procs := flag.Int("procs", 0, "GOMAXPROCS of the fleet (0: Go's default, one per core)")
	kex := flag.String("kex", "classic", `key exchanges the switches offer: "classic" (curve25519-sha256, ecdh-sha2-nistp256/384/521, diffie-hellman-group14-sha256) or "default" (x/crypto's default, led by the mlkem768x25519-sha256 hybrid)`)
	flag.Parse()
	if *procs > 0 {
		// -procs 1 costs less CPU per host: the switches' goroutines hand
		// every packet to each other (x/crypto's read loop, its mux, the
		// shell), and with a second P each handoff may wake or spin
		// another thread. But one thread gets a smaller share of busy
		// cores, and fleets of 2000 took longer in most pairs
		// (bench/README.md, "The fake fleet's CPU" and its second
		// round): not the default.
		runtime.GOMAXPROCS(*procs)
	}
	if *dir == "" {
		log.Fatal("nxfleet: -dir is required")
	}
	sc, err := nxsim.BundledScenario(*scenario)
	if err != nil {
		log.Fatal(err)
	}
	key, err := nxsim.NewHostKey()
	if err != nil {
		log.Fatal(err)
	}
	var algs *ssh.Config
	switch *kex {
	case "classic":
		// The bench's choice, not a device fact: the classic exchanges an
		// SSH server of a switch offers, without the post-quantum hybrid,
		// whose ML-KEM costs both sides CPU a fleet run measures (see
		// bench/README.md). Ciphers and MACs stay x/crypto's default.
		algs = &ssh.Config{KeyExchanges: []string{ssh.KeyExchangeCurve25519, ssh.KeyExchangeECDHP256,
			ssh.KeyExchangeECDHP384, ssh.KeyExchangeECDHP521, ssh.KeyExchangeDH14SHA256}}
	case "default":
	default:
		log.Fatalf("nxfleet: -kex %q: want classic or default", *kex)
	}
	var inv, known []string
	for range *n {
		d, err := nxsim.Start(nxsim.Config{Hostname: sc.Hostname, Outputs: sc.Outputs, HostKey: key,
			Users: map[string]string{"admin": *password}, Faults: nxsim.Faults{Delay: *delay}, Algorithms: algs})
		if err != nil {
			log.Fatal(err)
		}
		defer d.Close()
		inv = append(inv, d.Addr())
		known = append(known, collect.KnownHostsLine(d.Addr(), key.PublicKey()))
	}
	write := func(name string, lines []string) {
		if err := os.WriteFile(filepath.Join(*dir, name), []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
			log.Fatal(err)
		}
	}
	write("inventory.txt", inv)
	write("known_hosts", known)
	write("ready", []string{fmt.Sprint(os.Getpid())})
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	go func() {
		io.Copy(io.Discard, os.Stdin)
		stop <- syscall.SIGTERM
	}()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			log.Fatal(err)
		}
		defer f.Close()
		defer pprof.StopCPUProfile()
	}
	<-stop
}
