package search

// A list of document ids (ascending) is written as text, in the 64
// characters of URL-safe base64, so it sits in JSON without escapes and
// the script reads it without a binary parser. It takes the shorter of two
// forms:
//
//   - gaps: the first id, then each gap less one, as variable-length
//     numbers of five bits a character, the sixth bit set on every
//     character but the last of a number. A word in one document of ten
//     thousand costs three characters.
//   - a bitmap, after "~": six documents a character, from document 0,
//     the lowest bit first. A word in most documents costs N/6 characters
//     whatever N is, 1,700 for 10,000 documents.

const digits64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// appendIDs appends the shorter encoding of ids to b.
func appendIDs(b []byte, ids []int32) []byte {
	if len(ids) == 0 {
		return b
	}
	gaps, prev := 0, int32(-1)
	for _, id := range ids {
		gaps += numLen(uint32(id - prev - 1))
		prev = id
	}
	bitmap := 1 + int(ids[len(ids)-1])/6 + 1
	if bitmap < gaps {
		return appendBitmap(b, ids)
	}
	prev = -1
	for _, id := range ids {
		b = appendNum(b, uint32(id-prev-1))
		prev = id
	}
	return b
}

func numLen(v uint32) int {
	n := 1
	for v >= 32 {
		v >>= 5
		n++
	}
	return n
}

func appendNum(b []byte, v uint32) []byte {
	for v >= 32 {
		b = append(b, digits64[32|v&31])
		v >>= 5
	}
	return append(b, digits64[v])
}

func appendBitmap(b []byte, ids []int32) []byte {
	b = append(b, '~')
	var cell, bits int32
	for _, id := range ids {
		for id/6 > cell {
			b = append(b, digits64[bits])
			cell, bits = cell+1, 0
		}
		bits |= 1 << (id % 6)
	}
	return append(b, digits64[bits])
}

// decodeIDs reads what appendIDs wrote; the tests use it to read the index
// back as the script does.
func decodeIDs(s string) []int32 {
	var ids []int32
	if s == "" {
		return ids
	}
	value := func(c byte) int32 {
		for i := 0; i < 64; i++ {
			if digits64[i] == c {
				return int32(i)
			}
		}
		return -1
	}
	if s[0] == '~' {
		for i := 1; i < len(s); i++ {
			v := value(s[i])
			for bit := int32(0); bit < 6; bit++ {
				if v&(1<<bit) != 0 {
					ids = append(ids, int32(i-1)*6+bit)
				}
			}
		}
		return ids
	}
	prev := int32(-1)
	var num, shift int32
	for i := 0; i < len(s); i++ {
		v := value(s[i])
		num |= (v & 31) << shift
		shift += 5
		if v < 32 {
			prev += num + 1
			ids = append(ids, prev)
			num, shift = 0, 0
		}
	}
	return ids
}
