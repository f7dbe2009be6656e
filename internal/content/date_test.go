package content

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2018-08-06T16:41:00+07:00", "2018-08-06T16:41:00+07:00"},
		{"2018-08-06T09:41:00Z", "2018-08-06T09:41:00Z"},
		{"2018-08-06T16:41+07:00", "2018-08-06T16:41:00+07:00"},
		{"2018-08-06 16:41:00 +07:00", "2018-08-06T16:41:00+07:00"},
		{"2018-08-06T16:41:00", "2018-08-06T16:41:00+07:00"},
		{"2018-08-06 16:41", "2018-08-06T16:41:00+07:00"},
		{"2018-08-06 16:41:30", "2018-08-06T16:41:30+07:00"},
		{"2018-08-06", "2018-08-06T00:00:00+07:00"},
		{"16:41, 06/08/2018", "2018-08-06T16:41:00+07:00"},
		{"9:05, 6/8/2018", "2018-08-06T09:05:00+07:00"},
		{"06/08/2018", "2018-08-06T00:00:00+07:00"},
		{"6/8/2018", "2018-08-06T00:00:00+07:00"},
		{"12/7/2016", "2016-07-12T00:00:00+07:00"},
		{"06/08/2018 16:41", "2018-08-06T16:41:00+07:00"},
		{"6/8/2018 16:41:30", "2018-08-06T16:41:30+07:00"},
		{"06/08/2018 25:00", `error: "06/08/2018 25:00" is not a valid date: hour out of range`},
		{" 29/02/2016 ", "2016-02-29T00:00:00+07:00"},
		{"31/02/2018", `error: "31/02/2018" is not a valid date: day out of range`},
		{"2018-13-01", `error: "2018-13-01" is not a valid date: month out of range`},
		{"25:00, 06/08/2018", `error: "25:00, 06/08/2018" is not a valid date: hour out of range`},
		{"29/02/2018", `error: "29/02/2018" is not a valid date: day out of range`},
		{"hôm qua", `error: "hôm qua" is not a date`},
		{"08/2018", `error: "08/2018" is not a date`},
		{"", `error: "" is not a date`},
		{"0000-01-01", `error: "0000-01-01" is not a valid date: the year must be between 1900 and 2100`},
		{"00/01/0000", `error: "00/01/0000" is not a valid date: day out of range`},
		{"9999-12-31 23:59", `error: "9999-12-31 23:59" is not a valid date: the year must be between 1900 and 2100`},
		{"0001-01-01T06:59:00+07:00", `error: "0001-01-01T06:59:00+07:00" is not a valid date: the year must be between 1900 and 2100`},
		{"06/08/2108", `error: "06/08/2108" is not a valid date: the year must be between 1900 and 2100`},
		{"1899-12-31", `error: "1899-12-31" is not a valid date: the year must be between 1900 and 2100`},
		{"2100-12-31T23:59:00-01:00", "2100-12-31T23:59:00-01:00"},
		{"10000-01-01", `error: "10000-01-01" is not a date`},
		// Local mean time (+07:06:30 in Vietnam before 1911) is read at
		// the zone's standard offset: RFC 3339 cannot write seconds.
		{"01/01/1900", "1900-01-01T00:00:00+07:00"},
		{"1910-06-30 16:41", "1910-06-30T16:41:00+07:00"},
		{"1900-01-01T00:00:00+07:06", "1900-01-01T00:00:00+07:06"},
		// A weekday as pages show it, which must be the date's.
		{"Thứ Hai, 06/08/2018", "2018-08-06T00:00:00+07:00"},
		{"thứ 2 16:41, 06/08/2018", "2018-08-06T16:41:00+07:00"},
		{"CHỦ NHẬT, 05/08/2018", "2018-08-05T00:00:00+07:00"},
		{"Thứ Ba, 06/08/2018", `error: "Thứ Ba, 06/08/2018" is not a valid date: 06/08/2018 is a Thứ Hai (Monday)`},
		{"Thứ Hai, hôm qua", `error: "Thứ Hai, hôm qua" is not a date: after the weekday, "hôm qua" is not a date`},
	}
	for _, tt := range tests {
		got, err := parseDate(tt.in, hcm)
		s := got.Format(time.RFC3339)
		if err != nil {
			s = "error: " + err.Error()
		}
		if s != tt.want {
			t.Errorf("parseDate(%q) = %s, want %s", tt.in, s, tt.want)
		}
	}
}

// TestDateInOtherZone checks that a date without a zone takes the site's.
func TestDateInOtherZone(t *testing.T) {
	got, err := parseDate("06/08/2018", time.UTC)
	if err != nil || got.Format(time.RFC3339) != "2018-08-06T00:00:00Z" {
		t.Errorf("got %v, %v", got, err)
	}
}

// TestDateInZoneNeverMeanTime: a date given with a zone, moved into the
// site's zone, never lands in local mean time (+07:06:30), which feeds
// and pages would write as "+07:06", another instant.
func TestDateInZoneNeverMeanTime(t *testing.T) {
	for _, s := range []string{"1900-01-01T00:00:00Z", "1905-06-01T12:00:00+01:00"} {
		d, err := parseDate(s, hcm)
		if err != nil {
			t.Fatal(err)
		}
		got := inZone(d, hcm)
		if !got.Equal(d) || got.Format(time.RFC3339) != d.In(time.FixedZone("", 7*3600)).Format(time.RFC3339) {
			t.Errorf("inZone(%s) = %s", s, got.Format(time.RFC3339))
		}
	}
}
