//go:build race

package ui

// raceDetector says the tests run under -race. The golden pictures are
// drawn on one goroutine and cost minutes under it (a third of app/ui's
// time in CI), so .ci/run draws them again without it instead.
const raceDetector = true
