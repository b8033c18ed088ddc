// Package pgtest starts a private PostgreSQL server for the tests that need
// one: initdb into a temporary folder, a server listening on a Unix socket in
// that folder and on a free port of 127.0.0.1, stopped when the tests end,
// whatever happens. It never touches a system service.
//
// A package's TestMain calls Main. When the server cannot be started the
// tests that need it skip with the reason, unless COPYDESK_TEST_PG=require
// (what `make test` and CI set), where they fail.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// RequireEnv names the variable that makes a missing server a failure.
const RequireEnv = "COPYDESK_TEST_PG"

// Superuser is the server's superuser, who owns every test database.
const Superuser = "postgres"

// Server is a running private PostgreSQL.
type Server struct {
	Dir  string // the data folder's parent; the socket is in it
	Port int
	cmd  *exec.Cmd
	log  string
	dbs  atomic.Int64
	done chan struct{}
	// bin, args and cred start it again after Crash.
	bin  string
	args []string
	cred *syscall.Credential
}

var (
	shared   *Server
	startErr error
)

// Main starts the server, runs the tests and stops it: for TestMain. The
// server also dies with the test process (a parent-death signal), so a
// panic or a timeout leaves no server behind.
func Main(m *testing.M) int {
	shared, startErr = Start()
	if startErr != nil && Required() {
		fmt.Fprintf(os.Stderr, "pgtest: %v\n", startErr)
		return 1
	}
	defer func() {
		if shared != nil {
			shared.Stop()
		}
	}()
	return m.Run()
}

// Required reports whether a missing server is a failure here.
func Required() bool { return os.Getenv(RequireEnv) == "require" }

// Get returns the server Main started, or skips the test (fails it when
// the server is required) saying why there is none.
func Get(t testing.TB) *Server {
	t.Helper()
	if shared != nil {
		return shared
	}
	err := startErr
	if err == nil {
		err = errors.New("pgtest.Main did not run: call it from TestMain")
	}
	if Required() {
		t.Fatalf("PostgreSQL is required (%s=require) but could not be started: %v", RequireEnv, err)
	}
	t.Skipf("no PostgreSQL for this test (%v); `make test` installs and starts one", err)
	return nil
}

// binDir finds the newest PostgreSQL under /usr/lib/postgresql/*/bin, where
// Debian keeps initdb and postgres off the PATH.
func binDir() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	return "", errors.New("no PostgreSQL under /usr/lib/postgresql/*/bin; install Debian's postgresql package")
}

func version(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

// Start makes a new cluster in a temporary folder and starts its server,
// tuned for tests: nothing is forced to disk, for a server that lives
// minutes.
func Start() (*Server, error) { return StartServer(false) }

// StartServer is Start; durable keeps PostgreSQL's defaults for writing to
// disk (fsync, synchronous commit), as a benchmark against SQLite's
// synchronous=FULL needs.
func StartServer(durable bool) (*Server, error) {
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "copydesk-pg-")
	if err != nil {
		return nil, err
	}
	cred, err := serverUser(dir)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	data := filepath.Join(dir, "data")
	initdb := exec.Command(filepath.Join(bin, "initdb"), "-D", data, "-U", Superuser, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
	initdb.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	if out, err := initdb.CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("initdb: %v: %s", err, lastLines(string(out), 5))
	}
	port, err := freePort()
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	s := &Server{Dir: dir, Port: port, log: filepath.Join(dir, "server.log"), bin: bin, cred: cred}
	args := []string{"-D", data, "-k", dir, "-p", strconv.Itoa(port),
		"-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300", "-c", "shared_buffers=64MB"}
	if !durable {
		args = append(args, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
	}
	s.args = args
	if err := s.launch(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return s, nil
}

// launch starts the server process on its data folder and waits until it
// takes connections.
func (s *Server) launch() error {
	logFile, err := os.OpenFile(s.log, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	s.done = make(chan struct{})
	s.cmd = exec.Command(filepath.Join(s.bin, "postgres"), s.args...)
	s.cmd.Stdout, s.cmd.Stderr = logFile, logFile
	// Its own process group, and SIGKILL when the test process dies.
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Credential: s.cred, Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := s.cmd.Start(); err != nil {
		logFile.Close()
		return fmt.Errorf("starting postgres: %w", err)
	}
	logFile.Close()
	done := s.done
	go func() { s.cmd.Wait(); close(done) }()
	if err := s.waitReady(30 * time.Second); err != nil {
		s.Stop()
		return err
	}
	return nil
}

// Crash stops the server at once, as pg_ctl stop -m immediate does
// (SIGQUIT: no checkpoint, every connection dropped), keeping its data for
// Restart. Only for a server the test started itself (Start), never the
// shared one (Get).
func (s *Server) Crash() {
	s.cmd.Process.Signal(syscall.SIGQUIT)
	<-s.done
}

// Restart starts a crashed server again on the same data and port.
func (s *Server) Restart() error {
	// An immediate stop can leave the postmaster's lock file behind.
	os.Remove(filepath.Join(s.Dir, "data", "postmaster.pid"))
	return s.launch()
}

// serverUser is who runs the server: the postgres user when the tests run
// as root (initdb refuses root), who then owns dir; else the current user.
func serverUser(dir string) (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, fmt.Errorf("running as root, but there is no postgres user to run the server: %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := os.Chown(dir, uid, gid); err != nil {
		return nil, err
	}
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func (s *Server) waitReady(limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		conn, err := pgx.Connect(ctx, s.URL("postgres", Superuser))
		cancel()
		if err == nil {
			conn.Close(context.Background())
			return nil
		}
		select {
		case <-s.done:
			return fmt.Errorf("postgres stopped at start: %s", s.lastLog())
		default:
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("postgres did not accept connections in %v: %v; %s", limit, err, s.lastLog())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (s *Server) lastLog() string {
	b, _ := os.ReadFile(s.log)
	return lastLines(string(b), 5)
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " | ")
}

// Stop stops the server (a fast shutdown, then a kill) and removes its folder.
func (s *Server) Stop() {
	if s.cmd != nil && s.cmd.Process != nil {
		s.cmd.Process.Signal(syscall.SIGINT)
		select {
		case <-s.done:
		case <-time.After(10 * time.Second):
			syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
			<-s.done
		}
	}
	os.RemoveAll(s.Dir)
}

// URL is a postgres:// URL for database db as user, over the Unix socket.
func (s *Server) URL(db, user string) string {
	return fmt.Sprintf("postgres://%s@/%s?host=%s&port=%d", user, db, s.Dir, s.Port)
}

// TCPURL is the same over TCP to 127.0.0.1.
func (s *Server) TCPURL(db, user string) string {
	return fmt.Sprintf("postgres://%s@127.0.0.1:%d/%s", user, s.Port, db)
}

// NewDatabase creates an empty database owned by the superuser for one test
// and returns its name; it is dropped when the test ends.
func (s *Server) NewDatabase(t testing.TB) string {
	t.Helper()
	name := fmt.Sprintf("t%d_%d", os.Getpid(), s.dbs.Add(1))
	if err := s.Exec(context.Background(), "postgres", Superuser, `CREATE DATABASE `+name); err != nil {
		t.Fatalf("creating the test database: %v", err)
	}
	t.Cleanup(func() {
		s.Exec(context.Background(), "postgres", Superuser, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`)
	})
	return name
}

// Exec runs SQL statements in database db as user.
func (s *Server) Exec(ctx context.Context, db, user string, sql ...string) error {
	conn, err := pgx.Connect(ctx, s.URL(db, user))
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	for _, q := range sql {
		if _, err := conn.Exec(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	return nil
}
