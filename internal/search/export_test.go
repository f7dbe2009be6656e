package search

// DecodeIDs lets the tests outside the package read the index back.
var DecodeIDs = decodeIDs

// Format is the index's format, as meta.json gives it.
const Format = format

// Shard is the word shard, of n, that holds key.
func Shard(key string, n int) int { return int(shard(key) % uint32(n)) }

// Scan gives the words and codes of s as the browser test compares them
// with the script's: "key", or "key=spelling" when the word is spelt
// otherwise, then the "-" or "/" that joins it to the next word.
func Scan(s string) (words, codes []string) {
	words, codes = scanned(s)
	if words == nil {
		words = []string{}
	}
	if codes == nil {
		codes = []string{}
	}
	return words, codes
}
