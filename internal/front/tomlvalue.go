package front

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// How values are written in TOML: on one line, strings as basic strings,
// dates bare where TOML has them, lists as arrays, maps as inline tables.

// tomlDate matches the dates TOML writes bare: a day, or a date and time
// with seconds, and an offset or none.
var tomlDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$`)

// tomlValue writes a value on one line.
func tomlValue(v any) string {
	switch v := v.(type) {
	case string:
		return tomlString(v)
	case Date:
		if tomlDate.MatchString(string(v)) {
			return string(v)
		}
		return tomlString(string(v))
	case bool:
		return strconv.FormatBool(v)
	case raw:
		return string(v)
	case List:
		parts := make([]string, len(v.Items))
		for i, it := range v.Items {
			parts[i] = tomlValue(it)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case Map:
		parts := make([]string, len(v))
		for i, p := range v {
			parts[i] = tomlKey(p.Key) + " = " + tomlValue(p.Value)
		}
		if len(parts) == 0 {
			return "{}"
		}
		return "{ " + strings.Join(parts, ", ") + " }"
	case int64, float64, int:
		return fmt.Sprint(v)
	}
	return tomlString(fmt.Sprint(v))
}

func tomlKey(k string) string {
	for i := 0; i < len(k); i++ {
		if !isBare(k[i]) {
			return tomlString(k)
		}
	}
	if k == "" {
		return `""`
	}
	return k
}

// tomlString writes a TOML basic string: controls escaped, the rest as
// it is.
func tomlString(s string) string {
	return quoted(s, func(r rune) bool { return r < 0x20 || r == 0x7F })
}
