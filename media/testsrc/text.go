package testsrc

import (
	"fmt"
	"time"
)

// formatStamp is the readable line: "frame 000123  09:41:07.250".
func formatStamp(n int, at time.Time) string {
	return fmt.Sprintf("frame %06d  %s", n, at.UTC().Format("15:04:05.000"))
}

// glyphs is a 3×5 font for what the stamp line uses; each row is 3 bits.
var glyphs = map[rune][5]byte{
	'0': {7, 5, 5, 5, 7}, '1': {2, 6, 2, 2, 7}, '2': {7, 1, 7, 4, 7}, '3': {7, 1, 7, 1, 7}, '4': {5, 5, 7, 1, 1},
	'5': {7, 4, 7, 1, 7}, '6': {7, 4, 7, 5, 7}, '7': {7, 1, 2, 2, 2}, '8': {7, 5, 7, 5, 7}, '9': {7, 5, 7, 1, 7},
	':': {0, 2, 0, 2, 0}, '.': {0, 0, 0, 0, 2}, 'f': {3, 4, 6, 4, 4}, 'r': {0, 6, 5, 4, 4}, 'a': {0, 7, 1, 7, 7},
	'm': {0, 7, 7, 5, 5}, 'e': {7, 5, 7, 4, 7},
}

// text paints s at (x, y) with each font pixel scale×scale, white on the
// band the stamp painted.
func (p *Pattern) text(x, y, scale int, s string) {
	for _, r := range s {
		g, ok := glyphs[r]
		if ok {
			for row := 0; row < 5; row++ {
				for col := 0; col < 3; col++ {
					if g[row]>>(2-col)&1 == 1 {
						p.fill(x+col*scale, y+row*scale, scale, scale, 235)
					}
				}
			}
		}
		x += 4 * scale
	}
}
