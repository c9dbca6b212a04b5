// Package parsers turns the text of one NX-OS command into typed facts. Each
// parser is a pure function of a capture.Section: it keeps the source line of
// every fact (a capture.Ref) and never decides what is wrong; that is the
// job of package checks.
//
// Parsers are tolerant, as real output demands: keywords match
// case-insensitively, indentation varies, unknown lines are skipped.
package parsers
