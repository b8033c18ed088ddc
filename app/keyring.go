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
	var pw string
	err := k.call(func() error {
		var err error
		pw, err = keyring.Get(keyringService, key)
		return err
	})
	if errors.Is(err, keyring.ErrNotFound) {
		return "", nil
	}
	return pw, err
}

func (k *systemKeyring) keep(key, password string) error {
	return k.call(func() error { return keyring.Set(keyringService, key, password) })
}

func (k *systemKeyring) forget(key string) error {
	err := k.call(func() error { return keyring.Delete(keyringService, key) })
	if errors.Is(err, keyring.ErrNotFound) {
		return nil
	}
	return err
}

// call runs f, at most keyringWait long; a failure other than "not found"
// marks the keyring broken.
func (k *systemKeyring) call(f func() error) error {
	k.mu.Lock()
	broken := k.broken
	k.mu.Unlock()
	if broken {
		return errNoKeyring
	}
	done := make(chan error, 1)
	go func() { done <- f() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(keyringWait):
		err = errNoKeyring
	}
	if err != nil && !errors.Is(err, keyring.ErrNotFound) {
		k.mu.Lock()
		k.broken = true
		k.mu.Unlock()
	}
	return err
}
