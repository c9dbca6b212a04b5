package checks

import "testing"

func TestTLS002(t *testing.T) {
	cert := func(cn, serial string) string {
		return "Trustpoint: tp\nCA certificate 0:\nsubject=/O=X/CN=" + cn + "\nissuer=/O=X/CN=" + cn + "\nserial=" + serial + "\n"
	}
	cases := []struct {
		name   string
		certs  string
		status Status
	}{
		{"QuoVadis only", cert("QuoVadis Root CA 2", "0509"), Fail},
		{"QuoVadis and IdenTrust", cert("QuoVadis Root CA 2", "0509") + cert("IdenTrust Commercial Root CA 1", "0A0142800000014523C844B500000002"), Pass},
		{"IdenTrust by serial", cert("QuoVadis Root CA 2", "0509") + cert("Renamed", "0a:01:42:80:00:00:01:45:23:c8:44:b5:00:00:00:02"), Pass},
		{"QuoVadis Root CA 2 G3 is another root", cert("QuoVadis Root CA 2 G3", "445734245B81899B35F2CEB82B3B5BA726F07528"), Pass},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			want(t, run(t, "TLS002", snapOf(t, "show crypto ca certificates", tc.certs)), tc.status, "")
		})
	}
	want(t, run(t, "TLS002", snapOf(t)), Skipped, "not checked: run `show crypto ca certificates`")
}
