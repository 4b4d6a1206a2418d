package throughline

// ReviewService keeps the review rhythm, opens cycles, holds quarterly
// reviews and serves managers' calendar feeds.
type ReviewService interface{}
