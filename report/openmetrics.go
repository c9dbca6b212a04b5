package report

import (
	"io"
	"strings"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/common/expfmt"

	"github.com/slcheck/slcheck/checks"
	"github.com/slcheck/slcheck/lifecycle"
)

// deviceLabels label every per-device metric: the switch slcheck reached
// (Device.Host) or the capture it read (Device.Source), and what the
// capture says it is.
var deviceLabels = []string{"host", "hostname", "release", "mode"}

// metrics are the gauges of one run, registered in their own registry so
// a rendering never sees another's (or the process's default collectors).
type metrics struct {
	reg                           *prometheus.Registry
	deadline, expiry, ackDeadline *prometheus.GaugeVec
	failed, rootCause, up         *prometheus.GaugeVec
}

func newMetrics() *metrics {
	gauge := func(name, help string, extra ...string) *prometheus.GaugeVec {
		return prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: name, Help: help},
			append(append([]string{}, deviceLabels...), extra...))
	}
	m := &metrics{reg: prometheus.NewPedanticRegistry(),
		deadline: gauge("slcheck_communication_deadline_seconds",
			"Unix time of the classic Smart Licensing communication deadline the switch printed (authorization expires after it; Cisco doc 217965)."),
		expiry: gauge("slcheck_registration_expiry_seconds",
			"Unix time the switch's registration (ID certificate) expires, as it printed it."),
		ackDeadline: gauge("slcheck_slp_ack_deadline_seconds",
			"Unix time of the Smart Licensing Using Policy deadline for the next usage report ACK, as the switch printed it."),
		failed: gauge("slcheck_check_failed",
			"1 when the check failed, 0 when it passed; a check skipped (not applicable, or the input lacks its command) has no sample.", "id", "severity"),
		rootCause: gauge("slcheck_root_cause",
			"1 for each failure at warning or error that no other failure explains: what to fix first.", "id", "severity"),
		up: gauge("slcheck_collection_up",
			"1 when the switch was collected (or its capture read) and diagnosed, 0 when it could not be; the labels other than host are empty then."),
	}
	m.reg.MustRegister(m.deadline, m.expiry, m.ackDeadline, m.failed, m.rootCause, m.up)
	return m
}

// writeOpenMetrics writes doc as gauges in the OpenMetrics 1.0 text
// format, encoded by the Prometheus client library (expfmt), which
// node_exporter's textfile collector (and Prometheus) read. The label
// values come from captures: doc was escaped by the output layer (no
// control character is left raw) and the encoder quotes and escapes them.
// Times are Unix seconds; no sample carries a timestamp (the textfile
// collector refuses them).
func writeOpenMetrics(w io.Writer, doc *Document) error {
	m := newMetrics()
	for _, d := range doc.Devices {
		if err := m.device(d); err != nil {
			return err
		}
	}
	for _, e := range doc.Errors {
		if e.Kind != KindInput && e.Kind != KindCollection {
			continue
		}
		g, err := m.up.GetMetricWithLabelValues(labelValue(e.Source), "", "", "")
		if err != nil {
			return err
		}
		g.Set(0)
	}
	fams, err := m.reg.Gather()
	if err != nil {
		return err
	}
	enc := expfmt.NewEncoder(w, expfmt.NewFormat(expfmt.TypeOpenMetrics))
	for _, f := range fams {
		if err := enc.Encode(f); err != nil {
			return err
		}
	}
	if c, ok := enc.(expfmt.Closer); ok {
		return c.Close() // the final "# EOF"
	}
	return nil
}

// labelValue is a value from the document as one line: the output layer
// escaped every control character but the line break (it works line by
// line), which becomes the same visible escape here.
func labelValue(s string) string { return strings.ReplaceAll(s, "\n", `\x0a`) }

// device sets the gauges of one diagnosed device.
func (m *metrics) device(d Device) error {
	host := d.Host
	if host == "" {
		host = d.Source
	}
	labels := []string{labelValue(host), labelValue(d.Hostname), labelValue(d.Version), labelValue(string(d.Mode))}
	set := func(v *prometheus.GaugeVec, value float64, extra ...string) error {
		g, err := v.GetMetricWithLabelValues(append(append([]string{}, labels...), extra...)...)
		if err == nil {
			g.Set(value)
		}
		return err
	}
	if err := set(m.up, 1); err != nil {
		return err
	}
	if l := d.Lifecycle; l != nil {
		for _, dl := range []struct {
			kind  lifecycle.Kind
			gauge *prometheus.GaugeVec
		}{{lifecycle.KindDeadline, m.deadline}, {lifecycle.KindExpires, m.expiry}, {lifecycle.KindACKDeadline, m.ackDeadline}} {
			if ev := l.Event(dl.kind); ev != nil {
				if err := set(dl.gauge, float64(ev.Time.Unix())); err != nil {
					return err
				}
			}
		}
	}
	for _, r := range d.Results {
		var err error
		switch r.Status {
		case checks.Fail:
			err = set(m.failed, 1, r.ID, string(r.Severity))
		case checks.Pass:
			err = set(m.failed, 0, r.ID, string(r.Severity))
		}
		if err != nil {
			return err
		}
	}
	// Findings are the problems (warning and error; info failures are
	// notes), root causes first: JSON's root_causes.
	for _, f := range d.Findings() {
		if err := set(m.rootCause, 1, f.ID, string(f.Severity)); err != nil {
			return err
		}
	}
	return nil
}
