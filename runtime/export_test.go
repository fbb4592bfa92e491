package runtime

// SetLockCheck turns the OS thread check on or off for a test, and returns
// a function that restores it.
func SetLockCheck(on bool) (restore func()) {
	old := lockCheck
	lockCheck = on
	return func() { lockCheck = old }
}
