package sqlite

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// lockHolder names the process holding a write lock on the database, from
// the kernel's table of file locks: SQLite locks a byte range of the WAL
// index (path-shm) while it writes, or of the file itself in rollback mode.
// It returns "" when it cannot tell.
func lockHolder(path string) string {
	inodes := map[uint64]bool{}
	for _, p := range []string{path + "-shm", path} {
		var st syscall.Stat_t
		if syscall.Stat(p, &st) == nil {
			inodes[st.Ino] = true
		}
	}
	f, err := os.Open("/proc/locks")
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// "1: POSIX  ADVISORY  WRITE 4121 08:01:1234567 120 120"
		fields := strings.Fields(sc.Text())
		if len(fields) < 6 || fields[3] != "WRITE" {
			continue
		}
		dev := strings.Split(fields[5], ":")
		ino, err := strconv.ParseUint(dev[len(dev)-1], 10, 64)
		if err != nil || !inodes[ino] {
			continue
		}
		pid, err := strconv.Atoi(fields[4])
		if err != nil || pid <= 0 {
			continue
		}
		if pid == os.Getpid() {
			return "another connection of this program"
		}
		return describeProcess(pid)
	}
	return ""
}

// describeProcess names a process by its command line: "copydesk import
// big.txt (process 4121)".
func describeProcess(pid int) string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	args := strings.Fields(strings.ReplaceAll(string(b), "\x00", " "))
	if err != nil || len(args) == 0 {
		return fmt.Sprintf("process %d", pid)
	}
	args[0] = args[0][strings.LastIndex(args[0], "/")+1:]
	if len(args) > 4 {
		args = append(args[:4], "…")
	}
	return fmt.Sprintf("%s (process %d)", strings.Join(args, " "), pid)
}
