package redact

import (
	"regexp"
	"strings"
)

// Rule is one redaction rule as documentation and tests see it: the
// keyword it finds a secret after, the document that defines that keyword,
// and a line holding a secret (Secret) that Line must hide.
type Rule struct {
	Keyword string
	Source  string
	Example string
	Secret  string
	// Contact marks personal data, shown with --show-contacts.
	Contact bool
}

// Rules lists every rule in the order they apply.
func Rules() []Rule {
	out := make([]Rule, len(rules))
	for i, ru := range rules {
		out[i] = ru.Rule
	}
	return out
}

// rule finds secrets on one line: every submatch of re is a secret.
type rule struct {
	Rule
	// pattern is re's source, matched without regard to case.
	pattern string
	re      *regexp.Regexp
	// hint is a lower-case literal every match on an ASCII line contains,
	// in some case: such lines without it skip the regexp, which keeps a
	// 500 000-line capture cheap to redact. It holds no space where the
	// pattern takes any \s: a tab or two spaces there must not skip it.
	hint string
	// also is a second such literal, looked for only on lines with the
	// hint: it spares the regexp without adding a root for plain to look
	// for on every line.
	also string
	// keep lists values that are keywords, not secrets.
	keep []string
	hi   int // the hint's number among the distinct hints (see init)
}

// value is a config argument: a quoted string or one word. The quotes may
// be escaped (\"S3cret\" in a line quoted with %q or in JSON), once or more.
const value = `(\\*"[^"]*"|\S+)`

// cfgStart anchors a rule to the start of a configuration line or of a
// value within a line: the start of the line; after a colon and blanks
// ("file:12: ", "Failure reason: ", a JSON `"text": "`); after a quote,
// escaped or not (a device line quoted with %q in a message, a quoted
// value); after a semicolon (the " ; " between the commands of an
// accounting log line); after "!" or "/" (an archive member's or a path's
// name: a file name is hostile too). Prose that merely names the keyword
// after a word ("add an email-contact line") is left alone.
const cfgStart = `(?:^|:\s+(?:\\*")?|\\*"|;|[!/])\s*`

// startOrMid is a pattern for keyword kw followed by a value: at a start
// (cfgStart), any value (val: value or rest); after a word (a keyword in a
// failure reason or a file name after other words: "HTTP error,
// streetaddress 12 Elm Road"), the value (mid: midValue or midRest) only
// when its first word is not a lower-case word of prose, so "add an
// email-contact line" and "asked for a password and none was given" stay
// as they are. Not after a backtick either: slcheck's own code spans
// ("Add `email-contact <address>` under callhome").
func startOrMid(kw, val, mid string) string {
	return `(?:` + cfgStart + kw + val + `|` + midStart + kw + mid + `)`
}

// midStart is where a word starts, but in a code span or a hyphenated word.
const midStart = "(?:^|[^\\w`-])"

// notProse starts a value whose first word is not a lower-case ASCII word:
// a character that is not a lower-case letter, or one after some.
const notProse = `(?-i:[^a-z\s]|[a-z]+[^a-z\s])`

// midValue and midRest are value and rest for startOrMid after a word.
const (
	midValue = `(\\*"[^"]*"|` + notProse + `\S*)`
	midRest  = `(` + notProse + `.*?)(?:",?)?$`
)

// labelStart anchors a label with its colon ("sys contact:"), which prose
// does not write: wherever a word starts.
const labelStart = `\b`

// rest is the rest of the line, without the quote (and comma) that ends it
// in a JSON document.
const rest = `(.+?)(?:",?)?$`

// typed is NX-OS's optional encryption type before a secret (0, 3, 5, 6,
// 7...).
const typed = `(?:[0-9]\s+)?`

// The configuration guides the rules' keywords come from (Cisco Nexus 9000
// Series NX-OS, release 9.3(x) and 10.x editions; the commands are the same
// on the Nexus 3000 and 7000 guides).
const (
	secGuide   = "Cisco Nexus 9000 Series NX-OS Security Configuration Guide"
	sysGuide   = "Cisco Nexus 9000 Series NX-OS System Management Configuration Guide"
	routeGuide = "Cisco Nexus 9000 Series NX-OS Unicast Routing Configuration Guide"
	mcastGuide = "Cisco Nexus 9000 Series NX-OS Multicast Routing Configuration Guide"
	ifGuide    = "Cisco Nexus 9000 Series NX-OS Interfaces Configuration Guide"
	progGuide  = "Cisco Nexus 9000 Series NX-OS Programmability Guide"
)

// rules in the order they apply; specific forms come before generic ones.
// Each names the guide (and chapter) that defines its keyword; a form
// slcheck hides without a guide to cite says so. Every example passes
// through Line and every output format in the tests (TestEveryRule here,
// TestEveryRuleEveryFormat in report).
var rules = []rule{
	{Rule: Rule{Keyword: "-----BEGIN ... PRIVATE KEY----- (on one line)", Source: "RFC 7468 (PEM): a key quoted on one line, as JSON quotes a block (a block of lines: see below)",
		Example: `"text": "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAkeyBody\n-----END RSA PRIVATE KEY-----"`, Secret: "MIIEpAIBAAKCAQEAkeyBody"},
		hint: "private key", pattern: `-----BEGIN [A-Z ]*PRIVATE KEY-----\s*(\S.*?)\s*(?:-----END [A-Z ]*PRIVATE KEY-----|$)`},
	{Rule: Rule{Keyword: "scheme://user:password@host", Source: "RFC 3986 section 3.2.1 (userinfo, up to the last @); NX-OS copy and proxy URLs",
		Example: "transport http proxy server http://:p@ss/w0rd@proxy.example.com", Secret: "p@ss/w0rd"},
		hint: "@", pattern: `\b[a-z][a-z0-9+.-]*://[^\s:/"]*:([^\s"]*)@`},
	{Rule: Rule{Keyword: "scheme://userinfo@host (no colon)", Source: "RFC 3986 section 3.2.1 (userinfo): a user or a token such as a proxy's API key, which look alike, so the whole userinfo is hidden",
		Example: "transport http proxy server http://Tok3nOnly@proxy.example.com:3128", Secret: "Tok3nOnly"},
		hint: "@", pattern: `\b[a-z][a-z0-9+.-]*://([^\s:/"]+)@`},
	{Rule: Rule{Keyword: "username NAME ... password [0|5] PASSWORD", Source: secGuide + ", Configuring User Accounts and RBAC",
		Example: "username ops role network-operator password 5 $5$S3cr3tHash", Secret: "$5$S3cr3tHash"},
		hint: "password", also: "username", pattern: `\busername\s+\S+\s+(?:.*?\s)?password\s+` + typed + value},
	{Rule: Rule{Keyword: "ip msdp password PEER [3|7] PASSWORD", Source: mcastGuide + ", Configuring MSDP",
		Example: "ip msdp password 192.0.2.7 3 S3cr3tMsdp", Secret: "S3cr3tMsdp"},
		hint: "password", also: "msdp", pattern: `\bmsdp\s+password\s+\S+\s+` + typed + value},
	{Rule: Rule{Keyword: "nxapi ... password PASSPHRASE", Source: progGuide + ", NX-API (nxapi certificate httpskey keyfile FILE password PASSPHRASE)",
		Example: "nxapi certificate httpskey keyfile bootflash:server.key password S3cr3tPhrase", Secret: "S3cr3tPhrase"},
		hint: "password", also: "nxapi", pattern: `\bnxapi\s.*?\bpassword\s+` + typed + value},
	{Rule: Rule{Keyword: "password [0|3|7] PASSWORD", Source: routeGuide + ", the BGP chapters (neighbor password); any typed password",
		Example: "    password 3 S3cr3tBgp", Secret: "S3cr3tBgp"},
		hint: "password", pattern: `\bpassword\s+[0-9]+\s+` + value},
	{Rule: Rule{Keyword: "password PASSWORD (untyped: at a start, or a word that is not prose)", Source: routeGuide + ", the BGP chapters (neighbor password, untyped)",
		Example: "  password S3cr3tLine", Secret: "S3cr3tLine"},
		hint: "password", pattern: startOrMid(`password\s+`+typed, value, midValue)},
	{Rule: Rule{Keyword: "proxy ... username NAME password PASSWORD", Source: "no NX-OS guide: the HTTP proxy credentials of other Cisco platforms, hidden in case a release takes them",
		Example: "license smart proxy http://proxy.example.com 3128 username u password S3cr3tProxy", Secret: "S3cr3tProxy"},
		hint: "password", also: "proxy", pattern: `\bproxy\s.*?\busername\s+\S+\s+password\s+` + typed + value},
	{Rule: Rule{Keyword: "vtp password PASSWORD", Source: "Cisco Nexus 9000 Series NX-OS Layer 2 Switching Configuration Guide, Configuring VTP",
		Example: "vtp password S3cr3tVtp", Secret: "S3cr3tVtp"},
		hint: "password", also: "vtp", pattern: `\bvtp\s+password\s+` + typed + value},
	{Rule: Rule{Keyword: "enable secret [0|5] SECRET", Source: secGuide + ", Configuring User Accounts and RBAC (feature privilege)",
		Example: "enable secret 5 $5$S3cr3tEnable", Secret: "$5$S3cr3tEnable"},
		hint: "secret", pattern: `\b(?:enable\s+secret\s+` + typed + `|secret\s+[0-9]+\s+)` + value},
	{Rule: Rule{Keyword: "ldap-server host ... rootDN ... password [0|7] PASSWORD", Source: secGuide + ", Configuring LDAP",
		Example: `ldap-server host 192.0.2.9 rootDN "cn=admin" password 7 S3cr3tLdap`, Secret: "S3cr3tLdap"},
		hint: "password", also: "rootdn", pattern: `\brootDN\s.*?\bpassword\s+` + typed + value},
	{Rule: Rule{Keyword: "tacacs-server|radius-server [host ...] key [0|7] KEY", Source: secGuide + ", Configuring TACACS+ and Configuring RADIUS",
		Example: `tacacs-server host 192.0.2.10 key 7 "S3cr3tTacacs" port 49`, Secret: "S3cr3tTacacs"},
		hint: "key", pattern: `\b(?:tacacs-server|radius-server|tacacs|radius)\b.*?\bkey\s+` + typed + value},
	{Rule: Rule{Keyword: "ntp authentication-key N {md5|sha1|...} KEY", Source: sysGuide + ", Configuring NTP",
		Example: "ntp authentication-key 1 sha1 S3cr3tNtp 7", Secret: "S3cr3tNtp"},
		hint: "authentication-key", pattern: `\bntp\s+authentication-key\s+\d+\s+[a-z][\w-]*\s+` + value},
	{Rule: Rule{Keyword: "ip ospf authentication-key [0|3|7] KEY", Source: routeGuide + ", Configuring OSPFv2",
		Example: "  ip ospf authentication-key 3 S3cr3tOspf", Secret: "S3cr3tOspf"},
		hint: "authentication-key", pattern: `\bospf\s+authentication-key\s+` + typed + value},
	{Rule: Rule{Keyword: "authentication-key [0|3] KEY (OSPF virtual link)", Source: routeGuide + ", Configuring OSPFv2 (virtual links)",
		Example: "    authentication-key 3 S3cr3tVlink", Secret: "S3cr3tVlink"},
		hint: "authentication-key", pattern: `(?:(?:` + cfgStart + `|\bvirtual-link\s+\S+\s+)authentication-key\s+` + typed + value +
			// After a word, typed, as in startOrMid; ntp's key ID and
			// algorithm ("ntp authentication-key 1 md5") are not a key.
			`|` + midStart + `authentication-key\s+[0-9]\s+` + midValue + `)`,
		keep: []string{"md5", "sha1", "sha256", "sha384", "sha512"}},
	{Rule: Rule{Keyword: "ip ospf message-digest-key N md5 [0|3|7] KEY", Source: routeGuide + ", Configuring OSPFv2",
		Example: "  ip ospf message-digest-key 1 md5 3 S3cr3tDigest", Secret: "S3cr3tDigest"},
		hint: "message-digest-key", pattern: `\bmessage-digest-key\s+\d+\s+md5\s+` + typed + value},
	{Rule: Rule{Keyword: "ospfv3 authentication ipsec spi N {md5|sha1} [0|3|7] KEY", Source: routeGuide + ", Configuring OSPFv3 (authentication)",
		Example: "  ospfv3 authentication ipsec spi 256 sha1 3 S3cr3tSpi", Secret: "S3cr3tSpi"},
		hint: "ipsec", pattern: `\bipsec\s+spi\s+\d+\s+(?:md5|sha1)\s+` + typed + value},
	{Rule: Rule{Keyword: "encryption ipsec spi N esp ALGORITHM [0|3|7] KEY authentication {md5|sha1} [0|3|7] KEY", Source: "the OSPFv3 encryption form as IOS prints it; not found in an NX-OS guide at hand (verify whether your release takes it), hidden wherever it appears",
		Example: "  ospfv3 encryption ipsec spi 300 esp aes-cbc 3 S3cr3tEsp authentication sha1 3 S3cr3tEspAuth", Secret: "S3cr3tEsp"},
		hint: "ipsec", also: "esp", pattern: `\bipsec\s+spi\s+\d+\s+esp\s+(?:null\s+|\S+\s+` + typed + value + `\s+)?(?:authentication\s+(?:md5|sha1)\s+` + typed + value + `)?`},
	{Rule: Rule{Keyword: "key-string [0|7] KEY", Source: secGuide + ", Configuring Keychain Management; HSRP authentication md5 key-string",
		Example: "    key-string 7 S3cr3tString", Secret: "S3cr3tString"},
		hint: "key-string", pattern: `\bkey-string\s+` + typed + value},
	{Rule: Rule{Keyword: "key-octet-string [0|6|7] OCTETS", Source: secGuide + ", Configuring MACsec (MACsec key chains)",
		Example: "    key-octet-string 7 S3cr3tOctets cryptographic-algorithm AES_256_CMAC", Secret: "S3cr3tOctets"},
		hint: "key-octet-string", pattern: `\bkey-octet-string\s+` + typed + value},
	{Rule: Rule{Keyword: "bfd authentication ... hex-key [3|7] KEY", Source: ifGuide + ", Configuring BFD (authentication)",
		Example: "  bfd authentication keyed-sha1 keyid 1 hex-key 3 S3cr3tHex", Secret: "S3cr3tHex"},
		hint: "hex-key", pattern: `\bhex-key\s+` + typed + value},
	{Rule: Rule{Keyword: "bfd authentication ... key KEY", Source: ifGuide + ", Configuring BFD (authentication)",
		Example: "  bfd authentication keyed-sha1 keyid 1 key S3cr3tAscii", Secret: "S3cr3tAscii"},
		hint: "key", also: "bfd", pattern: `\bbfd\s+authentication\s.*?\bkey\s+` + typed + value},
	{Rule: Rule{Keyword: "authentication text PASSWORD", Source: routeGuide + ", Configuring HSRP and Configuring VRRP",
		Example: "    authentication text S3cr3tHsrp", Secret: "S3cr3tHsrp"},
		hint: "authentication", pattern: `\bauthentication\s+text\s+` + value},
	{Rule: Rule{Keyword: "pre-shared-key [local|remote] [hex] [0|6|7] KEY", Source: "no NX-OS guide at hand: the IKE form (crypto ikev2 keyring) of other Cisco platforms, hidden wherever it appears",
		Example: "  pre-shared-key local S3cr3tPsk", Secret: "S3cr3tPsk"},
		hint: "pre-shared-key", pattern: `\bpre-shared-key\s+(?:(?:local|remote|hex)\s+){0,2}` + typed + value},
	{Rule: Rule{Keyword: "crypto isakmp key [0|6] KEY", Source: "no NX-OS guide at hand: the IKEv1 pre-shared key of IOS (crypto isakmp key KEY address PEER), hidden wherever it appears",
		Example: "crypto isakmp key S3cr3tIsakmp address 192.0.2.11", Secret: "S3cr3tIsakmp"},
		hint: "isakmp", pattern: `\bisakmp\s+key\s+` + typed + value},
	{Rule: Rule{Keyword: "ip pim hello-authentication ah-md5 [0|3|7] KEY", Source: mcastGuide + ", Configuring PIM",
		Example: "  ip pim hello-authentication ah-md5 3 S3cr3tPim", Secret: "S3cr3tPim"},
		hint: "ah-md5", pattern: `\bah-md5\s+` + typed + value},
	{Rule: Rule{Keyword: "key config-key ascii [0|7] KEY", Source: secGuide + ", the AES password encryption and master key section (feature password encryption aes; its chapter differs between releases)",
		Example: "key config-key ascii S3cr3tMaster", Secret: "S3cr3tMaster"},
		hint: "config-key", pattern: `\bkey\s+config-key\s+ascii\s+` + typed + value},
	{Rule: Rule{Keyword: "crypto ca import|export TRUSTPOINT pkcs12 FILE PASSPHRASE", Source: secGuide + ", Configuring PKI; IOS's crypto pki ... pkcs12 URL password PASSPHRASE too",
		Example: "crypto ca import myTP pkcs12 bootflash:tp.p12 S3cr3tPkcs", Secret: "S3cr3tPkcs"},
		hint: "pkcs12", pattern: `\bcrypto\s+(?:ca|pki|key)\s+(?:import|export)\s.*?\bpkcs12\s+\S+\s+(?:password\s+)?` + value},
	// Any other typed or quoted key: key 7 "SECRET", key 0 SECRET.
	// ("authentication-key 1 md5" is not one: the hyphen rules it out.)
	{Rule: Rule{Keyword: "key [0|6|7] KEY", Source: secGuide + ", Configuring Keychain Management and the AAA server keys; any typed key",
		Example: "  key 7 S3cr3tKey", Secret: "S3cr3tKey"},
		hint: "key", pattern: `(?:^|[^-\w])key\s+[0-9]\s+` + value,
		// ntp server HOST key ID [prefer] [use-vrf VRF]: the word after a
		// key ID.
		keep: []string{"use-vrf", "prefer", "maxpoll", "minpoll"}},
	{Rule: Rule{Keyword: `key "KEY"`, Source: secGuide + ", Configuring TACACS+ and Configuring RADIUS (quoted keys)",
		Example: `  key "S3cr3tQuoted"`, Secret: "S3cr3tQuoted"},
		hint: "key", pattern: `(?:^|[^-\w])key\s+(\\*"[^"]*")`},
	{Rule: Rule{Keyword: "snmp-server community NAME", Source: sysGuide + ", Configuring SNMP",
		Example: "snmp-server community S3cr3tComm group network-operator", Secret: "S3cr3tComm"},
		hint: "snmp-server", pattern: `\bsnmp-server\s+community\s+` + value},
	{Rule: Rule{Keyword: "snmp-server host HOST ... version {1|2c} COMMUNITY", Source: sysGuide + ", Configuring SNMP",
		Example: "snmp-server host 192.0.2.1 traps version 2c S3cr3tTrap udp-port 162", Secret: "S3cr3tTrap"},
		hint: "snmp-server", pattern: `\bsnmp-server\s+host\s+\S+\s+(?:(?:traps|informs)\s+)?version\s+(?:1|2c)\s+` + value},
	{Rule: Rule{Keyword: "snmp-server host HOST {traps|informs} COMMUNITY", Source: sysGuide + ", Configuring SNMP",
		Example: "snmp-server host 192.0.2.1 informs S3cr3tInform", Secret: "S3cr3tInform"},
		hint: "snmp-server", pattern: `\bsnmp-server\s+host\s+\S+\s+(?:traps|informs)\s+` + value, keep: []string{"version"}},
	{Rule: Rule{Keyword: "snmp-server host HOST COMMUNITY", Source: sysGuide + ", Configuring SNMP (informs, traps and version are optional)",
		Example: "snmp-server host 192.0.2.1 S3cr3tBare udp-port 162", Secret: "S3cr3tBare"},
		hint: "snmp-server", pattern: `\bsnmp-server\s+host\s+\S+\s+` + value,
		keep: []string{"traps", "informs", "version", "use-vrf", "filter-vrf", "source-interface"}},
	{Rule: Rule{Keyword: "snmp-server mib community-map COMMUNITY context NAME", Source: sysGuide + ", Configuring SNMP (community to context mapping)",
		Example: "snmp-server mib community-map S3cr3tMap context vrf1", Secret: "S3cr3tMap"},
		hint: "snmp-server", also: "community-map", pattern: `\bsnmp-server\s+mib\s+community-map\s+` + value},
	{Rule: Rule{Keyword: "snmp-server user NAME ... auth {md5|sha...} PASSWORD", Source: sysGuide + ", Configuring SNMP (SNMPv3 users)",
		Example: "snmp-server user ops network-operator auth sha S3cr3tAuth", Secret: "S3cr3tAuth"},
		hint: "snmp-server", pattern: `\bsnmp-server\s+user\s+.*?\bauth\s+(?:md5|sha\S*)\s+` + value},
	{Rule: Rule{Keyword: "snmp-server user NAME ... priv [aes-128|aes-256|...] PASSWORD", Source: sysGuide + ", Configuring SNMP (SNMPv3 users)",
		Example: "snmp-server user ops network-operator auth md5 0xA1 priv aes-256 S3cr3tPriv localizedkey", Secret: "S3cr3tPriv"},
		hint: "snmp-server", pattern: `\bsnmp-server\s+user\s+.*?\bpriv\s+(?:(?:aes-\d+|3des|des)\s+)?` + value,
		keep: []string{"aes-128", "aes-192", "aes-256", "3des", "des"}},
	// Placeholders such as "<token>" in remedies are left as written.
	{Rule: Rule{Keyword: "license smart register|trust idtoken TOKEN", Source: "Cisco TAC document 217965, Smart Licensing on Nexus Platforms; the Smart Licensing Using Policy user guide (trust idtoken)",
		Example: "license smart register idtoken S3cr3tTokenZZ force", Secret: "S3cr3tTokenZZ"},
		hint: "idtoken", pattern: `\bidtoken\s+("[^"]*"|[^\s<"]\S{7,})`},
	// Cisco ID tokens carry an encoded newline ("%0A") inside a long base64
	// run.
	{Rule: Rule{Keyword: "a token-shaped string anywhere (base64 with %0A)", Source: "slcheck's assumption, not a Cisco document (217965 prints a token as XXXX): an ID token holds an encoded newline (%0A) between base64 runs; a token of another shape is hidden only after idtoken",
		Example: "token was ZTI0ZWM5YmYtMTE1%0AMjMzOTc0NjA3 in the log", Secret: "ZTI0ZWM5YmYtMTE1%0AMjMzOTc0NjA3"},
		hint: "%0a", pattern: `([A-Za-z0-9+/=_-]{8,}%0A[A-Za-z0-9%+/=_-]{8,})`},

	// Contact details (personal data), shown only with --show-contacts.
	{Rule: Rule{Keyword: "email-contact ADDRESS", Source: sysGuide + ", Configuring Smart Call Home", Contact: true,
		Example: "  email-contact noc@example.org", Secret: "noc@example.org"},
		hint: "email-contact", pattern: startOrMid(`email-contact\s+`, rest, midRest)},
	{Rule: Rule{Keyword: "phone-contact NUMBER", Source: sysGuide + ", Configuring Smart Call Home", Contact: true,
		Example: "  phone-contact +1-408-555-0100", Secret: "+1-408-555-0100"},
		hint: "phone-contact", pattern: startOrMid(`phone-contact\s+`, rest, midRest)},
	{Rule: Rule{Keyword: "streetaddress ADDRESS", Source: sysGuide + ", Configuring Smart Call Home", Contact: true,
		Example: "  streetaddress 1 Main Street, Springfield", Secret: "1 Main Street"},
		hint: "streetaddress", pattern: startOrMid(`streetaddress\s+`, rest, midRest)},
	{Rule: Rule{Keyword: "customer-id|site-id|contract-id ID", Source: sysGuide + ", Configuring Smart Call Home", Contact: true,
		Example: "  contract-id CT-998877", Secret: "CT-998877"},
		hint: "-id", pattern: startOrMid(`(?:customer-id|site-id|contract-id)\s+`, rest, midRest)},
	{Rule: Rule{Keyword: "snmp-server contact NAME", Source: sysGuide + ", Configuring SNMP", Contact: true,
		Example: "snmp-server contact Jane Doe x5555", Secret: "Jane Doe"},
		hint: "contact", also: "snmp-server", pattern: `\bsnmp-server\s+contact\s+` + rest},
	{Rule: Rule{Keyword: "sys contact: NAME (show snmp)", Source: sysGuide + ", Configuring SNMP (the show snmp label; not verified on a capture)", Contact: true,
		Example: "sys contact: Jane Roe x5555", Secret: "Jane Roe"},
		hint: "contact", also: "sys", pattern: labelStart + `sys\s+contact:\s*` + rest},
	// A location can be a street address: personal data as a contact is.
	{Rule: Rule{Keyword: "snmp-server location TEXT", Source: sysGuide + ", Configuring SNMP", Contact: true,
		Example: "snmp-server location Bldg 7, 12 Elm Road", Secret: "12 Elm Road"},
		hint: "location", also: "snmp-server", pattern: `\bsnmp-server\s+location\s+` + rest},
	{Rule: Rule{Keyword: "sys location: TEXT (show snmp)", Source: sysGuide + ", Configuring SNMP (the show snmp label; not verified on a capture)", Contact: true,
		Example: "sys location: Bldg 9, 4 Oak Lane", Secret: "4 Oak Lane"},
		hint: "location", also: "sys", pattern: labelStart + `sys\s+location:\s*` + rest},
	// What show callhome prints of the same details. NX-OS's labels as the
	// guide's example prints them; IOS XE's as the fixture
	// show_callhome/IOSXE-contrast__muninn__csr1000v_17.3_show_call-home_default.txt
	// (real output) does.
	{Rule: Rule{Keyword: "contact person name|contact person's email|phone number: VALUE (show callhome)", Source: sysGuide + ", Configuring Smart Call Home (show callhome as the guide's example prints it; verify the labels on your release); IOS XE show call-home (a real capture)", Contact: true,
		Example: "contact person's phone number:+1-408-555-0199", Secret: "+1-408-555-0199"},
		hint: "contact", also: "person", pattern: labelStart + `contact\s+person(?:'s)?[^:]*:\s*` + rest, keep: notSet},
	{Rule: Rule{Keyword: "street addr|street address: ADDRESS (show callhome)", Source: sysGuide + ", Configuring Smart Call Home (show callhome as the guide's example prints it; verify the labels on your release); IOS XE show call-home (a real capture)", Contact: true,
		Example: "street addr:12 Picaboo Street, Springfield", Secret: "Picaboo"},
		hint: "street", pattern: labelStart + `street\s+addr(?:ess)?:\s*` + rest, keep: notSet},
	{Rule: Rule{Keyword: "site id|customer id|contract id: ID (show callhome)", Source: sysGuide + ", Configuring Smart Call Home (show callhome as the guide's example prints it; verify the labels on your release); IOS XE show call-home (a real capture)", Contact: true,
		Example: "    customer ID: Customer123456", Secret: "Customer123456"},
		hint: "id:", pattern: labelStart + `(?:site|customer|contract)\s+id:\s*` + rest, keep: notSet},
	// The call-home spelling of other platforms.
	{Rule: Rule{Keyword: "street-address ADDRESS", Source: "not NX-OS (its callhome says streetaddress, phone-contact): the call-home spelling of other Cisco platforms (IOS XE, ASA), hidden in case a capture holds it", Contact: true,
		Example: " street-address 7 Elm Road", Secret: "7 Elm Road"},
		hint: "street", also: "street-address", pattern: startOrMid(`street-address\s+`, rest, midRest)},
	{Rule: Rule{Keyword: "phone-number NUMBER", Source: "not NX-OS (its callhome says streetaddress, phone-contact): the call-home spelling of other Cisco platforms (IOS XE, ASA), hidden in case a capture holds it", Contact: true,
		Example: " phone-number +14085550142", Secret: "+14085550142"},
		hint: "phone", also: "phone-number", pattern: startOrMid(`phone-number\s+`, rest, midRest)},
	{Rule: Rule{Keyword: "contact-name NAME", Source: "not NX-OS (its callhome says streetaddress, phone-contact): the call-home spelling of other Cisco platforms (IOS XE, ASA), hidden in case a capture holds it", Contact: true,
		Example: " contact-name Joan Poe", Secret: "Joan Poe"},
		hint: "contact", also: "contact-name", pattern: startOrMid(`contact-name\s+`, rest, midRest)},
	{Rule: Rule{Keyword: "an e-mail address anywhere", Source: "RFC 5322 addresses (personal data wherever a capture holds one)", Contact: true,
		Example: "send to jane.doe@example.org please", Secret: "jane.doe@example.org"},
		hint: "@", pattern: `([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})`},
}

// notSet is what show callhome prints for a detail never configured.
var notSet = []string{"Not yet set up"}

func (ru *rule) keeps(v string) bool {
	for _, k := range ru.keep {
		if strings.EqualFold(k, v) {
			return true
		}
	}
	return false
}

// anySpace rewrites a rule's pattern so that \s, \S and a space also take
// the Unicode space separators (category Zs: a no-break space, an em
// space) as spaces: a capture pasted through a mail or a web page holds them
// where the switch printed a space, and RE2's \s is ASCII only.
func anySpace(pattern string) string {
	var b strings.Builder
	inClass := false
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		switch {
		case c == '\\' && i+1 < len(pattern):
			switch e := pattern[i+1]; {
			case e == 's' && inClass:
				b.WriteString(`\s\p{Zs}`)
			case e == 's':
				b.WriteString(`[\s\p{Zs}]`)
			case e == 'S' && !inClass:
				b.WriteString(`[^\s\p{Zs}]`)
			default:
				b.WriteString(pattern[i : i+2])
			}
			i++
			continue
		case c == ' ': // \p{Zs} holds the space itself, in a class or not
			b.WriteString(`\p{Zs}`)
			continue
		case c == '[' && !inClass:
			inClass = true
		case c == ']' && inClass:
			inClass = false
		}
		b.WriteByte(c)
	}
	return b.String()
}
