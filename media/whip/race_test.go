//go:build race

package whip_test

// raceDetector says the tests run under -race: the receive path runs
// several times slower, so timing targets are checked in a run without it.
const raceDetector = true
