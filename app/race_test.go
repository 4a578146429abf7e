//go:build race

package app_test

// raceDetector says the tests run under -race: its shadow memory and
// bookkeeping inflate the heap, so memory budgets are checked without it
// (.ci/run runs the hostile-import budget again without -race).
const raceDetector = true
