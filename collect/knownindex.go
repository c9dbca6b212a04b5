package collect

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"net"
	"os"
	"strings"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

// knownIndex answers hostKeyChecker.lookup without x/crypto's callback,
// which reads every line of the known_hosts files for each host: a
// fleet's known_hosts has a line per switch, so its CPU for the lookups
// grew with the square of its size (BenchmarkHostKeyLookup). It holds the
// lines by the address they name, and exists only for files whose every
// line x/crypto would match by plain comparison: no @cert-authority or
// @revoked marker, no hashed name, no wildcard or negation, no line it
// could not read. Any other file is left to x/crypto whole.
type knownIndex map[hostPort][]knownhosts.KnownKey

// hostPort is an address as x/crypto's known_hosts matching compares it.
type hostPort struct{ host, port string }

// indexKnownHosts reads files as knownhosts.New did (before is each
// file's state then) and returns their index, or nil when a line is not
// plain or a file is not the one x/crypto read: not a regular file (a
// pipe reads once), or changed since.
func indexKnownHosts(files []string, before []os.FileInfo) knownIndex {
	idx := knownIndex{}
	for i, f := range files {
		if !before[i].Mode().IsRegular() || !indexFile(idx, f, before[i]) {
			return nil
		}
	}
	return idx
}

func indexFile(idx knownIndex, name string, before os.FileInfo) bool {
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	// x/crypto's hostKeyDB.Read: lines counted from 1, blank and comment
	// lines skipped.
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := bytes.Trim(sc.Bytes(), " \t")
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		addrs, key, ok := plainLine(line)
		if !ok {
			return false
		}
		for _, a := range addrs {
			idx[a] = append(idx[a], knownhosts.KnownKey{Key: key, Filename: name, Line: n})
		}
	}
	after, err := f.Stat()
	return sc.Err() == nil && err == nil && os.SameFile(before, after) &&
		after.Size() == before.Size() && after.ModTime().Equal(before.ModTime())
}

// plainLine reads a line as x/crypto's parseLine and newHostnameMatcher
// do (knownhosts.go, x/crypto v0.59.0), for lines without a marker, a
// hashed name, a wildcard or a negation: the addresses it names, each
// once, and its key. ok is false for any other line.
func plainLine(line []byte) (addrs []hostPort, key ssh.PublicKey, ok bool) {
	hosts, rest := nextWord(line)
	if len(rest) == 0 || hosts == "" || strings.ContainsAny(hosts, "@|!*?") {
		return nil, nil, false
	}
	keyType, rest := nextWord(rest)
	if len(rest) == 0 {
		return nil, nil, false
	}
	blob, _ := nextWord(rest)
	b, err := base64.StdEncoding.DecodeString(blob)
	if err != nil {
		return nil, nil, false
	}
	if key, err = ssh.ParsePublicKey(b); err != nil || key.Type() != keyType {
		return nil, nil, false
	}
	for p := range strings.SplitSeq(hosts, ",") {
		if p == "" {
			continue
		}
		host, port, err := net.SplitHostPort(p)
		if err != nil {
			if p[0] == '[' {
				return nil, nil, false
			}
			host, port = p, "22"
		}
		a := hostPort{host, port}
		if !containsAddr(addrs, a) {
			addrs = append(addrs, a)
		}
	}
	return addrs, key, len(addrs) > 0
}

func containsAddr(addrs []hostPort, a hostPort) bool {
	for _, b := range addrs {
		if a == b {
			return true
		}
	}
	return false
}

// nextWord is x/crypto's: the word before the first blank or tab, and what
// follows it without its leading blanks.
func nextWord(line []byte) (string, []byte) {
	i := bytes.IndexAny(line, "\t ")
	if i < 0 {
		return string(line), nil
	}
	return string(line[:i]), bytes.Trim(line[i:], " \t")
}

// lookup answers as x/crypto's callback answers the probe key for addr
// (host:port): complete with the keys of the lines naming it, in file
// order; incomplete when addr does not split or a line holds the probe
// key itself (the callback then accepts it).
func (idx knownIndex) lookup(addr string) (keys []knownhosts.KnownKey, complete bool) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, false
	}
	keys = idx[hostPort{host, port}]
	probe := probeKey.Marshal()
	for _, k := range keys {
		if bytes.Equal(k.Key.Marshal(), probe) {
			return nil, false
		}
	}
	return keys, true
}
