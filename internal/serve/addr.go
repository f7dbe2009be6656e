package serve

import "net"

// URLs returns the addresses a browser reaches the preview listening on
// addr at, the first one to print first, and whether the preview is
// exposed: reachable from other machines, drafts and all. Bound to
// loopback, it is not, and the one URL is addr's. Bound to a wildcard
// (-addr :1313, 0.0.0.0:1313, [::]:1313), the listener answers on every
// address of the machine: "localhost", then each of them, since a
// "localhost" URL alone hides that the whole network can see the site.
func URLs(addr net.Addr) (urls []string, exposed bool) {
	ifaces, _ := net.InterfaceAddrs() // none listed: localhost is still true
	return urlsFor(addr, ifaces)
}

// urlsFor is URLs with the machine's addresses given.
func urlsFor(addr net.Addr, ifaces []net.Addr) (urls []string, exposed bool) {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return []string{"http://" + addr.String() + "/"}, false
	}
	ip := net.ParseIP(host)
	switch {
	case ip == nil:
		return []string{"http://" + net.JoinHostPort(host, port) + "/"}, true
	case ip.IsLoopback():
		return []string{"http://" + net.JoinHostPort(host, port) + "/"}, false
	case !ip.IsUnspecified():
		return []string{"http://" + net.JoinHostPort(host, port) + "/"}, true
	}
	urls = []string{"http://" + net.JoinHostPort("localhost", port) + "/"}
	v4only := ip.To4() != nil // 0.0.0.0: IPv4 only; [::] takes both
	for _, a := range ifaces {
		n, ok := a.(*net.IPNet)
		if !ok || n.IP.IsLoopback() || n.IP.IsLinkLocalUnicast() || v4only && n.IP.To4() == nil {
			continue // a link-local address needs a zone no browser takes
		}
		urls = append(urls, "http://"+net.JoinHostPort(n.IP.String(), port)+"/")
	}
	return urls, true
}
