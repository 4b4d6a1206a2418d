package httpapi

// The playground's handlers on a chosen file tree, for tests of a binary
// built with and without the assets.
var (
	NewPlaygroundPage   = newPlaygroundPage
	NewPlaygroundAssets = newPlaygroundAssets
)
