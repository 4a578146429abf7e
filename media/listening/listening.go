// Package listening lists the sockets this process listens on, from Linux's
// /proc: how the tests prove that Floor opens no port until the moderator
// opens the floor to hubs.
package listening

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Socket is one listening TCP socket or bound UDP socket.
type Socket struct {
	Proto string // "tcp", "tcp6", "udp", "udp6"
	Local string // hex address:port as /proc shows it
	Port  int
}

func (s Socket) String() string { return fmt.Sprintf("%s port %d", s.Proto, s.Port) }

// Sockets returns the listening TCP and bound UDP sockets of this process.
func Sockets() ([]Socket, error) {
	inodes, err := ownInodes()
	if err != nil {
		return nil, err
	}
	var out []Socket
	for _, proto := range []string{"tcp", "tcp6", "udp", "udp6"} {
		f, err := os.Open(filepath.Join("/proc/self/net", proto))
		if err != nil {
			continue // no IPv6, say
		}
		sc := bufio.NewScanner(f)
		sc.Scan() // header
		for sc.Scan() {
			fields := strings.Fields(sc.Text())
			if len(fields) < 10 || !inodes[fields[9]] {
				continue
			}
			// TCP state 0A is LISTEN; a UDP socket of ours is bound either way.
			if strings.HasPrefix(proto, "tcp") && fields[3] != "0A" {
				continue
			}
			s := Socket{Proto: proto, Local: fields[1]}
			if i := strings.LastIndexByte(fields[1], ':'); i >= 0 {
				p, _ := strconv.ParseInt(fields[1][i+1:], 16, 32)
				s.Port = int(p)
			}
			out = append(out, s)
		}
		f.Close()
	}
	return out, nil
}

func ownInodes() (map[string]bool, error) {
	dir := "/proc/self/fd"
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("listening: %w", err)
	}
	inodes := map[string]bool{}
	for _, e := range entries {
		target, err := os.Readlink(filepath.Join(dir, e.Name()))
		if err != nil {
			continue
		}
		if ino, ok := strings.CutPrefix(target, "socket:["); ok {
			inodes[strings.TrimSuffix(ino, "]")] = true
		}
	}
	return inodes, nil
}
