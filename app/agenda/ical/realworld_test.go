package ical

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app/agenda"
)

func testdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func notes(rep agenda.Report) string {
	var b strings.Builder
	for _, w := range rep.Warnings {
		b.WriteString(w.Text + "\n")
	}
	return b.String()
}

// JRES folds a DESCRIPTION inside the three bytes of U+2019: unfolded
// first, as RFC 5545 §3.1 says, it is valid UTF-8.
func TestJRES2022FoldInsideUTF8(t *testing.T) {
	data := testdata(t, "giggity-jres_2022-trimmed.ics")
	sched, info, rep, err := ParseCalendar(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(sched.Sessions) != 4 || sched.Event.Title != "JRES 2021/22" || sched.Event.ID != "jres-2021-22" || info.Name != "JRES 2021/22" {
		t.Fatalf("%d sessions, event %+v", len(sched.Sessions), sched.Event)
	}
	paris, _ := time.LoadLocation("Europe/Paris")
	first := sched.Sessions[0]
	if first.GUID != "presentation_94@conf-ng.jres.org" || first.Title != "Accueil congressistes" || first.Room != "Accueil Parc Chanot" ||
		!first.Start.Equal(time.Date(2022, 5, 17, 11, 0, 0, 0, paris)) || first.Duration() != 90*time.Minute {
		t.Errorf("first session %+v", first)
	}
	csan := sched.Sessions[3]
	if csan.GUID != "presentation_209@conf-ng.jres.org" || csan.Room != "Salle Endoume" || !strings.HasSuffix(csan.Title, "prêtes à l'emploi et optimisées") ||
		!csan.Start.Equal(time.Date(2022, 5, 18, 18, 15, 0, 0, paris)) || !strings.Contains(csan.Description, "d’exploitation") {
		t.Errorf("folded session %+v", csan)
	}
	// No X-WR-TIMEZONE: every TZID is Europe/Paris, so that is the event's
	// zone and each session's, said once (it was UTC, silently).
	if sched.Event.Zone != "Europe/Paris" || first.Zone != "Europe/Paris" || csan.Zone != "Europe/Paris" ||
		notes(rep) != "the calendar names no time zone (X-WR-TIMEZONE); every time in it with a zone is in Europe/Paris, so that is the event's zone\n" {
		t.Errorf("zones %q %q, notes:\n%s", sched.Event.Zone, first.Zone, notes(rep))
	}
	// A byte that is bad after unfolding is still refused, on its own line.
	bad := strings.Replace(string(data), "Salle Endoume", "Salle \xffEndoume", 1)
	if _, _, err := Parse([]byte(bad)); err == nil || !strings.Contains(err.Error(), "line 43: invalid UTF-8 (byte 0xff)") {
		t.Errorf("bad byte: %v", err)
	}
}

// linux.conf.au names its calendar only in X-WR-CALDESC: that, not PRODID,
// is the event's title and identity.
func TestLCA2020NameFromCalDesc(t *testing.T) {
	sched, info, rep, err := ParseCalendar(testdata(t, "giggity-linux_conf_au_2020-trimmed.ics"))
	if err != nil {
		t.Fatal(err)
	}
	if len(sched.Sessions) != 3 || sched.Event != (agenda.Event{ID: "linux-conf-au-2020", Title: "linux.conf.au 2020", Zone: "Australia/Brisbane"}) ||
		info.Description != "linux.conf.au 2020" || info.Name != "" {
		t.Fatalf("%d sessions, event %+v, info %+v", len(sched.Sessions), sched.Event, info)
	}
	welcome := sched.Sessions[2]
	brisbane, _ := time.LoadLocation("Australia/Brisbane")
	if welcome.Title != "Wednesday Welcome" || welcome.Room != "Arena" || !welcome.Start.Equal(time.Date(2020, 1, 15, 9, 0, 0, 0, brisbane)) ||
		welcome.Duration() != 10*time.Minute || len(welcome.People) != 1 || welcome.People[0].Name != "Joel Addison" {
		t.Errorf("welcome %+v", welcome)
	}
	// The site writes its descriptions as HTML: read as text, said once.
	woot := sched.Sessions[0]
	if woot.Description != "Women of Open Technology Breakfast (/programme/events/#woot-breakfast), Presented by ThoughtWorks\n\n"+
		"Only for attendees with a ticket.\n\nGold Coast Convention and Exhibition Centre, Room 5" {
		t.Errorf("breakfast description %q", woot.Description)
	}
	if len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0].Text, "the DESCRIPTION of 1 event(s) is HTML") {
		t.Errorf("notes:\n%s", notes(rep))
	}
}

func TestCalendarNameAndDescription(t *testing.T) {
	ev := "BEGIN:VEVENT\r\nUID:1@x\r\nDTSTART:20240601T100000Z\r\nDTEND:20240601T110000Z\r\nSUMMARY:S\r\nEND:VEVENT\r\n"
	cal := func(props string) []byte {
		return []byte("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n" + props + ev + "END:VCALENDAR\r\n")
	}
	sched, info, _, err := ParseCalendar(cal("X-WR-CALNAME:Hub day\r\nX-WR-CALDESC:All sessions of the hub day\\nin Kigali\r\n"))
	if err != nil || sched.Event.Title != "Hub day" || sched.Event.ID != "hub-day" || info.Description != "All sessions of the hub day\nin Kigali" {
		t.Errorf("named: %v %+v %+v", err, sched.Event, info)
	}
	sched, _, rep, err := ParseCalendar(cal(""))
	if err != nil || sched.Event.ID != "google-inc-google-calendar-70-9054-en" || !strings.Contains(notes(rep), "no name (X-WR-CALNAME)") {
		t.Errorf("unnamed: %v %+v\n%s", err, sched.Event, notes(rep))
	}
}

// Events longer than a week and fields longer than MaxField are refused,
// as frab does; harmless controls are removed with a note, NUL, escape
// sequences and bidi controls in titles refused.
func TestLimitsAndControls(t *testing.T) {
	cal := func(body string) []byte {
		return []byte("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nX-WR-CALNAME:C\r\nBEGIN:VEVENT\r\nUID:1@x\r\nDTSTART:20240601T100000Z\r\n" +
			body + "END:VEVENT\r\nEND:VCALENDAR\r\n")
	}
	for name, tc := range map[string]struct{ in, want string }{
		"P1000D":           {"DURATION:P1000D\r\nSUMMARY:S\r\n", `event 1 ("S"): it lasts 24000h0m0s, more than the 168h0m0s a session can`},
		"eight days":       {"DTEND:20240609T100000Z\r\nSUMMARY:S\r\n", "more than the 168h0m0s"},
		"1 MiB":            {"DURATION:PT1H\r\nSUMMARY:S\r\nDESCRIPTION:" + strings.Repeat("x", 1<<20) + "\r\n", "DESCRIPTION is longer than 65536 characters (1048576)"},
		"bidi in SUMMARY":  {"DURATION:PT1H\r\nSUMMARY:S\u202e\r\n", "SUMMARY: bidirectional control U+202E"},
		"bidi in LOCATION": {"DURATION:PT1H\r\nSUMMARY:S\r\nLOCATION:\u2066Room\r\n", "LOCATION: bidirectional control U+2066"},
		"NUL":              {"DURATION:PT1H\r\nSUMMARY:S\r\nDESCRIPTION:a\x00b\r\n", "DESCRIPTION: a NUL character"},
		"escape sequence":  {"DURATION:PT1H\r\nSUMMARY:S\r\nDESCRIPTION:\x1b[2Jgone\r\n", "DESCRIPTION: a terminal escape sequence"},
	} {
		if _, _, err := Parse(cal(tc.in)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", name, err, tc.want)
		}
	}
	sched, rep, err := Parse(cal("DURATION:PT1H\r\nSUMMARY:S\r\nDESCRIPTION:a\x7fb\u0085c\u202ed\x01e\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d := sched.Sessions[0].Description; d != "abcde" || notes(rep) != "\"S\", DESCRIPTION: removed U+007F, U+0085, U+202E, U+0001\n" {
		t.Errorf("description %q, notes:\n%s", d, notes(rep))
	}
}

// Exchange names its zone by Windows' name and repeats all-day events:
// the zone is CLDR's, inferred for the event, the dates kept, the
// repeats expanded with their EXDATE.
func TestExchange2010Calendar(t *testing.T) {
	sched, rep, err := Parse(testdata(t, "icalendar-exchange2010-kalender.ics"))
	if err != nil {
		t.Fatal(err)
	}
	if sched.Event != (agenda.Event{ID: "kalender", Title: "Kalender", Zone: "Europe/London"}) || len(sched.Sessions) != 5 {
		t.Fatalf("event %+v, %d sessions", sched.Event, len(sched.Sessions))
	}
	const long = "040000008200E00074C5B7101A82E00800000000C41E94C5B4F3DA010000000000000000100000007EA1D0AA9DB96545A536FABC0B0C1F5A"
	for i, want := range []struct {
		guid, title, start string
		length             time.Duration
	}{
		{"040000008200E00074C5B7101A82E00800000000EF8046288216DB010000000000000000100000000D748168D60A25439FA3E76297E80CB0", "outlook event with alarm", "2024-10-04T17:30:00Z", 30 * time.Minute},
		{"111/20240701", "test123", "2024-06-30T23:00:00Z", 7 * 24 * time.Hour}, // midnight in London (BST)
		{"111/20240729", "test123", "2024-07-28T23:00:00Z", 7 * 24 * time.Hour}, // 07-15 is an EXDATE; 07-29 00:00 BST is the UNTIL
		{long + "/20240701", "test123 - edited event!!!!", "2024-06-30T23:00:00Z", 7 * 24 * time.Hour},
		{long + "/20240729", "test123 - edited event!!!!", "2024-07-28T23:00:00Z", 7 * 24 * time.Hour},
	} {
		s := sched.Sessions[i]
		if s.GUID != want.guid || s.Title != want.title || !s.Start.Equal(utc(want.start)) || s.Duration() != want.length || s.Zone != "Europe/London" || s.Room != "" || len(s.People) != 0 {
			t.Errorf("session %d: %s %q %v %v %s %q %v", i, s.GUID, s.Title, s.Start, s.Duration(), s.Zone, s.Room, s.People)
		}
	}
	want := `the time zone "GMT Standard Time" is Windows' name for Europe/London (CLDR windowsZones); times in it are read as Europe/London
the calendar names no time zone (X-WR-TIMEZONE); every time in it with a zone is in Europe/London, so that is the event's zone
"test123" repeats: 2 session(s), 2024-07-01 to 2024-07-29, 1 excluded (EXDATE)
"test123 - edited event!!!!" repeats: 2 session(s), 2024-07-01 to 2024-07-29, 1 excluded (EXDATE)
2 all-day event(s) (VALUE=DATE) keep their dates: each is listed from midnight to midnight in Europe/London
`
	if notes(rep) != want {
		t.Errorf("notes:\n%s", notes(rep))
	}
}

// Google writes UTC times and names the calendar's zone; an ATTENDEE in a
// VALARM is whom to remind, not a person of the session.
func TestGoogleCalendarExport(t *testing.T) {
	sched, rep, err := Parse(testdata(t, "icalendar-google-alarm.ics"))
	if err != nil {
		t.Fatal(err)
	}
	if sched.Event != (agenda.Event{ID: "nicco-kunzmann", Title: "Nicco Kunzmann", Zone: "Europe/London"}) || len(sched.Sessions) != 1 {
		t.Fatalf("event %+v, %d sessions", sched.Event, len(sched.Sessions))
	}
	s := sched.Sessions[0]
	if s.GUID != "79fs7pkqvht9m5igs0vjv1sfra@google.com" || s.Title != "event with alarms" || !s.Start.Equal(utc("2024-10-04T18:15:00Z")) ||
		s.Duration() != 45*time.Minute || s.Zone != "Europe/London" || len(s.People) != 0 || s.Room != "" {
		t.Errorf("session %+v", s)
	}
	if len(rep.Warnings) != 0 {
		t.Errorf("notes:\n%s", notes(rep))
	}
}

// Apple iCal 1.0 wrote TZID=US-Eastern without a VTIMEZONE: not a zone
// anyone can read, so the calendar is refused in words naming it.
func TestAppleICal1UnknownZoneRefused(t *testing.T) {
	_, _, err := Parse(testdata(t, "icalnet-apple-ical1-business.ics"))
	if err == nil || !strings.Contains(err.Error(), `event "Work", DTSTART: unknown time zone "US-Eastern": not an IANA zone, not a Windows zone CLDR maps, and the calendar has no VTIMEZONE for it`) {
		t.Errorf("err = %v", err)
	}
}

// An Exchange meeting request: its Windows zone through CLDR (Asia/Amman,
// UTC+3 in July 2019), its ORGANIZER the session's organiser, its
// ATTENDEEs with a name its people; no X-WR-CALNAME, so PRODID names it.
func TestExchange2010Invite(t *testing.T) {
	sched, rep, err := Parse(testdata(t, "espocrm-exchange2010-invite.ics"))
	if err != nil {
		t.Fatal(err)
	}
	if sched.Event != (agenda.Event{ID: "microsoft-exchange-server-2010", Title: "microsoft-exchange-server-2010", Zone: "Asia/Amman"}) || len(sched.Sessions) != 1 {
		t.Fatalf("event %+v, %d sessions", sched.Event, len(sched.Sessions))
	}
	s := sched.Sessions[0]
	want := []agenda.Person{{Role: agenda.RoleOrganiser, Name: "Test Org"}, {Role: agenda.RoleSpeaker, Name: "Test-1"}, {Role: agenda.RoleSpeaker, Name: "Test-2"}}
	if s.GUID != "040000008200E00074C5B7101A82E008000000004679AD350342D501000000000000000010000000BB4B99DDF6B4934B8DC8B8BA92CF3645" ||
		s.Title != "test2" || !s.Start.Equal(utc("2019-07-29T15:00:00Z")) || s.Duration() != 30*time.Minute || s.Zone != "Asia/Amman" || s.Room != "" ||
		len(s.People) != len(want) {
		t.Fatalf("session %+v", s)
	}
	for i := range want {
		if s.People[i] != want[i] {
			t.Errorf("person %d: %+v, want %+v", i, s.People[i], want[i])
		}
	}
	if n := notes(rep); !strings.Contains(n, `the time zone "Jordan Standard Time" is Windows' name for Asia/Amman (CLDR windowsZones)`) ||
		!strings.Contains(n, "it is known by the software that wrote it (microsoft-exchange-server-2010)") {
		t.Errorf("notes:\n%s", n)
	}
}

// A Google invitation to an all-day event in a calendar that names no
// zone: the day is kept as a UTC day, and the note says so.
func TestGoogleInviteAllDay(t *testing.T) {
	sched, rep, err := Parse(testdata(t, "espocrm-google-invite-allday.ics"))
	if err != nil {
		t.Fatal(err)
	}
	if len(sched.Sessions) != 1 || sched.Event.Zone != "UTC" {
		t.Fatalf("%+v", sched)
	}
	s := sched.Sessions[0]
	want := []agenda.Person{{Role: agenda.RoleOrganiser, Name: "test"}, {Role: agenda.RoleSpeaker, Name: "test.com"}}
	if s.GUID != "4r15namb5v2h4dou58gkfajjbe@google.com" || s.Title != "test ics 4" || !s.Start.Equal(utc("2021-08-10T00:00:00Z")) ||
		s.Duration() != 24*time.Hour || s.Zone != "UTC" || len(s.People) != 2 || s.People[0] != want[0] || s.People[1] != want[1] {
		t.Errorf("session %+v", s)
	}
	if n := notes(rep); !strings.Contains(n, "1 all-day event(s) (VALUE=DATE) keep their dates: each is listed from midnight to midnight in UTC (the calendar names no zone, so these are UTC days)") {
		t.Errorf("notes:\n%s", n)
	}
}
