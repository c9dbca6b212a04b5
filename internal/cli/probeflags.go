package cli

import (
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/slcheck/slcheck/diagnose"
	"github.com/slcheck/slcheck/probe"
	"github.com/slcheck/slcheck/redact"
)

// probeFlags are the flags of the opt-in live probes (DNS004, TLS003),
// shared by `file` and `ssh`: addProbeFlags adds them to a command and
// options turns them into diagnose.Options.
type probeFlags struct {
	kinds      string
	dnsServers []string
	timeout    time.Duration
	proxy      string
	connectTo  string
	caFile     string
}

// probeKinds are the values --probe takes; "all" is what a bare --probe
// means.
var probeKinds = map[string]bool{"all": true, "dns": true, "tls": true}

func addProbeFlags(cmd *cobra.Command) *probeFlags {
	pf := &probeFlags{}
	f := cmd.Flags()
	f.StringVar(&pf.kinds, "probe", "", "run live probes from this workstation: all (a bare --probe), dns or tls; without it nothing is sent")
	f.Lookup("probe").NoOptDefVal = "all"
	f.StringArrayVar(&pf.dnsServers, "dns-server", nil, "ask this name server (IP or IP:PORT) instead of the device's for the Call Home VRF; repeatable")
	f.DurationVar(&pf.timeout, "probe-timeout", probe.DefaultTimeout, "deadline of each probe socket; the whole probe step ends within about 2.5 times it")
	f.StringVar(&pf.proxy, "proxy", "", "open the TLS probe through this HTTP proxy with CONNECT: http://host:port, with the proxy's user name and password in the URL if it needs them")
	f.StringVar(&pf.connectTo, "connect-to", "", "open the TLS probe to HOST:PORT instead of the URL's host, still using the URL's host for SNI and the name check (like curl's --connect-to)")
	f.StringVar(&pf.caFile, "ca-file", "", "verify the endpoint's chain against the PEM certificates in this file instead of the workstation's roots")
	return pf
}

// options validates the flags; every error is a usage error.
func (pf *probeFlags) options() (diagnose.Options, error) {
	o, err := pf.probeOptions()
	if err != nil {
		return diagnose.Options{}, withCode(ExitUsage, err)
	}
	return diagnose.Options{Probe: o}, nil
}

func (pf *probeFlags) probeOptions() (probe.Options, error) {
	var o probe.Options
	if pf.kinds != "" {
		for _, k := range strings.Split(pf.kinds, ",") {
			k = strings.ToLower(strings.TrimSpace(k))
			if !probeKinds[k] {
				return o, fmt.Errorf("--probe %q: want all, dns or tls", pf.kinds)
			}
			o.DNS = o.DNS || k == "all" || k == "dns"
			o.TLS = o.TLS || k == "all" || k == "tls"
		}
	}
	switch {
	case len(pf.dnsServers) > 0 && !o.DNS:
		return o, errors.New("--dns-server needs --probe or --probe dns")
	case (pf.proxy != "" || pf.connectTo != "" || pf.caFile != "") && !o.TLS:
		return o, errors.New("--proxy, --connect-to and --ca-file need --probe or --probe tls")
	case pf.timeout <= 0:
		return o, fmt.Errorf("--probe-timeout %v: want a positive duration such as 2s", pf.timeout)
	}
	o.Timeout = pf.timeout
	for _, s := range pf.dnsServers {
		addr, err := dnsServerAddr(s)
		if err != nil {
			return o, err
		}
		o.DNSServers = append(o.DNSServers, addr)
	}
	if pf.connectTo != "" {
		if _, err := hostPort(pf.connectTo); err != nil {
			return o, fmt.Errorf("--connect-to %q: %w", pf.connectTo, err)
		}
		o.ConnectTo = pf.connectTo
	}
	if pf.proxy != "" {
		u, err := url.Parse(pf.proxy)
		if err != nil || u.Scheme != "http" || u.Hostname() == "" {
			return o, fmt.Errorf("--proxy %q: want http://host:port (user:password@ before the host if the proxy needs them)", redactedURL(pf.proxy))
		}
		o.Proxy = u
	}
	if pf.caFile != "" {
		b, err := os.ReadFile(pf.caFile)
		if err != nil {
			return o, fileProblem("--ca-file", pf.caFile, err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(b) {
			return o, fmt.Errorf("--ca-file %s: no PEM certificate in it", pf.caFile)
		}
		o.Roots = pool
	}
	if o.Enabled() {
		// One run, one memo: devices that share servers and an endpoint
		// (a fleet, or several saved captures) are probed once.
		o.Memo = probe.NewMemo()
	}
	return o, nil
}

// dnsServerAddr accepts an IP address, with or without a port, so that
// naming the server never needs a lookup of its own.
func dnsServerAddr(s string) (string, error) {
	if ip := net.ParseIP(strings.Trim(s, "[]")); ip != nil {
		return net.JoinHostPort(ip.String(), "53"), nil
	}
	host, err := hostPort(s)
	if err != nil || net.ParseIP(host) == nil {
		return "", fmt.Errorf("--dns-server %q: want an IP address, optionally with :PORT ([IPv6]:PORT)", s)
	}
	return s, nil
}

// hostPort checks "HOST:PORT" and returns the host.
func hostPort(s string) (string, error) {
	host, port, err := net.SplitHostPort(s)
	if err != nil {
		return "", err
	}
	if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 || host == "" {
		return "", errors.New("want HOST:PORT")
	}
	return host, nil
}

// redactedURL keeps a proxy password out of an error message, whatever
// the value's shape: a URL's password goes (url.Redacted), and whatever
// comes before the last @ of a value that is not a URL with a host
// (u:secret@host:3128, which url.Parse takes for scheme "u").
func redactedURL(s string) string {
	if u, err := url.Parse(s); err == nil && u.Host != "" && u.Opaque == "" {
		return u.Redacted()
	}
	if i := strings.LastIndex(s, "@"); i >= 0 {
		return redact.Marker + s[i:]
	}
	if _, err := url.Parse(s); err != nil {
		return "(unparsable URL)"
	}
	return s
}

// normalizeProbeArgs lets `--probe dns` mean `--probe=dns`: pflag gives a
// flag with a default for its bare form only the `=` spelling, and would
// take "dns" for a file or host. A following word is taken as the kind
// only when it is one (all, dns, tls, or a comma list of them); a host
// really named "dns" is reached with `--probe=all dns`.
func normalizeProbeArgs(args []string) []string {
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(out, args[i:]...)
		}
		if a == "--probe" && i+1 < len(args) && isProbeKinds(args[i+1]) {
			out = append(out, "--probe="+args[i+1])
			i++
			continue
		}
		out = append(out, a)
	}
	return out
}

func isProbeKinds(s string) bool {
	for _, k := range strings.Split(s, ",") {
		if !probeKinds[strings.ToLower(strings.TrimSpace(k))] {
			return false
		}
	}
	return true
}
