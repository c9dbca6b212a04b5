package capture

import (
	"strings"
	"sync"
	"sync/atomic"
)

// keyword is an NX-OS command word and the shortest abbreviation slcheck
// expands to it. NX-OS resolves abbreviations against its command tree;
// slcheck has no tree, so each minimum is chosen long enough that it does
// not collide with another word in this table (canonical_test checks it).
type keyword struct {
	full string
	min  int
}

// firstWords are the commands a line may start with.
var firstWords = []keyword{
	{"show", 2}, {"ping", 2}, {"ping6", 5}, {"traceroute", 5}, {"telnet", 3},
	{"ssh", 3}, {"configure", 4}, {"terminal", 4}, {"license", 3},
	{"copy", 3}, {"dir", 3}, {"run", 3}, {"end", 3}, {"exit", 3},
	{"clear", 3}, {"callhome", 5}, {"clock", 3}, {"reload", 4}, {"debug", 3},
	{"install", 4}, {"tac-pac", 3}, {"where", 3}, {"echo", 3},
}

// words are the keywords of the commands slcheck reads; every other word is
// kept as typed.
var words = []keyword{
	{"running-config", 3}, {"startup-config", 5}, {"license", 3},
	{"status", 4}, {"summary", 3}, {"usage", 3}, {"version", 3},
	{"clock", 2}, {"route", 2}, {"vrf", 2}, {"hosts", 2}, {"hostname", 5},
	{"logging", 3}, {"logfile", 4}, {"crypto", 3}, {"ca", 2},
	{"certificates", 4}, {"trustpoints", 5}, {"callhome", 5},
	{"tech-support", 4}, {"interface", 3}, {"brief", 2},
	{"inventory", 3}, {"switchname", 6}, {"module", 3}, {"feature", 4},
	{"ntp", 3}, {"peer-status", 6}, {"peers", 5}, {"ip", 2}, {"all", 3},
	{"host-id", 7}, {"udi", 3}, {"dns", 3}, {"name-server", 6},
	{"domain-lookup", 8}, {"source-interface", 8}, {"use-vrf", 7},
	{"http", 4}, {"transport", 5}, {"smart", 5}, {"policy", 4},
	{"trust-code", 7}, {"nvram", 3}, {"last", 4}, {"system", 3},
	{"internal", 6}, {"call-home", 6},
}

// aliases are spellings that are not prefixes of their keyword.
var aliases = map[string]string{"certs": "certificates"}

// fullAfter lists words that are complete keywords after a given word,
// though they abbreviate another keyword elsewhere: `show accounting log`.
var fullAfter = map[string]string{"accounting": "log"}

// argAfter lists keywords whose next word is an argument (a VRF, a host, a
// target): it is kept exactly as typed.
var argAfter = map[string]bool{
	"vrf": true, "ping": true, "ping6": true,
	"traceroute": true, "telnet": true, "ssh": true, "source": true,
	"source-interface": true, "count": true, "use-vrf": true,
	"hostname": true, "name-server": true, "port": true,
}

// pipeWords are the filters after '|'; their argument is kept as typed.
var pipeWords = []keyword{
	{"include", 1}, {"exclude", 2}, {"section", 3}, {"begin", 2},
	{"egrep", 2}, {"grep", 2}, {"count", 3}, {"last", 2}, {"head", 2},
	{"no-more", 2}, {"json", 2}, {"xml", 2}, {"wc", 2}, {"sort", 2},
	{"uniq", 2},
}

func expand(w string, table []keyword) (string, bool) {
	lw := strings.ToLower(w)
	if full, ok := aliases[lw]; ok {
		return full, true
	}
	for _, k := range table {
		if len(lw) >= k.min && strings.HasPrefix(k.full, lw) {
			return k.full, true
		}
	}
	return "", false
}

// Canonical expands an NX-OS command as typed ("sh run callhome",
// "show run | i name-server") to its canonical spelling
// ("show running-config callhome", "show running-config | include
// name-server"): keywords are expanded and lower-cased, arguments (VRF and
// host names, interface names, patterns) are kept as typed, runs of spaces
// collapse to one, and a trailing "| no-more" is dropped since it does not
// change the output. A leading "do " (config mode) is dropped too.
func Canonical(typed string) string {
	if c, ok := canonicalSeen.Load(typed); ok {
		return c.(string)
	}
	c := canonical(typed)
	if canonicalCount.Load() < canonicalCached {
		// Copies: typed may be a view of a reader's buffer.
		if _, had := canonicalSeen.LoadOrStore(strings.Clone(typed), strings.Clone(c)); !had {
			canonicalCount.Add(1)
		}
	}
	return c
}

// canonicalSeen holds Canonical's answers for the first canonicalCached
// commands it was given (canonicalCount of them): a fleet's sessions type
// the same few dozen, each read twice per host; a show-tech's thousands of
// sections do not grow it past the bound.
var (
	canonicalSeen  sync.Map // typed -> canonical
	canonicalCount atomic.Int32
)

const canonicalCached = 1024

func canonical(typed string) string {
	stages := SplitPipes(typed)
	var b strings.Builder
	cmd := strings.Fields(stages[0])
	if len(cmd) > 0 && strings.EqualFold(cmd[0], "do") {
		cmd = cmd[1:]
	}
	argNext := false
	for i, w := range cmd {
		if i > 0 {
			b.WriteByte(' ')
		}
		table := words
		if i == 0 {
			table = firstWords
		}
		if argNext {
			b.WriteString(w)
			argNext = false
			continue
		}
		if strings.EqualFold(w, "tech") && i+1 < len(cmd) && strings.EqualFold(cmd[i+1], "support") {
			// IOS-XE's "show license tech support": kept so PLT003 can name it.
			b.WriteString("tech")
			continue
		}
		if i > 0 && strings.EqualFold(fullAfter[strings.ToLower(cmd[i-1])], w) {
			b.WriteString(strings.ToLower(w))
			continue
		}
		if full, ok := expand(w, table); ok {
			b.WriteString(full)
			argNext = argAfter[full]
			continue
		}
		b.WriteString(w)
	}
	for _, st := range stages[1:] {
		f := strings.Fields(st)
		if len(f) == 0 {
			continue
		}
		name, ok := expand(f[0], pipeWords)
		if !ok {
			name = f[0]
		}
		if name == "no-more" {
			continue
		}
		b.WriteString(" | ")
		b.WriteString(name)
		if rest := strings.TrimSpace(st[strings.Index(st, f[0])+len(f[0]):]); rest != "" {
			b.WriteByte(' ')
			b.WriteString(collapseOutsideQuotes(rest))
		}
	}
	return b.String()
}

// SplitPipes splits a command at the '|' outside quotes: the first stage is
// the command, each next one a filter. NX-OS reads an unquoted '|' as the
// start of another filter, so an alternation must be quoted (`| include
// "name-server|domain-lookup"`) to stay one pattern; this is how the NX-OS
// CLI is documented to parse pipes, not something checked on every release
// [U]. `show run | i name-server|domain-lookup` is thus an include followed
// by a filter named "domain-lookup", which slcheck does not know.
func SplitPipes(s string) []string {
	var out []string
	var quote byte
	start := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '|':
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// collapseOutsideQuotes turns runs of blanks into one space, except inside
// quotes where the pattern means them.
func collapseOutsideQuotes(s string) string {
	var b strings.Builder
	var quote byte
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if quote == 0 && (c == ' ' || c == '\t') {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		switch {
		case quote != 0 && c == quote:
			quote = 0
		case quote == 0 && (c == '"' || c == '\''):
			quote = c
		}
		b.WriteByte(c)
	}
	return b.String()
}
