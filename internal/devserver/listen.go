package devserver

import (
	"errors"
	"net"
	"strconv"
	"syscall"
)

// Listen listens for TCP connections on host:port or, when that port is
// taken, on the first free one of the next tries ports. It returns the
// listener; its Addr tells the port it got. Port 0 picks any free port.
func Listen(host string, port, tries int) (net.Listener, error) {
	var first error
	for i := 0; i <= tries; i++ {
		p := port + i
		if port == 0 || p > 65535 {
			p = 0
		}
		l, err := net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(p)))
		if err == nil {
			return l, nil
		}
		if first == nil {
			first = err
		}
		if p == 0 || !errors.Is(err, syscall.EADDRINUSE) {
			return nil, err
		}
	}
	return nil, first
}
