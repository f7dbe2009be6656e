package serve

import (
	"net"
	"reflect"
	"testing"
)

// The preview bound to a wildcard answers on every address of the
// machine: it printed "localhost" alone, hiding that the network could
// see it.
func TestURLsNameEveryAddressAWildcardListensOn(t *testing.T) {
	cidr := func(s string) net.Addr {
		ip, n, err := net.ParseCIDR(s)
		if err != nil {
			t.Fatal(err)
		}
		n.IP = ip
		return n
	}
	ifaces := []net.Addr{cidr("127.0.0.1/8"), cidr("::1/128"), cidr("192.168.1.5/24"), cidr("fe80::1/64"), cidr("2001:db8::5/64"), cidr("10.0.0.2/8")}
	tcp := func(s string) net.Addr {
		a, err := net.ResolveTCPAddr("tcp", s)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	tests := []struct {
		addr    string
		urls    []string
		exposed bool
	}{
		{"127.0.0.1:1313", []string{"http://127.0.0.1:1313/"}, false},
		{"[::1]:1313", []string{"http://[::1]:1313/"}, false},
		{"0.0.0.0:1313", []string{"http://localhost:1313/", "http://192.168.1.5:1313/", "http://10.0.0.2:1313/"}, true},
		{"[::]:1313", []string{"http://localhost:1313/", "http://192.168.1.5:1313/", "http://[2001:db8::5]:1313/", "http://10.0.0.2:1313/"}, true},
		{"192.168.1.5:8080", []string{"http://192.168.1.5:8080/"}, true},
	}
	for _, tt := range tests {
		urls, exposed := urlsFor(tcp(tt.addr), ifaces)
		if !reflect.DeepEqual(urls, tt.urls) || exposed != tt.exposed {
			t.Errorf("%s: %q, exposed %v; want %q, %v", tt.addr, urls, exposed, tt.urls, tt.exposed)
		}
	}
}
