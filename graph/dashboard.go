package throughline

// DashboardService computes HR's dashboard with aggregate queries.
type DashboardService interface{}
