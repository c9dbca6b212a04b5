// Package parsers turns the text of one NX-OS command into typed facts. Each
// parser is a pure function of a capture.Section: it keeps the source line of
// every fact (a capture.Ref) and never decides what is wrong; that is the
// job of package checks. One file per command holds its types and parser.
//
// Parsers are tolerant, as real output demands: keywords match
// case-insensitively, indentation varies (copies of real output that lost
// it still parse), unknown lines are skipped. A parser returns nil when the
// text holds nothing it recognises, so "captured but unreadable" and
// "captured and empty" stay distinguishable from a fact.
//
// Dates keep the zone the device printed (ParseDate): a known abbreviation
// gets its offset, an unknown one or none is kept at offset zero and
// ZoneKnown reports false. The clock of the machine running slcheck is
// never consulted.
package parsers
