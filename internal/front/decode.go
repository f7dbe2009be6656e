package front

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	yaml2 "gopkg.in/yaml.v2"
)

// decode reads the frontmatter's values with the decoders the build uses,
// into plain values: string, bool, int64, float64, nil, []any and
// map[string]any, dates as text.
func decode(format Format, text string) (map[string]any, error) {
	var v any
	switch format {
	case YAML:
		if err := yaml2.Unmarshal([]byte(text), &v); err != nil {
			return nil, err
		}
	case TOML:
		var m map[string]any
		if err := toml.Unmarshal([]byte(text), &m); err != nil {
			return nil, err
		}
		v = m
	case JSON:
		var m map[string]any
		if err := json.Unmarshal([]byte(text), &m); err != nil {
			return nil, err
		}
		v = m
	}
	switch m := plain(v).(type) {
	case nil:
		return map[string]any{}, nil
	case map[string]any:
		return m, nil
	}
	return nil, fmt.Errorf("the frontmatter is not fields (key: value)")
}

func plain(v any) any {
	switch v := v.(type) {
	case map[any]any:
		m := make(map[string]any, len(v))
		for k, x := range v {
			m[fmt.Sprint(k)] = plain(x)
		}
		return m
	case map[string]any:
		m := make(map[string]any, len(v))
		for k, x := range v {
			m[k] = plain(x)
		}
		return m
	case []any:
		l := make([]any, len(v))
		for i, x := range v {
			l[i] = plain(x)
		}
		return l
	case []map[string]any:
		l := make([]any, len(v))
		for i, x := range v {
			l[i] = plain(x)
		}
		return l
	case int:
		return int64(v)
	case uint64:
		return float64(v)
	case time.Time:
		return timeText(v)
	}
	return v
}

// timeText writes a decoded date back as text, in the form its format
// gave it.
func timeText(t time.Time) string {
	switch t.Location().String() {
	case "date-local":
		return t.Format("2006-01-02")
	case "datetime-local":
		return strings.TrimSuffix(t.Format("2006-01-02T15:04:05.999999999"), ".")
	case "time-local":
		return t.Format("15:04:05")
	}
	return t.Format(time.RFC3339Nano)
}
