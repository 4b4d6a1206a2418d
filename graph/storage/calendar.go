package storage

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	throughline "throughline.dev/graph"
)

// kindCalendarFeed names a calendar feed in the audit log.
const kindCalendarFeed = "CalendarFeed"

// feedPrefix marks a calendar feed's secret, so that people and secret
// scanners can tell it from an API token.
const feedPrefix = "tlcal_"

// feedRow is a person's calendar feed: the hash of its secret, never the
// secret itself.
type feedRow struct {
	PersonID   int64 `gorm:"primaryKey;autoIncrement:false"`
	SecretHash string
	CreatedAt  time.Time
}

func (feedRow) TableName() string { return "calendar_feeds" }

// feedState is a feed as the audit log records it: when it was made, and
// not even the hash of its secret.
type feedState struct {
	PersonID  int64
	CreatedAt time.Time
}

func (r *feedRow) state() *feedState {
	if r == nil {
		return nil
	}
	return &feedState{PersonID: r.PersonID, CreatedAt: r.CreatedAt}
}

func newFeedSecret() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return feedPrefix + base64.RawURLEncoding.EncodeToString(b)
}

// ResetCalendarFeed replaces a person's feed secret; the hash of the old
// one is overwritten, so the old address stops working with the commit.
func (s *Store) ResetCalendarFeed(ctx context.Context, personID int64) (string, error) {
	secret := newFeedSecret()
	row := &feedRow{PersonID: personID, SecretHash: hashSecret(secret), CreatedAt: s.Now()}
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := mustExist[throughline.Person](tx, &personID, "personId", "person"); err != nil {
			return err
		}
		before, err := firstFeed(s.forUpdate(tx), personID)
		if err != nil {
			return err
		}
		err = tx.Clauses(clause.OnConflict{
			Columns:   []clause.Column{{Name: "person_id"}},
			DoUpdates: clause.AssignmentColumns([]string{"secret_hash", "created_at"}),
		}).Create(row).Error
		if err != nil {
			return mapError(err)
		}
		return s.audit(ctx, tx, "resetCalendarFeed", kindCalendarFeed, personID,
			before.state(), row.state())
	})
	if err != nil {
		return "", err
	}
	return secret, nil
}

// firstFeed loads a person's feed, or nil when they have none.
func firstFeed(tx *gorm.DB, personID int64) (*feedRow, error) {
	var rows []*feedRow
	err := tx.Where("person_id = ?", personID).Limit(1).Find(&rows).Error
	if err != nil || len(rows) == 0 {
		return nil, mapError(err)
	}
	return rows[0], nil
}

// CalendarFeedOwner finds whose feed a secret opens. A person who has
// left has no feed, whatever secret they kept.
func (s *Store) CalendarFeedOwner(ctx context.Context, secret string) (int64, error) {
	var ids []int64
	err := s.read(ctx).Table("calendar_feeds AS f").Select("f.person_id").
		Joins("JOIN people p ON p.id = f.person_id").
		Where("f.secret_hash = ? AND p.left_on IS NULL", hashSecret(secret)).
		Limit(1).Pluck("f.person_id", &ids).Error
	if err != nil {
		return 0, mapError(err)
	}
	if len(ids) == 0 {
		return 0, throughline.Errorf(throughline.ENOTFOUND, "no such calendar feed")
	}
	return ids[0], nil
}
