package storage

import (
	"context"
	"sync/atomic"
	"time"

	"gorm.io/gorm/logger"
)

// StatementCounter counts the SQL statements a store runs and the time
// they take. Pass it as Options.Logger; benchmarks and the tests that pin
// statement counts read it.
type StatementCounter struct {
	statements atomic.Int64
	nanos      atomic.Int64

	// OnSlow, when set, is called with each statement slower than Slow,
	// for finding the queries worth tuning.
	Slow   time.Duration
	OnSlow func(sql string, took time.Duration)
}

// Counts returns the statements run so far and their total time.
func (c *StatementCounter) Counts() (int64, time.Duration) {
	return c.statements.Load(), time.Duration(c.nanos.Load())
}

// LogMode implements logger.Interface; the counter has no levels.
func (c *StatementCounter) LogMode(logger.LogLevel) logger.Interface { return c }

// Info implements logger.Interface and discards the message.
func (c *StatementCounter) Info(context.Context, string, ...any) {}

// Warn implements logger.Interface and discards the message.
func (c *StatementCounter) Warn(context.Context, string, ...any) {}

// Error implements logger.Interface and discards the message.
func (c *StatementCounter) Error(context.Context, string, ...any) {}

// Trace implements logger.Interface: gorm calls it once per statement.
func (c *StatementCounter) Trace(_ context.Context, begin time.Time,
	fc func() (string, int64), _ error,
) {
	took := time.Since(begin)
	c.statements.Add(1)
	c.nanos.Add(int64(took))
	if c.OnSlow != nil && took > c.Slow {
		sql, _ := fc()
		c.OnSlow(sql, took)
	}
}
