package assemble

import (
	"cmp"
	"slices"
	"sync"

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

// relater chooses the related articles of one article of a site, when a
// page asks for them (model.Article.Related): the work of one choice is a
// few binary searches and a sort of at most 3×perList candidates, so a
// build that shows every article's pays what choosing them all at once
// did, and the preview pays only for the pages a browser asks for.
type relater struct {
	articles []*model.Article         // the site's order: newest first
	rank     map[*model.Article]int32 // index in articles

	mu    sync.Mutex
	ranks map[any][]int32 // a project's or term's list as ranks, ascending: made once, when first needed
}

// ranksOf returns the ranks of the articles of list, the list of key (a
// project or a term), in the site's order as list is.
func (r *relater) ranksOf(key any, list []*model.Article) []int32 {
	r.mu.Lock()
	defer r.mu.Unlock()
	ranks, ok := r.ranks[key]
	if !ok {
		ranks = make([]int32, len(list))
		for i, a := range list {
			ranks[i] = r.rank[a]
		}
		r.ranks[key] = ranks
	}
	return ranks
}

// related sets each article's chooser. articles are in the site's order
// (newest first), as every project and term lists them.
func related(articles []*model.Article) {
	r := newRelater(articles)
	for _, a := range articles {
		a.RelateWith(r.choose)
	}
}

func newRelater(articles []*model.Article) *relater {
	r := &relater{articles: articles, rank: make(map[*model.Article]int32, len(articles)), ranks: map[any][]int32{}}
	for i, a := range articles {
		r.rank[a] = int32(i)
	}
	return r
}

// choose returns the related articles of a, nil when it has none.
func (r *relater) choose(a *model.Article) []*model.Article {
	me := r.rank[a]
	cands := make([]candidate, 0, 3*perList)
	for _, p := range a.Projects {
		cands = r.neighbours(cands, r.ranksOf(p, p.Articles), me)
	}
	for _, t := range []*model.Term{a.UnitTerm, a.LeadTerm} {
		if t != nil {
			cands = r.neighbours(cands, r.ranksOf(t, t.Articles), me)
		}
	}
	for j := range cands {
		cands[j].close = closeness(a, r.articles[cands[j].rank])
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
	var out []*model.Article
	for j, c := range cands {
		if len(out) == maxRelated {
			break
		}
		if j == 0 || c.rank != cands[j-1].rank { // one article may be a neighbour in two lists
			out = append(out, r.articles[c.rank])
		}
	}
	return out
}

// neighbours appends to cands the perList articles of list (by rank,
// ascending) nearest in date to the article of rank me, which list holds,
// itself left out.
func (r *relater) neighbours(cands []candidate, list []int32, me int32) []candidate {
	at, _ := slices.BinarySearch(list, me)
	secs := func(i int) int64 { return r.articles[list[i]].Date.Unix() }
	mine := r.articles[me].Date.Unix()
	lo, hi := at-1, at+1 // newer, older
	for n := 0; n < perList && (lo >= 0 || hi < len(list)); n++ {
		// The nearer of the two sides; the newer on a tie.
		if lo >= 0 && (hi >= len(list) || secs(lo)-mine <= mine-secs(hi)) {
			cands = append(cands, candidate{rank: list[lo], apart: secs(lo) - mine})
			lo--
		} else {
			cands = append(cands, candidate{rank: list[hi], apart: mine - secs(hi)})
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
