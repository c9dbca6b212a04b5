package cli

import "github.com/spf13/cobra"

func init() { commands = append(commands, exitCodesTopic, environmentTopic) }

// Help topics: commands without Run that `slcheck help TOPIC` prints.

func exitCodesTopic(Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "exit-codes",
		Short: "What slcheck's exit codes mean",
		Long: `slcheck exits with:

  0  no check failed at or above --fail-on (or --no-fail was given)
  1  at least one check failed at or above --fail-on (default warning;
     the threshold is inclusive: --fail-on warning counts warnings and errors)
  2  usage error (unknown flag or value, missing argument), or an input that
     could not be read; the message names the file and, where it applies,
     the line
  3  collection failed (SSH, timeouts) for at least one device

When several apply the highest-priority one wins: 3, then 2, then 1.
--no-fail only turns 1 into 0. Results are on stdout; errors on stderr.`,
	}
}

func environmentTopic(Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "environment",
		Short: "Environment variables slcheck reads",
		Long: `NO_COLOR   when set (to anything), --color auto does not colour the text report
           (https://no-color.org); --color always still does.
TERM       --color auto does not colour when TERM is "dumb".
SLCHECK_SKIP  check IDs to leave out, comma-separated, as --skip does (file,
              ssh, demo); the report says "skipped by SLCHECK_SKIP".

slcheck ssh:
SLCHECK_PASSWORD    the login password (there is no flag for it, so it is in
                    no process list); without it, asked without echo on the
                    terminal when a switch wants one after the keys
SLCHECK_PASSPHRASE  the passphrase of an encrypted key (--identity, an
                    IdentityFile, ~/.ssh/id_*); without it, asked on the
                    terminal when a switch accepts the key
SSH_AUTH_SOCK       the ssh-agent to take keys from
HOME                ~/.ssh/known_hosts is checked when --known-hosts is not
                    given; ~/.ssh/config and ~/.ssh/id_* are read`,
	}
}
