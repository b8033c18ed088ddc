package app

import (
	"errors"
	"sync"
	"time"

	"github.com/zalando/go-keyring"
)

// keyringService is the name copydesk's passwords are kept under in the
// system keyring; each is keyed by the desk's URL without its password.
const keyringService = "copydesk"

// keyringWait bounds one call to the system keyring: on a machine without
// a desktop session the Secret Service may never answer (an unlock prompt
// nobody can see), and a connection must not wait on it.
// Tests shorten it.
var keyringWait = 3 * time.Second

// errNoKeyring is a keyring that is not there, or stopped answering.
var errNoKeyring = errors.New("no system keyring")

// secrets keeps desk passwords. Its methods may block: call them off the
// UI goroutine.
type secrets interface {
	// password is the one kept for key; "" and no error when none is.
	password(key string) (string, error)
	keep(key, password string) error
	forget(key string) error
}

// systemKeyring is the system's keyring (the Secret Service on Linux, the
// Keychain on macOS, the Credential Manager on Windows). Once a call
// fails for want of a keyring it is not asked again in this run, so a
// headless machine pays the wait once and then simply asks each time.
type systemKeyring struct {
	mu     sync.Mutex
	broken bool
}

func (k *systemKeyring) password(key string) (string, error) {
	pw, err := within(k, func() (string, error) { return keyring.Get(keyringService, key) })
	if errors.Is(err, keyring.ErrNotFound) {
		return "", nil
	}
	return pw, err
}

func (k *systemKeyring) keep(key, password string) error {
	_, err := within(k, func() (struct{}, error) { return struct{}{}, keyring.Set(keyringService, key, password) })
	return err
}

func (k *systemKeyring) forget(key string) error {
	_, err := within(k, func() (struct{}, error) { return struct{}{}, keyring.Delete(keyringService, key) })
	if errors.Is(err, keyring.ErrNotFound) {
		return nil
	}
	return err
}

// within runs f on the keyring k, at most keyringWait long; a failure
// other than "not found" marks the keyring broken. A call that outlives
// the wait finishes unseen: its answer goes into a channel nobody reads.
func within[T any](k *systemKeyring, f func() (T, error)) (T, error) {
	var zero T
	k.mu.Lock()
	broken := k.broken
	k.mu.Unlock()
	if broken {
		return zero, errNoKeyring
	}
	type answer struct {
		v   T
		err error
	}
	done := make(chan answer, 1)
	go func() {
		v, err := f()
		done <- answer{v, err}
	}()
	var a answer
	select {
	case a = <-done:
	case <-time.After(keyringWait):
		a = answer{zero, errNoKeyring}
	}
	if a.err != nil && !errors.Is(a.err, keyring.ErrNotFound) {
		k.mu.Lock()
		k.broken = true
		k.mu.Unlock()
	}
	return a.v, a.err
}
