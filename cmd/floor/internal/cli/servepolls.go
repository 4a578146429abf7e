package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/igf-floor/floor/app/floor"
)

// pollCommand runs the policy-question and poll commands of 'floor serve':
//
//	question next | prev | N | none
//	poll single|multiple|text QUESTION | OPTION | OPTION ...
//	open [ID]   close [ID]   results [ID]
func (h *headless) pollCommand(ctx context.Context, verb, rest string) error {
	switch verb {
	case "question":
		return h.question(ctx, rest)
	case "poll":
		kind, text, _ := strings.Cut(rest, " ")
		parts := strings.Split(text, "|")
		p, err := h.polls.Create(ctx, parts[0], floor.PollKind(strings.ToLower(kind)), parts[1:])
		if err != nil {
			return err
		}
		fmt.Fprintf(h.out, "Poll %d written (%s): %q; 'open %d' opens it.\n", p.ID, p.Kind, p.Question, p.ID)
		return nil
	}
	id, err := h.pollID(rest)
	if err != nil {
		return err
	}
	switch verb {
	case "open":
		if err := h.polls.Open(ctx, id); err != nil {
			return err
		}
		p, _ := h.polls.Tally(id)
		fmt.Fprintf(h.out, "Poll %d open. Phones in the room vote at https://%s/poll with code %s; hubs vote from their window.\n", id, h.host, p.Poll.Code)
	case "close":
		if err := h.polls.Close(ctx, id); err != nil {
			return err
		}
		fmt.Fprintf(h.out, "Poll %d closed.\n", id)
		fallthrough
	case "results":
		t, _ := h.polls.Tally(id)
		fmt.Fprint(h.out, pollResults(t))
	}
	return nil
}

// pollID is the poll a command names, or the current one.
func (h *headless) pollID(arg string) (int, error) {
	if arg == "" {
		p, ok := h.polls.Current()
		if !ok {
			return 0, fmt.Errorf("no poll yet; write one with 'poll single QUESTION | OPTION | OPTION'")
		}
		return p.ID, nil
	}
	id, err := strconv.Atoi(arg)
	if err != nil {
		return 0, fmt.Errorf("poll number %q", arg)
	}
	return id, nil
}

func (h *headless) question(ctx context.Context, arg string) error {
	var err error
	switch arg {
	case "", "next":
		err = h.m.StepQuestion(ctx, h.questions, +1)
	case "prev", "previous":
		err = h.m.StepQuestion(ctx, h.questions, -1)
	case "none":
		err = h.m.TakeUpQuestion(ctx, 0, "")
	default:
		n, aerr := strconv.Atoi(arg)
		if aerr != nil || n < 1 || n > len(h.questions) {
			return fmt.Errorf("question %q: this session has questions 1 to %d", arg, len(h.questions))
		}
		err = h.m.TakeUpQuestion(ctx, n, h.questions[n-1])
	}
	if err != nil {
		return err
	}
	if fs := h.m.Floor(); fs.Question > 0 {
		fmt.Fprintf(h.out, "Policy question %d of %d: %s\n", fs.Question, len(h.questions), fs.QuestionText)
	} else {
		fmt.Fprintln(h.out, "No policy question on the table.")
	}
	return nil
}

// pollResults is a tally as lines of text.
func pollResults(t floor.Tally) string {
	var b strings.Builder
	state := "closed"
	if t.Poll.Open() {
		state = "open"
	}
	fmt.Fprintf(&b, "Poll %d (%s, code %s): %s — %d voters\n", t.Poll.ID, state, t.Poll.Code, t.Poll.Question, t.Voters)
	for i, o := range t.Poll.Options {
		fmt.Fprintf(&b, "  %3d  %s\n", t.Counts[i], o)
	}
	for _, a := range t.Answers {
		fmt.Fprintf(&b, "  — %q\n", a)
	}
	return b.String()
}
