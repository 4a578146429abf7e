package hubserve

import (
	"context"
	"crypto/tls"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/phonepage"
)

// A phone's browser at a phone's size (390×844, touch) asks for the floor
// on the room's real HTTPS port, with no script on the page: the form
// fits the width, the request lands in the queue as the room's phone's,
// and the page then shows its place.
func TestAPhoneBrowserAsksForTheFloor(t *testing.T) {
	exe := chromium(t)
	var cert tls.Certificate
	var aud *app.Audience
	s, _, m := openTestRoom(t, func(c *Config) {
		cert = c.Certificate
		var err error
		if aud, err = app.OpenAudience(context.Background(), c.DB, c.Moderator, c.Clock, c.SessionKey); err != nil {
			t.Fatal(err)
		}
		c.Audience = aud
	})
	if err := m.Ask(context.Background(), floor.Speaker{Name: "Barrack Otieno"}); err != nil {
		t.Fatal(err)
	}
	profile := t.TempDir()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.UserDataDir(profile),
		chromedp.Flag("ignore-certificate-errors-spki-list", spki(t, cert)), chromedp.NoSandbox)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	bctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	if _, err := chromedp.Run(bctx, chromedp.Evaluate[int]("1")); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		ctx, cancel := context.WithTimeout(bctx, 30*time.Second)
		defer cancel()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	page := phonepage.Address(s.Addr.String(), aud.Code())
	do("open the page at a phone's size", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile),
		chromedp.Navigate(page), chromedp.WaitVisible("#name"))
	if wide, err := chromedp.Run(bctx, chromedp.Evaluate[int]("document.documentElement.scrollWidth")); err != nil || wide > 390 {
		t.Errorf("the page is %d wide at 390 (%v)", wide, err)
	}
	do("fill in the form", chromedp.SendKeys("#name", "Amina Diallo"), chromedp.SetValue("#group", "Civil Society"),
		chromedp.Click(`input[name="youth"]`))
	if out := os.Getenv("FLOOR_PHONE_PNG"); out != "" { // the README's screenshot
		if png, err := chromedp.Run(bctx, chromedp.FullScreenshot(100)); err == nil {
			_ = os.WriteFile(out, png, 0o644)
		}
	}
	do("ask", chromedp.Click(`form[action$="/ask"] button`), chromedp.WaitVisible(".place"))
	place, err := chromedp.Run(bctx, chromedp.Text(".place"))
	if err != nil || place != "Your place: 2 of 2." {
		t.Errorf("the page says %q (%v)", place, err)
	}
	q := m.Floor().Queue
	if len(q) != 2 || q[1].Speaker.Name != "Amina Diallo" || q[1].Speaker.Group != "Civil Society" || !q[1].Speaker.Youth || q[1].Speaker.Place() != "room (phone)" {
		t.Errorf("queue %+v", q)
	}
	if out := os.Getenv("FLOOR_PHONE_PNG"); out != "" {
		if png, err := chromedp.Run(bctx, chromedp.FullScreenshot(100)); err == nil {
			_ = os.WriteFile(strings.TrimSuffix(out, ".png")+"-place.png", png, 0o644)
		}
	}
}
