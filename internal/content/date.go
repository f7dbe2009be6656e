package content

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// Layouts with a zone are read as written (the decoder then moves the
// instant into the site's zone); the others in the site's zone.
// Go's "1" and "2" accept one or two digits, so "6/8/2018" and "06/08/2018"
// share a layout. Vietnamese dates are day first.
var (
	zonedLayouts = []string{
		time.RFC3339,
		"2006-01-02T15:04Z07:00",
		"2006-01-02 15:04:05Z07:00",
		"2006-01-02 15:04:05 Z07:00",
		"2006-01-02 15:04Z07:00",
	}
	localLayouts = []string{
		"2006-01-02T15:04:05",
		"2006-01-02T15:04",
		"2006-01-02 15:04:05",
		"2006-01-02 15:04",
		"2006-01-02",
		"15:04, 2/1/2006",
		"15:04:05, 2/1/2006",
		"15:04 2/1/2006",
		"2/1/2006 15:04", // day, then time, as some spreadsheets write it
		"2/1/2006 15:04:05",
		"2/1/2006",
	}
)

const dateHint = `accepted: 2018-08-06T16:41:00+07:00, 2018-08-06 16:41, 2018-08-06, "16:41, 06/08/2018", 06/08/2018 (day first)`

// parseDate reads s in one of the accepted forms, maybe after a weekday
// ("Thứ Hai, 06/08/2018", as the site shows dates and the importer reads
// them), which must then be the date's. When a form matched but a part
// was out of range (31/02, month 13, 25:00), the error says which.
func parseDate(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	day, rest := weekday(s)
	t, err := parseBare(rest, loc)
	if err == nil && day >= 0 && t.Weekday() != day {
		return time.Time{}, &dateError{
			fmt.Sprintf("%q is not a valid date: %s is a %s (%s)", s, t.Format("02/01/2006"), weekdayNames[t.Weekday()], t.Weekday()),
			s, fmt.Sprintf("không khớp: ngày %s là %s, không phải %s", t.Format("02/01/2006"), weekdayNames[t.Weekday()], weekdayNames[day])}
	}
	var de *dateError
	if errors.As(err, &de) && rest != s {
		err = &dateError{fmt.Sprintf("%q is not a date: after the weekday, %v", s, err), s, de.why}
	}
	return t, err
}

// dateError is a text that is no date: what the terminal says (en), and
// for the editor the text (as typed) and why, in Vietnamese.
type dateError struct{ en, text, why string }

func (e *dateError) Error() string { return e.en }

// vi says e for the editor, as a clause: "«31/02/2018» không phải là…".
func (e *dateError) vi() string { return "«" + e.text + "» " + e.why }

// parseBare reads s, without a weekday, in one of the accepted forms.
func parseBare(s string, loc *time.Location) (time.Time, error) {
	var reason string
	// try keeps the range error of a layout shaped like s: "31/02/2018"
	// also fails "15:04, 2/1/2006" (hour 31), which is not what was meant.
	try := func(layout string, err error) bool {
		var pe *time.ParseError
		if err != nil && reason == "" && errors.As(err, &pe) && strings.Contains(pe.Message, "out of range") &&
			shape(s) == shape(sample.Format(layout)) {
			reason = strings.TrimPrefix(pe.Message, ": ")
		}
		return err == nil
	}
	for _, l := range zonedLayouts {
		t, err := time.Parse(l, s)
		if try(l, err) {
			return checkYear(s, t)
		}
	}
	for _, l := range localLayouts {
		t, err := time.ParseInLocation(l, s, loc)
		if try(l, err) {
			return checkYear(s, wall(t, loc))
		}
	}
	if reason != "" {
		return time.Time{}, &dateError{fmt.Sprintf("%q is not a valid date: %s", s, reason), s,
			"không phải là một ngày có thật (" + rangeVi(reason) + ")"}
	}
	return time.Time{}, &dateError{fmt.Sprintf("%q is not a date", s), s, "không phải là một ngày"}
}

// rangeVi says which part of a date time.Parse found out of range.
func rangeVi(reason string) string {
	switch word, _, _ := strings.Cut(reason, " "); word {
	case "month":
		return "tháng chỉ từ 1 đến 12"
	case "day":
		return "tháng đó không có ngày này"
	case "hour":
		return "giờ chỉ từ 0 đến 23"
	case "minute":
		return "phút chỉ từ 0 đến 59"
	case "second":
		return "giây chỉ từ 0 đến 59"
	}
	return "có một phần vượt quá giới hạn"
}

var sample = time.Date(2018, 8, 6, 16, 41, 0, 0, time.FixedZone("", 7*3600))

// shape replaces each run of digits with "9": "06/08/2018" → "9/9/9".
func shape(s string) string {
	var b strings.Builder
	digit := false
	for _, r := range s {
		if r >= '0' && r <= '9' {
			if !digit {
				b.WriteByte('9')
			}
			digit = true
			continue
		}
		digit = false
		b.WriteRune(r)
	}
	return b.String()
}

// The years a date of a bulletin, a document it cites or a follow-up can
// have. Outside them a date is a typo (0001, 9999, 2108 for 2018) that
// would file an article under a year nobody looks at, or hold it back
// as "future" for ever; before 1900, too, zones were local mean times
// that RFC 3339 cannot write (see wall). Dates are written in their own
// zone, so the year is checked there.
const minYear, maxYear = 1900, 2100

// checkYear returns t, or an error naming s when its year is out of range.
func checkYear(s string, t time.Time) (time.Time, error) {
	if y := t.Year(); y < minYear || y > maxYear {
		return time.Time{}, &dateError{fmt.Sprintf("%q is not a valid date: the year must be between %d and %d", s, minYear, maxYear), s,
			fmt.Sprintf("có năm %d, ngoài khoảng từ %d đến %d (có gõ nhầm năm không?)", y, minYear, maxYear)}
	}
	return t, nil
}

// dateOnly reports whether a date value, as written, gives a calendar day
// and no time of day ("2018-09-14", "14/09/2018", TOML 2018-09-14): the
// page then shows the day alone rather than a made-up "00:00".
func dateOnly(v any) bool {
	switch v := v.(type) {
	case time.Time:
		return v.Location().String() == tomlLocalDate
	case string:
		_, s := weekday(strings.TrimSpace(v))
		for _, l := range []string{"2006-01-02", "2/1/2006"} {
			if _, err := time.Parse(l, s); err == nil {
				return true
			}
		}
	}
	return false
}

// Names toml v1 gives the locations of dates written without a zone.
const (
	tomlLocalDatetime = "datetime-local"
	tomlLocalDate     = "date-local"
	tomlLocalTime     = "time-local"
)

// tomlTime reads a TOML date-time value. One written without a zone
// (2018-08-31T23:30:00, 2018-08-31) is in the site's zone loc, like any
// other date without a zone; a time of day alone (16:41:00) is no date.
func tomlTime(t time.Time, loc *time.Location) (time.Time, error) {
	var s string
	switch t.Location().String() {
	case tomlLocalDatetime:
		s = t.Format("2006-01-02T15:04:05.999999999")
		t = wall(time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc), loc)
	case tomlLocalDate:
		s = t.Format("2006-01-02")
		t = wall(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc), loc)
	case tomlLocalTime:
		at := t.Format("15:04:05.999999999")
		return time.Time{}, &dateError{fmt.Sprintf("%s is a time of day without a date", at), at, "chỉ có giờ, chưa có ngày"}
	default:
		s = t.Format(time.RFC3339Nano)
	}
	return checkYear(s, t)
}

// Before time zones, a zone's rules give local mean time: in Vietnam
// +07:06:30 until 1911. RFC 3339, which pages, feeds and sitemaps write
// dates in, has no seconds in an offset (Go writes "+07:06", another
// instant). So a date the site's zone would put in local mean time is
// read at the zone's standard offset instead, +07:00 in Vietnam: the
// offset an editor means by a date written without one.

// wall is t, a time of day read in loc, or the same wall clock at loc's
// standard offset when loc gives it a local mean time.
func wall(t time.Time, loc *time.Location) time.Time {
	if !meanTime(t) {
		return t
	}
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), standard(loc))
}

// inZone is the instant t in loc, or at loc's standard offset when loc
// gives it a local mean time.
// InZone is t in loc as the build shows it: at loc's standard offset
// where loc gives a local mean time (before 1906 in Vietnam), since dates
// then are read at that offset (a date written 10:00 stays 10:00, not
// 10:06). For tools that show and write dates as the build reads them
// (the editor's form).
func InZone(t time.Time, loc *time.Location) time.Time { return inZone(t, loc) }

func inZone(t time.Time, loc *time.Location) time.Time {
	if u := t.In(loc); !meanTime(u) {
		return u
	}
	return t.In(standard(loc))
}

// meanTime reports whether t's offset is not a whole number of minutes.
func meanTime(t time.Time) bool {
	_, off := t.Zone()
	return off%60 != 0
}

// standard is loc's offset as it has been since 2000, as a fixed zone.
func standard(loc *time.Location) *time.Location {
	name, off := time.Date(2000, 1, 1, 0, 0, 0, 0, loc).Zone()
	return time.FixedZone(name, off)
}

// weekdayRE finds a Vietnamese weekday at the start of a date, as pages
// show it: "Thứ Hai, ", "thứ 2 ", "Chủ nhật, ".
var weekdayRE = regexp.MustCompile(`^(?i:thứ\s+(hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\s*,?\s*`)

// weekdayNames are the days as the theme and editors write them.
var weekdayNames = [...]string{"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}

// weekday splits a leading weekday off s: the day (-1 when none) and the
// rest of s.
func weekday(s string) (time.Weekday, string) {
	m := weekdayRE.FindStringSubmatchIndex(s)
	if m == nil {
		return -1, s
	}
	day := time.Sunday // "chủ nhật": the one form without a number
	if m[2] >= 0 {
		switch w := strings.ToLower(s[m[2]:m[3]]); w {
		case "hai", "2":
			day = time.Monday
		case "ba", "3":
			day = time.Tuesday
		case "tư", "4":
			day = time.Wednesday
		case "năm", "5":
			day = time.Thursday
		case "sáu", "6":
			day = time.Friday
		default: // "bảy", "7"
			day = time.Saturday
		}
	}
	return day, s[m[1]:]
}
