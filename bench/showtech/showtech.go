// Package showtech writes a synthetic NX-OS show tech-support of a given
// size for slcheck's big-capture benchmarks: thousands of sections of
// unrelated commands (counter tables, event logs, hex dumps with long
// lines) with the sections slcheck reads spread through them (Write), or
// the same with a `show logging logfile` of half the bytes, as on a busy
// switch (WriteLogHeavy). Those come
// from the classic Smart Licensing device of Cisco TAC document 217965
// whose Call Home URL is http:// ("failed to parse response data from SCH
// server"), so the diagnosis of every size is the same as that of the
// small capture that holds only them (size 0).
package showtech

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
)

// Write writes a show-tech of about size bytes (at least the licensing
// sections) generated from seed.
func Write(w io.Writer, size int64, seed uint64) error {
	return write(w, size, seed, false)
}

// WriteLogHeavy writes a show-tech of about size bytes whose `show logging
// logfile` holds half of them: lines of 60 to 2000 bytes, with the two
// licensing lines of Write's log deep inside (from a quarter to three
// quarters of it), so its diagnosis is Write's too. The other half is
// Write's filler (counter tables, `show system internal` event histories,
// `show hardware internal` dumps).
func WriteLogHeavy(w io.Writer, size int64, seed uint64) error {
	return write(w, size, seed, true)
}

func write(w io.Writer, size int64, seed uint64, logHeavy bool) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	g := &gen{w: bw, r: rand.New(rand.NewPCG(seed, 1)), logHeavy: logHeavy}
	g.showTech(size)
	return bw.Flush()
}

type gen struct {
	w       *bufio.Writer
	r       *rand.Rand
	written int64
	line    []byte
	// logHeavy: the log section takes half of the size (WriteLogHeavy).
	logHeavy bool
}

func (g *gen) put(b []byte) {
	g.w.Write(b)
	g.written += int64(len(b))
}

func (g *gen) str(s string) {
	g.w.WriteString(s)
	g.written += int64(len(s))
}

// showTech writes the header, then filler sections until size bytes, with
// the licensing sections at even intervals; size 0 writes them alone.
func (g *gen) showTech(size int64) {
	g.str("`show switchname`\nDC-DMZ\n\n")
	sections := licensingSections(g.r)
	filler := size
	if g.logHeavy {
		filler = size / 2
	}
	for i, sec := range sections {
		next := filler * int64(i+1) / int64(len(sections)+1)
		if g.logHeavy && i > logSection {
			next += size - filler
		}
		for g.written < next {
			g.filler()
		}
		if g.logHeavy && i == logSection {
			g.bigLog(sec, size-filler)
			continue
		}
		g.str(sec)
	}
	for g.written < size {
		g.filler()
	}
}

// bigLog writes the log section sec padded to about n bytes with lines
// that are not about licensing, half before its own lines and half after.
func (g *gen) bigLog(sec string, n int64) {
	header, lines, _ := strings.Cut(sec, "\n")
	g.str(header + "\n")
	pad := max(n-int64(len(sec)), 0)
	end := g.written + pad/2
	for g.written < end {
		g.logLine()
	}
	g.str(lines)
	end = g.written + pad - pad/2
	for g.written < end {
		g.logLine()
	}
}

// logMessages are busy-switch log lines that are not about licensing (words
// that hold the first letters of parsers.IsLicensingLogLine's appear:
// SYSMGR, syscall).
var logMessages = []string{
	"%ETHPORT-5-IF_DOWN_LINK_FAILURE: Interface Ethernet1/%d is down (Link failure)",
	"%ETHPORT-5-IF_UP: Interface Ethernet1/%d is up in mode access",
	"%ETHPORT-5-SPEED: Interface Ethernet1/%d, operational speed changed to 10 Gbps",
	"%VSHD-5-VSHD_SYSLOG_CONFIG_I: Configured from vty by admin on 10.20.0.%d@pts/0",
	"%SYSMGR-STANDBY-5-SUBPROC_TERMINATED: \"System Manager (gsync controller)\" (PID %d) has finished with error code SYSMGR_EXITCODE_GSYNCFAILED_NONFATAL (12).",
	"%L2FM-4-L2FM_MAC_MOVE: Mac 0050.56a1.%04x in vlan 120 has moved from Eth1/12 to Po10",
	"%DAEMON-3-SYSTEM_MSG: error: PAM: Authentication failure for illegal user root from 198.51.100.%d - dcos_sshd[27311]",
	"%AUTHPRIV-6-SYSTEM_MSG: pam_unix(dcos_sshd:session): session opened for user admin by (uid=%d) - dcos_sshd[1422]",
	"%USER-2-SYSTEM_MSG: CLIS: syscall failed in clis_vsh_poll_fd, errno %d - clis",
	"%NTP-6-NTP_SYNC_SUCCESS: NTP sync to server 10.10.10.123 in VRF management succeeded, offset %d us",
}

// logLine writes one log line; one in eight carries a long payload (a
// dump of a message's bytes), up to about 2000 bytes.
func (g *gen) logLine() {
	l := g.line[:0]
	l = fmt.Appendf(l, "2023 Mar %02d %02d:%02d:%02d DC-DMZ ", 1+g.r.IntN(13), g.r.IntN(24), g.r.IntN(60), g.r.IntN(60))
	// The facility's '%' is text, not a verb.
	l = append(l, '%')
	l = fmt.Appendf(l, logMessages[g.r.IntN(len(logMessages))][1:], g.r.IntN(60000))
	if g.r.IntN(8) == 0 {
		l = append(l, " payload:"...)
		for range 8 + g.r.IntN(150) {
			l = append(l, ' ')
			l = strconv.AppendUint(l, uint64(g.r.Uint32()), 16)
			l = append(l, "/0x00"...)
		}
	}
	l = append(l, '\n')
	g.line = l
	g.put(l)
}

// filler writes one section of a command slcheck does not read.
func (g *gen) filler() {
	switch k := g.r.IntN(10); {
	case k < 4:
		g.table()
	case k < 7:
		g.eventLog()
	default:
		g.hexDump()
	}
}

func (g *gen) header(format string, a ...any) {
	g.str("`" + fmt.Sprintf(format, a...) + "`\n")
}

func (g *gen) table() {
	g.header("show interface ethernet1/%d counters detailed all", 1+g.r.IntN(54))
	g.str("Port                   InOctets      InUcastPkts      InMcastPkts      InBcastPkts\n")
	g.str("-----------------------------------------------------------------------------------\n")
	for range 50 + g.r.IntN(400) {
		l := g.line[:0]
		l = append(l, "Eth1/"...)
		l = strconv.AppendInt(l, int64(1+g.r.IntN(54)), 10)
		for range 4 {
			l = append(l, "     "...)
			l = strconv.AppendUint(l, g.counter(), 10)
		}
		l = append(l, '\n')
		g.line = l
		g.put(l)
	}
	g.str("\n")
}

// counter is a packet counter: often zero, else up to a few millions.
func (g *gen) counter() uint64 {
	if g.r.IntN(2) == 0 {
		return 0
	}
	return g.r.Uint64N(5_000_000)
}

var (
	facilities = []string{"ETHPORT-5-IF_UP", "ETHPORT-5-IF_DOWN_LINK_FAILURE", "VSHD-5-VSHD_SYSLOG_CONFIG_I",
		"DAEMON-3-SYSTEM_MSG", "SYSMGR-STANDBY-5-SUBPROC_TERMINATED", "NTP-6-NTP_SYNC_SUCCESS", "L2FM-4-L2FM_MAC_MOVE"}
	months = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
)

func (g *gen) eventLog() {
	g.header("show system internal %s event-history %s", []string{"ethpm", "l2fm", "vpc", "sysmgr"}[g.r.IntN(4)],
		[]string{"errors", "msgs", "trace"}[g.r.IntN(3)])
	for range 100 + g.r.IntN(600) {
		l := g.line[:0]
		l = strconv.AppendInt(l, 2023, 10)
		l = append(l, ' ')
		l = append(l, months[g.r.IntN(12)]...)
		l = append(l, ' ')
		l = strconv.AppendInt(l, int64(10+g.r.IntN(18)), 10)
		l = append(l, ' ')
		l = strconv.AppendInt(l, int64(10+g.r.IntN(13)), 10)
		l = append(l, ':')
		l = strconv.AppendInt(l, int64(10+g.r.IntN(49)), 10)
		l = append(l, ':')
		l = strconv.AppendInt(l, int64(10+g.r.IntN(49)), 10)
		l = append(l, " DC-DMZ %"...)
		l = append(l, facilities[g.r.IntN(len(facilities))]...)
		l = append(l, ": pid="...)
		l = strconv.AppendInt(l, int64(g.r.IntN(99999)), 10)
		l = append(l, " event 0x"...)
		l = strconv.AppendUint(l, g.r.Uint64(), 16)
		l = append(l, " on Ethernet1/"...)
		l = strconv.AppendInt(l, int64(1+g.r.IntN(54)), 10)
		l = append(l, '\n')
		g.line = l
		g.put(l)
	}
}

const hexdigits = "0123456789abcdef"

func (g *gen) hexDump() {
	g.header("show hardware internal tah mem asic %d slice %d", g.r.IntN(4), g.r.IntN(8))
	words := 8
	if g.r.IntN(4) == 0 {
		words = 256 // long lines: a few KiB each
	}
	for i := range 20 + g.r.IntN(200) {
		l := g.line[:0]
		l = append(l, "0x"...)
		l = strconv.AppendUint(l, uint64(i*words*4), 16)
		l = append(l, ':')
		for range words {
			l = append(l, ' ')
			var v uint32 // mostly zeros and small values, as in real tables
			switch k := g.r.IntN(10); {
			case k < 3:
				v = g.r.Uint32() & 0xff
			case k < 4:
				v = g.r.Uint32()
			}
			for s := 28; s >= 0; s -= 4 {
				l = append(l, hexdigits[v>>uint(s)&0xf])
			}
		}
		l = append(l, '\n')
		g.line = l
		g.put(l)
	}
}

// licensingSections are the sections slcheck reads, from the device of doc
// 217965 with an http:// Call Home URL; the log holds thousands of lines of
// which two are about Smart Licensing.
//
// logSection is the index of the log in them.
func licensingSections(r *rand.Rand) []string {
	var log strings.Builder
	log.WriteString("`show logging logfile`\n")
	for i := range 20000 {
		fmt.Fprintf(&log, "2023 Mar %02d %02d:%02d:%02d DC-DMZ %%%s: interface Ethernet1/%d changed state\n",
			1+i*13/20000, i%24, i%60, (i*7)%60, facilities[r.IntN(len(facilities))], 1+r.IntN(54))
		if i%7000 == 6999 {
			fmt.Fprintf(&log, "2023 Mar 14 09:%02d:31 DC-DMZ %%LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure with the Cisco Smart License Utility (CSLU) : Failed to parse response data from SCH server\n", 27+i/7000*10)
		}
	}
	return []string{
		"`show version`\n" + showVersion,
		"`show clock`\nTime source is NTP\n10:02:11.456 UTC Tue Mar 14 2023\n\n",
		"`show running-config`\n" + runningConfig,
		"`show running-config callhome`\n" + runningCallhome,
		log.String(),
		"`show license status`\n" + licenseStatus,
		"`show ip route vrf management`\n" + routes,
		"`show hosts`\n" + hosts,
	}
}

const logSection = 4

const showVersion = `Cisco Nexus Operating System (NX-OS) Software
TAC support: http://www.cisco.com/tac
Copyright (C) 2002-2020, Cisco and/or its affiliates.
All rights reserved.

Software
  BIOS: version 07.68
 NXOS: version 9.3(5)
  BIOS compile time:  05/17/2019
  NXOS image file is: bootflash:///nxos.9.3.5.bin
  NXOS compile time:  7/20/2020 20:00:00 [07/21/2020 06:30:11]

Hardware
  cisco Nexus9000 C9348GC-FXP Chassis
  Intel(R) Xeon(R) CPU D-1526 @ 1.80GHz with 16400084 kB of memory.
  Processor Board ID FDO23110ABC

  Device name: DC-DMZ
  bootflash:   116884912 kB

`

const runningConfig = `
!Command: show running-config
!Running configuration last done at: Tue Mar 14 09:55:02 2023
!Time: Tue Mar 14 10:02:11 2023

version 9.3(5) Bios:version 07.68
hostname DC-DMZ
feature telnet
ip domain-lookup
ip name-server 10.10.10.53 use-vrf management
ip http source-interface mgmt0 vrf management
vrf context management
  ip route 0.0.0.0/0 10.20.0.1
interface mgmt0
  vrf member management
  ip address 10.20.0.10/24
` + callhomeBlock

const runningCallhome = `
!Command: show running-config callhome
!Running configuration last done at: Tue Mar 14 09:55:02 2023
!Time: Tue Mar 14 10:02:11 2023

version 9.3(5) Bios:version 07.68
` + callhomeBlock

// callhomeBlock ends both running-config outputs, as the switch prints
// the same block in each.
const callhomeBlock = `callhome
  email-contact abc@example.com
  phone-contact +919XXXXXXXXXX
  streetaddress ST3, RD 4, Bangalore
  destination-profile CiscoTAC-1 transport-method http
  destination-profile CiscoTAC-1 index 1 http http://tools.cisco.com/its/service/oddce/services/DDCEService
  transport http use-vrf management
  enable

`

const licenseStatus = `Smart Licensing is ENABLED

Registration:
  Status: UNREGISTERED - REGISTRATION FAILED
  Export-Controlled Functionality: Not Allowed
  Initial Registration: FAILED on Mar 14 09:57:31 2023 UTC
    Failure reason: Failed to parse response data from SCH server
  Next Registration Attempt: Mar 14 10:12:31 2023 UTC

License Authorization:
  Status: EVAL MODE
  Evaluation Period Remaining: 72 days, 3 hours, 41 minutes, 10 seconds

Smart License Conversion:
  Automatic Conversion Enabled: False
  Status: Not started

`

const routes = `IP Route Table for VRF "management"
'*' denotes best ucast next-hop
'**' denotes best mcast next-hop
'[x/y]' denotes [preference/metric]
'%<string>' in via output denotes VRF <string>

0.0.0.0/0, ubest/mbest: 1/0
    *via 10.20.0.1, [1/0], 3w2d, static
10.20.0.0/24, ubest/mbest: 1/0, attached
    *via 10.20.0.10, mgmt0, [0/0], 3w2d, direct
10.20.0.10/32, ubest/mbest: 1/0, attached
    *via 10.20.0.10, mgmt0, [0/0], 3w2d, local

`

const hosts = `DNS lookup enabled
Default domain for vrf:default is
Name/address lookup uses domain service
Name servers are 255.255.255.255

Vrf                Host                                    Address
management         10.10.10.53

`
