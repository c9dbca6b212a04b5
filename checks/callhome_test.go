package checks

import "testing"

func TestProxyHost(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"proxy.example.com", "proxy.example.com"},
		{"PROXY.example.com", "proxy.example.com"},
		{"192.0.2.10", "192.0.2.10"},
		{"http://proxyuser:s3cret@Proxy.example.com:8080", "proxy.example.com"},
		{"https://[2001:db8::1]:3128/", "2001:db8::1"},
	} {
		if got := proxyHost(tc.in); got != tc.want {
			t.Errorf("proxyHost(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
