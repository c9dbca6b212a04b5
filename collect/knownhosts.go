package collect

import (
	"bufio"
	"bytes"
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

// knownHostsDB is known_hosts files read once for a fleet and indexed by
// host, giving x/crypto's knownhosts verdicts: that package matches every
// line against every host, which cost a fleet with a line per switch hosts
// x lines (2.4% of the CPU of 2000 hosts). A line whose patterns name
// hosts plainly (no wildcard; a negation only narrows it) is filed under
// each host it names; a line with a wildcard or a hashed name is checked
// for every host. Each host's candidates are then matched in file order
// as knownhosts matches them, so the key that matches, and the keys listed
// when none does, are the same (knownhosts_test.go compares the two).
type knownHostsDB struct {
	lines []khLine
	// byAddr files the plain lines under each host and port they name,
	// every holds the others; both in file order.
	byAddr  map[khAddr][]int
	every   []int
	revoked map[string]*knownhosts.KnownKey // @revoked keys by plainKeyBlob
}

type khAddr struct{ host, port string }

// khLine is one host line: host patterns, or a hashed name (|1|salt|hash).
type khLine struct {
	cert     bool // @cert-authority
	patterns []khPattern
	hashed   *khHash
	known    knownhosts.KnownKey
	blob     []byte // known.Key.Marshal()
}

type khPattern struct {
	negate bool
	addr   khAddr
}

type khHash struct{ salt, hash []byte }

// newKnownHostsCallback reads known_hosts files into a host key callback
// with knownhosts.New's verdicts and errors.
func newKnownHostsCallback(files ...string) (ssh.HostKeyCallback, error) {
	// knownhosts.New says which files it cannot read or holds nothing
	// valid, in its words.
	if _, err := knownhosts.New(files...); err != nil {
		return nil, err
	}
	db := &knownHostsDB{byAddr: map[khAddr][]int{}, revoked: map[string]*knownhosts.KnownKey{}}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		if err := db.read(b, f); err != nil {
			return nil, err
		}
	}
	cc := &ssh.CertChecker{IsHostAuthority: db.isHostAuthority, IsRevoked: db.isRevoked, HostKeyFallback: db.check}
	return cc.CheckHostKey, nil
}

// read adds the lines of one file, skipping those knownhosts skips
// (blank, comment, invalid).
func (db *knownHostsDB) read(b []byte, filename string) error {
	sc := bufio.NewScanner(bytes.NewReader(b))
	n := 0
	for sc.Scan() {
		n++
		line := bytes.Trim(sc.Bytes(), " \t")
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		db.add(line, filename, n)
	}
	return sc.Err()
}

// add parses one line as knownhosts' parseLine does and files it; an
// invalid line is dropped.
func (db *knownHostsDB) add(line []byte, filename string, n int) {
	marker := ""
	if w, next := khWord(line); w == "@cert-authority" || w == "@revoked" {
		marker, line = w, next
	}
	pattern, line := khWord(line)
	if len(pattern) > 0 && pattern[0] == '@' || len(line) == 0 {
		return
	}
	wantType, line := khWord(line)
	if len(line) == 0 {
		return
	}
	blob, _ := khWord(line)
	raw, err := base64.StdEncoding.DecodeString(blob)
	if err != nil {
		return
	}
	key, err := ssh.ParsePublicKey(raw)
	if err != nil || key.Type() != wantType {
		return
	}
	known := knownhosts.KnownKey{Key: key, Filename: filename, Line: n}
	if marker == "@revoked" {
		db.revoked[plainKeyBlob(key)] = &known
		return
	}
	l := khLine{cert: marker == "@cert-authority", known: known, blob: key.Marshal()}
	if pattern[0] == '|' {
		if l.hashed = parseHashed(pattern); l.hashed == nil {
			return
		}
	} else if l.patterns, err = parsePatterns(pattern); err != nil {
		return
	}
	i := len(db.lines)
	db.lines = append(db.lines, l)
	var plain []khAddr
	for _, p := range l.patterns {
		switch {
		case p.negate:
		case strings.ContainsAny(p.addr.host, "*?"):
			db.every = append(db.every, i)
			return
		case !containsAddr(plain, p.addr):
			plain = append(plain, p.addr)
		}
	}
	if l.hashed != nil {
		db.every = append(db.every, i)
		return
	}
	// A line of negations only matches no host.
	for _, a := range plain {
		db.byAddr[a] = append(db.byAddr[a], i)
	}
}

func containsAddr(list []khAddr, a khAddr) bool {
	for _, x := range list {
		if x == a {
			return true
		}
	}
	return false
}

// khWord is knownhosts' nextWord: the first word and the rest, trimmed.
func khWord(line []byte) (string, []byte) {
	i := bytes.IndexAny(line, "\t ")
	if i == -1 {
		return string(line), nil
	}
	return string(line[:i]), bytes.Trim(line[i:], " \t")
}

// parsePatterns reads comma-separated host patterns as knownhosts'
// newHostnameMatcher does: "host" (port 22), "host:port", "[host]:port",
// each possibly negated with "!".
func parsePatterns(pattern string) ([]khPattern, error) {
	var ps []khPattern
	for _, p := range strings.Split(pattern, ",") {
		if p == "" {
			continue
		}
		var hp khPattern
		if p[0] == '!' {
			hp.negate, p = true, p[1:]
		}
		if p == "" {
			return nil, errors.New("negation without a host")
		}
		var err error
		hp.addr.host, hp.addr.port, err = net.SplitHostPort(p)
		if err != nil {
			if p[0] == '[' {
				return nil, err
			}
			hp.addr = khAddr{p, "22"}
		}
		ps = append(ps, hp)
	}
	return ps, nil
}

// parseHashed reads a hashed name, |1|salt|hash; nil when invalid.
func parseHashed(encoded string) *khHash {
	c := strings.Split(encoded, "|")
	if len(c) != 4 || c[1] != "1" {
		return nil
	}
	salt, err := base64.StdEncoding.DecodeString(c[2])
	if err != nil {
		return nil
	}
	hash, err := base64.StdEncoding.DecodeString(c[3])
	if err != nil {
		return nil
	}
	return &khHash{salt: salt, hash: hash}
}

// match is knownhosts' matching of a line against a host and port.
func (l *khLine) match(a khAddr) bool {
	if l.hashed != nil {
		h := a.host
		if strings.Contains(h, ":") {
			h = "[" + h + "]"
		}
		mac := hmac.New(sha1.New, l.hashed.salt)
		mac.Write([]byte(knownhosts.Normalize(h + ":" + a.port)))
		return bytes.Equal(mac.Sum(nil), l.hashed.hash)
	}
	matched := false
	for _, p := range l.patterns {
		if p.addr.port != a.port || !wildcardMatch(p.addr.host, a.host) {
			continue
		}
		if p.negate {
			return false
		}
		matched = true
	}
	return matched
}

// wildcardMatch is knownhosts' pattern match: '*' any run, '?' any byte.
func wildcardMatch(pat, str string) bool {
	for {
		if pat == "" {
			return str == ""
		}
		if str == "" {
			return false
		}
		if pat[0] == '*' {
			if len(pat) == 1 {
				return true
			}
			for j := range str {
				if wildcardMatch(pat[1:], str[j:]) {
					return true
				}
			}
			return false
		}
		if pat[0] != '?' && pat[0] != str[0] {
			return false
		}
		pat, str = pat[1:], str[1:]
	}
}

// matching calls f on the lines that match a, in file order, until f
// returns false.
func (db *knownHostsDB) matching(a khAddr, f func(*khLine) bool) {
	filed, every := db.byAddr[a], db.every
	for len(filed) > 0 || len(every) > 0 {
		var i int
		if len(every) == 0 || len(filed) > 0 && filed[0] < every[0] {
			i, filed = filed[0], filed[1:]
		} else {
			i, every = every[0], every[1:]
		}
		if l := &db.lines[i]; l.match(a) && !f(l) {
			return
		}
	}
}

// check is knownhosts' check of a plain host key: revoked, else the first
// matching line with the key, else a KeyError listing the lines matched.
func (db *knownHostsDB) check(address string, remote net.Addr, key ssh.PublicKey) error {
	if r := db.revoked[plainKeyBlob(key)]; r != nil {
		return &knownhosts.RevokedError{Revoked: *r}
	}
	host, port, err := net.SplitHostPort(remote.String())
	if err != nil {
		return fmt.Errorf("knownhosts: SplitHostPort(%s): %v", remote, err)
	}
	a := khAddr{host, port}
	if address != "" {
		host, port, err := net.SplitHostPort(address)
		if err != nil {
			return fmt.Errorf("knownhosts: SplitHostPort(%s): %v", address, err)
		}
		a = khAddr{host, port}
	}
	blob := key.Marshal()
	ke := &knownhosts.KeyError{}
	found := false
	db.matching(a, func(l *khLine) bool {
		ke.Want = append(ke.Want, l.known)
		found = bytes.Equal(l.blob, blob)
		return !found
	})
	if found {
		return nil
	}
	return ke
}

// isHostAuthority says whether a @cert-authority line for address holds
// the key that signed a host certificate.
func (db *knownHostsDB) isHostAuthority(key ssh.PublicKey, address string) bool {
	host, port, err := net.SplitHostPort(address)
	if err != nil {
		return false
	}
	blob, ok := key.Marshal(), false
	db.matching(khAddr{host, port}, func(l *khLine) bool {
		ok = l.cert && bytes.Equal(l.blob, blob)
		return !ok
	})
	return ok
}

// isRevoked says whether a certificate's key or its signer is @revoked.
func (db *knownHostsDB) isRevoked(cert *ssh.Certificate) bool {
	return db.revoked[plainKeyBlob(cert)] != nil || db.revoked[plainKeyBlob(cert.SignatureKey)] != nil
}

// plainKeyBlob is the key a @revoked line names: a certificate's own key.
func plainKeyBlob(key ssh.PublicKey) string {
	if cert, ok := key.(*ssh.Certificate); ok {
		return string(cert.Key.Marshal())
	}
	return string(key.Marshal())
}
