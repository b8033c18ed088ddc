package main

import (
	"testing"

	"copydesk/editor/wire"
)

func TestLOPONeverTrainsOnTheHeldOutPublisher(t *testing.T) {
	said := "Smith"
	articles := []*article{
		{ID: "a1", Publisher: "alpha", Text: "“We will win this fight,” Smith said.", Quotes: []goldQuote{{Type: "direct", Text: "“We will win this fight,”", Spans: [][2]int{{0, 25}}, Speaker: &said}}},
		{ID: "b1", Publisher: "beta", Text: "“We will lose this fight,” Jones said.", Quotes: []goldQuote{{Type: "direct", Text: "“We will lose this fight,”", Spans: [][2]int{{0, 26}}, Speaker: &said}}},
	}
	var trainedOn [][]string
	total, per, _, _ := lopo(articles, func(train []*article) finder {
		var pubs []string
		for _, a := range train {
			pubs = append(pubs, a.Publisher)
		}
		trainedOn = append(trainedOn, pubs)
		return func(body string) []wire.Quote { qs, _ := wire.FindQuotes(body); return qs }
	})
	if len(per) != 2 || per[0].publisher != "alpha" || per[1].publisher != "beta" {
		t.Fatalf("publishers %+v", per)
	}
	for i, pubs := range trainedOn {
		for _, p := range pubs {
			if p == per[i].publisher {
				t.Errorf("fold %s trained on its own articles", p)
			}
		}
	}
	if total.gold != 2 || total.found != 2 || total.named != 2 || total.namedRight != 1 {
		t.Errorf("tally %+v", total)
	}
}
