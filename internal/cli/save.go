package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/slcheck/slcheck/redact"
)

// saveMode is a saved capture's mode: the user and their group read it.
const saveMode = 0o640

// prepareSaveDir makes the --save directory (0750) and warns, on w, when
// other users may write in it: they could replace a capture after slcheck
// wrote it, or plant a file under the name it will use.
func prepareSaveDir(w io.Writer, dir string) error {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return fileProblem("--save", dir, err)
	}
	fi, err := os.Stat(dir)
	if err != nil {
		return fileProblem("--save", dir, err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("--save %s: not a directory", dir)
	}
	if perm := fi.Mode().Perm(); perm&0o022 != 0 {
		who := "other users"
		if perm&0o002 == 0 {
			who = "its group"
		}
		printError(w, fmt.Sprintf("warning: --save %s is writable by %s (mode %04o): they could replace the saved captures; prefer a directory only you can write", dir, who, perm))
	}
	return nil
}

// saveCapture writes a host's capture to dir/name through the output
// layer (a redact.Writer with the run's policy), so a saved file is
// redacted and escaped like every other output. It writes a new file
// created with O_EXCL at mode 0640 in dir, then renames it over the
// target: an existing file is replaced, never written through (its mode,
// a hard link to it, a symlink planted in its place are not followed). A
// target that is a symlink or not a regular file is refused.
func saveCapture(dir, name, text string, pol *redact.Policy) (string, error) {
	path := filepath.Join(dir, name)
	if fi, err := os.Lstat(path); err == nil && !fi.Mode().IsRegular() {
		what := "not a regular file"
		if fi.Mode()&fs.ModeSymlink != 0 {
			what = "a symbolic link"
		}
		return path, fmt.Errorf("%s is %s: slcheck does not write through it; remove it or choose another --save directory", path, what)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return path, err
	}
	f, err := os.CreateTemp(dir, "."+name+".*.tmp") // O_CREATE|O_EXCL, 0600
	if err != nil {
		return path, err
	}
	tmp := f.Name()
	w := redact.NewWriter(f, pol)
	_, err = io.WriteString(w, text)
	err = errors.Join(err, w.Close(), f.Chmod(saveMode), f.Sync(), f.Close())
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return path, err
	}
	return path, nil
}
