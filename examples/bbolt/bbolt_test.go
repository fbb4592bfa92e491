package bbolt

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// openDB makes a database in dir with the buckets given, each a list of
// key, value, key, value...
func openDB(dir string, buckets map[string][]string) (*bolt.DB, error) {
	db, err := bolt.Open(filepath.Join(dir, "test.db"), 0o600, nil)
	if err != nil {
		return nil, err
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for name, kvs := range buckets {
			b, err := tx.CreateBucket([]byte(name))
			if err != nil {
				return err
			}
			for i := 0; i+1 < len(kvs); i += 2 {
				if err := b.Put([]byte(kvs[i]), []byte(kvs[i+1])); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

var errTooBig = errors.New("value too big")

// check records k=v and stops ForEach, with an error, at a value over 5 bytes.
func check(k, v []byte) (string, error) {
	if len(v) > 5 {
		return "", errTooBig
	}
	return string(k) + "=" + string(v), nil
}

func TestSameEntries(t *testing.T) {
	db, err := openDB(t.TempDir(), map[string][]string{
		"small": {"a", "1", "b", "22", "c", "333"},
		"big":   {"a", "1", "b", "toolarge", "c", "3"},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		for _, name := range []string{"small", "big"} {
			b := tx.Bucket([]byte(name))
			var direct []string
			wantErr := b.ForEach(func(k, v []byte) error {
				s, err := check(k, v)
				if err == nil {
					direct = append(direct, s)
				}
				return err
			})

			var seq []string
			var seqErr error
			for call, err := range (BucketSeq{b}).ForEachSeq() {
				if err != nil {
					seqErr = err
					break
				}
				s, err := check(call.K, call.V)
				if err != nil {
					call.Reply(err)
					continue
				}
				seq = append(seq, s)
			}

			var pulled []string
			c := BucketSeq{b}.ForEachPull()
			for c.Next() {
				s, err := check(c.Value().K, c.Value().V)
				if err != nil {
					c.Reply(err)
					continue
				}
				pulled = append(pulled, s)
			}
			pullErr := c.Err()
			c.Close()
			if !slices.Equal(seq, direct) || !slices.Equal(pulled, direct) || seqErr != wantErr || pullErr != wantErr {
				t.Errorf("%s: direct %q, %v; Seq %q, %v; Pull %q, %v", name, direct, wantErr, seq, seqErr, pulled, pullErr)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestSameBuckets(t *testing.T) {
	db, err := openDB(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		root, err := tx.CreateBucket([]byte("root"))
		if err != nil {
			return err
		}
		for _, n := range []string{"b2", "b1", "b3"} {
			if _, err := root.CreateBucket([]byte(n)); err != nil {
				return err
			}
		}
		if err := root.Put([]byte("not a bucket"), []byte("v")); err != nil {
			return err
		}
		var direct, seq, pulled []string
		root.ForEachBucket(func(k []byte) error { direct = append(direct, string(k)); return nil })
		for call, err := range (BucketSeq{root}).ForEachBucketSeq() {
			if err != nil {
				return err
			}
			seq = append(seq, string(call.K))
		}
		c := BucketSeq{root}.ForEachBucketPull()
		defer c.Close()
		for c.Next() {
			pulled = append(pulled, string(c.Value().K))
		}
		if len(direct) != 3 || !slices.Equal(seq, direct) || !slices.Equal(pulled, direct) {
			t.Errorf("direct %q, Seq %q, Pull %q", direct, seq, pulled)
		}
		return c.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Breaking out of the loop stops ForEach with no error; Close does too.
func TestStop(t *testing.T) {
	db, err := openDB(t.TempDir(), map[string][]string{"b": {"a", "1", "b", "2", "c", "3"}})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("b"))
		for _, err := range (BucketSeq{b}).ForEachSeq() {
			if err != nil {
				return err
			}
			break
		}
		c := BucketSeq{b}.ForEachPull()
		c.Next()
		if err := c.Close(); err != nil || c.Err() != nil || c.Next() {
			t.Errorf("Close = %v, Err = %v; want nil, nil, and no call after it", err, c.Err())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Join two buckets on their keys (bbolt keeps keys sorted): the users and
// their orders. The direct callbacks cannot walk two buckets in step, so
// one is read into memory first; two cursors merge the buckets as they go.
func ExampleBucketSeq_ForEachPull() {
	dir, err := os.MkdirTemp("", "bbolt")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	db, err := openDB(dir, map[string][]string{
		"users":  {"u1", "ada", "u2", "bob", "u3", "cy", "u4", "dee"},
		"orders": {"u1", "tea", "u3", "pie", "u4", "jam", "u9", "nut"},
	})
	if err != nil {
		panic(err)
	}
	defer db.Close()

	db.View(func(tx *bolt.Tx) error {
		users, orders := tx.Bucket([]byte("users")), tx.Bucket([]byte("orders"))

		// Direct: read orders into a map, then walk users.
		byUser := map[string]string{}
		orders.ForEach(func(k, v []byte) error { byUser[string(k)] = string(v); return nil })
		users.ForEach(func(k, v []byte) error {
			if o, ok := byUser[string(k)]; ok {
				fmt.Printf("%s:%s ", v, o)
			}
			return nil
		})
		fmt.Println("(direct)")

		// Sequential: a merge join of two cursors.
		cu, co := BucketSeq{users}.ForEachPull(), BucketSeq{orders}.ForEachPull()
		defer cu.Close()
		defer co.Close()
		for okU, okO := cu.Next(), co.Next(); okU && okO; {
			switch u, o := cu.Value(), co.Value(); bytes.Compare(u.K, o.K) {
			case -1:
				okU = cu.Next()
			case 1:
				okO = co.Next()
			default:
				fmt.Printf("%s:%s ", u.V, o.V)
				okU, okO = cu.Next(), co.Next()
			}
		}
		fmt.Println("(sequential)")
		return nil
	})
	// Output:
	// ada:tea cy:pie dee:jam (direct)
	// ada:tea cy:pie dee:jam (sequential)
}
