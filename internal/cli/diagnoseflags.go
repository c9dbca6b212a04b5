package cli

import (
	"github.com/spf13/cobra"

	"github.com/slcheck/slcheck/diagnose"
)

// diagnoseFlags are the flags of the commands that diagnose captures and
// report: the output's, the checks selected and, where the command offers
// them, the live probes. addDiagnoseFlags adds them to a command; options
// validates them together.
type diagnoseFlags struct {
	out    *outputOptions
	probes *probeFlags // nil where the command has no probes (demo)
	sel    *selectFlags
}

func addDiagnoseFlags(cmd *cobra.Command, out *outputOptions, st Streams, withProbes bool) *diagnoseFlags {
	df := &diagnoseFlags{out: out}
	addOutputFlags(cmd, out, st)
	if withProbes {
		df.probes = addProbeFlags(cmd)
	}
	df.sel = addSelectFlags(cmd)
	return df
}

// options validates the flags and gives the diagnosis's options; every
// error is a usage error.
func (df *diagnoseFlags) options(st Streams) (diagnose.Options, error) {
	var opt diagnose.Options
	if err := df.out.validate(); err != nil {
		return opt, err
	}
	if df.probes != nil {
		var err error
		if opt, err = df.probes.options(); err != nil {
			return opt, err
		}
	}
	return opt, df.sel.apply(&opt, st)
}
