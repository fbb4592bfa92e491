package runtime

// SetLockCheck turns the OS thread check on or off for a test, and returns
// a function that restores it.
func SetLockCheck(on bool) (restore func()) {
	old := lockCheck
	lockCheck = on
	return func() { lockCheck = old }
}

// PooledWorkers returns how many live coroutines the pool for cursors of E
// and R holds, parked or busy.
func PooledWorkers[E, R any]() int {
	p := poolFor[E, R]()
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.all)
}
