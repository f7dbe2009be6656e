package assemble

import (
	"cmp"
	"slices"

	"bulletin/internal/model"
)

// Related articles: at most maxRelated others for each article, those
// that share a project first, then the inspected unit, then the team
// lead (sharing more ranks higher); among equals the nearest in date,
// then the newer. The candidates are the perList neighbours in date of
// the article in each of its lists (each project's, its unit's, its team
// lead's), so the work is the same for every article however long those
// lists are: linear in the site.
const (
	maxRelated = 5
	perList    = 3 * maxRelated
)

// candidate is an article that may be related to another, with what
// ranks it: its place in the site, what it shares, how far apart in time.
type candidate struct {
	rank  int32
	close int
	apart int64 // seconds
}

// related fills each article's Related. articles are in the site's order
// (newest first), as every project and term lists them.
func related(articles []*model.Article) {
	rank := make(map[*model.Article]int32, len(articles))
	secs := make([]int64, len(articles))
	for i, a := range articles {
		rank[a], secs[i] = int32(i), a.Date.Unix()
	}
	// Each project's and term's list as the ranks of its articles,
	// ascending (the lists are in the site's order), made once.
	ranksOf := func(list []*model.Article) []int32 {
		r := make([]int32, len(list))
		for i, a := range list {
			r[i] = rank[a]
		}
		return r
	}
	byProject := map[*model.Project][]int32{}
	byTerm := map[*model.Term][]int32{}
	backing := make([]*model.Article, 0, maxRelated*len(articles)) // one allocation for every list
	var cands []candidate
	for i, a := range articles {
		me := int32(i)
		cands = cands[:0]
		for _, p := range a.Projects {
			r, ok := byProject[p]
			if !ok {
				r = ranksOf(p.Articles)
				byProject[p] = r
			}
			cands = neighbours(cands, r, me, secs)
		}
		for _, t := range []*model.Term{a.UnitTerm, a.LeadTerm} {
			if t == nil {
				continue
			}
			r, ok := byTerm[t]
			if !ok {
				r = ranksOf(t.Articles)
				byTerm[t] = r
			}
			cands = neighbours(cands, r, me, secs)
		}
		for j := range cands {
			cands[j].close = closeness(a, articles[cands[j].rank])
		}
		slices.SortFunc(cands, func(x, y candidate) int {
			if c := cmp.Compare(y.close, x.close); c != 0 {
				return c
			}
			if c := cmp.Compare(x.apart, y.apart); c != 0 {
				return c
			}
			return cmp.Compare(x.rank, y.rank)
		})
		start := len(backing)
		for j, c := range cands {
			if len(backing)-start == maxRelated {
				break
			}
			if j == 0 || c.rank != cands[j-1].rank { // one article may be a neighbour in two lists
				backing = append(backing, articles[c.rank])
			}
		}
		a.Related = nil
		if len(backing) > start {
			a.Related = backing[start:len(backing):len(backing)]
		}
	}
}

// neighbours appends to cands the perList articles of list (by rank,
// ascending) nearest in date to the article of rank me, which list holds,
// itself left out.
func neighbours(cands []candidate, list []int32, me int32, secs []int64) []candidate {
	at, _ := slices.BinarySearch(list, me)
	lo, hi := at-1, at+1 // newer, older
	for n := 0; n < perList && (lo >= 0 || hi < len(list)); n++ {
		// The nearer of the two sides; the newer on a tie.
		if lo >= 0 && (hi >= len(list) || secs[list[lo]]-secs[me] <= secs[me]-secs[list[hi]]) {
			cands = append(cands, candidate{rank: list[lo], apart: secs[list[lo]] - secs[me]})
			lo--
		} else {
			cands = append(cands, candidate{rank: list[hi], apart: secs[me] - secs[list[hi]]})
			hi++
		}
	}
	return cands
}

// closeness ranks what b shares with a: a project counts more than the
// unit and the team lead together, the unit more than the team lead.
func closeness(a, b *model.Article) int {
	n := 0
	for _, p := range a.Projects {
		if slices.Contains(b.Projects, p) {
			n += 4
			break
		}
	}
	if a.UnitTerm != nil && a.UnitTerm == b.UnitTerm {
		n += 2
	}
	if a.LeadTerm != nil && a.LeadTerm == b.LeadTerm {
		n++
	}
	return n
}
