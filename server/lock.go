package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
)

// LockFile is the file in the data directory that a running server holds
// an advisory lock on, so that a restore never swaps the database out
// from under it. It holds the server's process ID, for the admin's
// benefit; the lock, not the file, is what counts, and the operating
// system drops the lock when the process ends, however it ends.
const LockFile = "throughline.lock"

// errDataDirInUse says another process holds the data directory's lock.
var errDataDirInUse = errors.New("data directory in use")

// held keeps the lock file of the data directory serve holds open for as
// long as the process lives: closing the file, which the garbage
// collector would do, would drop the lock.
var held struct {
	sync.Mutex
	files []*os.File
}

// holdDataDir takes the data directory's lock for the rest of the
// process's life, or says which process holds it. The serve command
// calls it before it opens the database.
func holdDataDir(dataDir string) error {
	f, err := lockDataDir(dataDir)
	if errors.Is(err, errDataDirInUse) {
		return fmt.Errorf("%s is in use by another Throughline server%s; "+
			"stop it, or give this one another --data-dir", dataDir, holderOf(dataDir))
	}
	if err != nil {
		return err
	}
	held.Lock()
	defer held.Unlock()
	held.files = append(held.files, f)
	return nil
}

// lockDataDir takes the data directory's lock without waiting, writes the
// process ID into the lock file, and returns the open file: closing it
// releases the lock. It returns errDataDirInUse when another process (or
// another open of the file in this one) holds the lock.
func lockDataDir(dataDir string) (*os.File, error) {
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return nil, fmt.Errorf("data directory: %w", err)
	}
	f, err := os.OpenFile(filepath.Join(dataDir, LockFile), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("lock file: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, errDataDirInUse
		}
		return nil, fmt.Errorf("lock %s: %w", dataDir, err)
	}
	if err := writePID(f); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

func writePID(f *os.File) error {
	if err := f.Truncate(0); err != nil {
		return fmt.Errorf("lock file: %w", err)
	}
	if _, err := f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0); err != nil {
		return fmt.Errorf("lock file: %w", err)
	}
	return nil
}

// holderOf names the process the lock file says holds it, for messages;
// "" when the file says nothing useful.
func holderOf(dataDir string) string {
	b, err := os.ReadFile(filepath.Join(dataDir, LockFile))
	if err != nil {
		return ""
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		return ""
	}
	return fmt.Sprintf(" (process %d)", pid)
}
