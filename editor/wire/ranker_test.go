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
	for _, q := range SpeakerCandidates("“We will win,” Smith said.") {
		if len(q.Candidates) < 2 || q.Candidates[len(q.Candidates)-1].Start != -1 {
			t.Errorf("candidates %+v: want Smith and nobody", q.Candidates)
		}
	}
}
