package postgres

import "time"

// SetSkew sets what Open measured of the server's clock against this
// computer's: for a test of a computer whose clock is off.
func SetSkew(d *DB, skew time.Duration) { d.skew = skew }
