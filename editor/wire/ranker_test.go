package wire

import "testing"

func TestTrainSpeakerModelLearnsWhatIsRight(t *testing.T) {
	data := []TrainingQuote{
		{Features: [][]string{{"near", "verb-next"}, {"far"}, {"none"}}, Right: []bool{true, false, false}},
		{Features: [][]string{{"far"}, {"near", "verb-next"}, {"none"}}, Right: []bool{false, true, false}},
		{Features: [][]string{{"far"}, {"none"}}, Right: []bool{false, true}},
	}
	m := TrainSpeakerModel(data, 20)
	if !(m.score([]string{"near", "verb-next"}) > m.score([]string{"far"})) {
		t.Errorf("weights %v: the right candidate does not score best", m.Weights)
	}
	if !(m.score([]string{"none"}) > m.score([]string{"far"})) {
		t.Errorf("weights %v: nobody should beat a wrong candidate", m.Weights)
	}
	again := TrainSpeakerModel(data, 20)
	for f, w := range m.Weights {
		if again.Weights[f] != w {
			t.Errorf("training is not deterministic: %s %v vs %v", f, w, again.Weights[f])
		}
	}
}

func TestDefaultSpeakerModelIsEmbedded(t *testing.T) {
	m := DefaultSpeakerModel()
	if m == nil || len(m.Weights) < 50 {
		t.Fatalf("no speaker weights embedded")
	}
	// Nobody is a choice only when the quote's own sentence names no one.
	for body, nobody := range map[string]bool{"“We will win,” Smith said.": false, "Smith was there.\n\n“We will win.”": true} {
		qs := SpeakerCandidates(body)
		if len(qs) != 1 || len(qs[0].Candidates) < 1 {
			t.Fatalf("%q: candidates %+v", body, qs)
		}
		c := qs[0].Candidates
		if got := c[len(c)-1].Start == -1; got != nobody {
			t.Errorf("%q: candidates %+v, nobody among them %v, want %v", body, c, got, nobody)
		}
	}
}
