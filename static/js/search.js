// bulletin: search without a server. The build writes an index beside the
// search page (internal/search); this script reads meta.json, then only the
// chunks of the words typed and of the results shown. No framework, no build
// step. Text from the index is only ever set as text, never parsed as HTML.
(function () {
  "use strict";

  // Folding, as internal/search/fold.go does it: a character is compared
  // by its decomposition without nonspacing or enclosing marks and format
  // characters, in
  // lower case; đ, the look-alike ð, ø and the dashes come from a table.
  // A browser test runs both over every character and compares.
  var SPECIAL = new Map([
    ["đ", "d"], ["Đ", "d"], ["ð", "d"], ["Ð", "d"], ["ø", "o"], ["Ø", "o"],
    ["\u2010", "-"], ["\u2011", "-"], ["\u2012", "-"], ["\u2013", "-"], ["\u2014", "-"], ["\u2015", "-"], ["\u2212", "-"]
  ]);
  var DROP = /[\p{Mn}\p{Me}\p{Cf}]/gu;
  var FORMAT = /\p{Cf}/u;
  var WORD = /^[\p{L}\p{Nd}]$/u;
  var folds = new Map();

  function foldChar(c) {
    var f = SPECIAL.get(c);
    if (f !== undefined) return f;
    f = folds.get(c);
    if (f === undefined) {
      f = "";
      for (var d of c.normalize("NFD").replace(DROP, "")) f += d.toLowerCase();
      folds.set(c, f);
    }
    return f;
  }

  function fold(s) {
    var out = "";
    for (var c of s) out += foldChar(c);
    return out;
  }

  // variant is how a word is spelt, for ranking exact spellings first:
  // lower case, precomposed, ð as đ, format characters dropped.
  function variant(s) {
    var out = "";
    for (var c of s) {
      if (c === "ð" || c === "Ð") out += "đ";
      else if (c === "İ") out += "i"; // one character, as Go lowers it, not "i" and a dot
      else if (!FORMAT.test(c)) out += c.toLowerCase();
    }
    return out.normalize("NFC");
  }

  // scan splits a text into words: runs of letters and digits of the
  // folded text, each with its place in the text and the "-" or "/" that
  // alone joins it to the next (sep), as tokens.go does.
  function scan(s) {
    var words = [], w = null, gap = 0, gapSep = "", i = 0;
    for (var c of s) {
      var f = foldChar(c);
      if (f === "") {
        if (w) w.to = i + c.length; // a mark belongs to the letter before it
      }
      for (var fc of f) {
        if (WORD.test(fc)) {
          if (!w) {
            if (words.length && gap === 1 && gapSep) words[words.length - 1].sep = gapSep;
            w = { key: "", from: i, to: 0, sep: "" };
          }
          w.key += fc;
          w.to = i + c.length;
          continue;
        }
        if (w) { words.push(w); w = null; gap = 0; gapSep = ""; }
        gap++;
        gapSep = fc === "-" || fc === "/" ? fc : "";
      }
      i += c.length;
    }
    if (w) words.push(w);
    return words;
  }

  var DIGITS = /^[0-9]+$/;

  // codes finds the document codes among words ("01-ĐA/TU" → "1-da/tu"):
  // a word of digits, then words joined by single "-" or "/", holding a "/"
  // and a word that is not all digits. It returns [key, first, last] each.
  function codes(words) {
    var out = [];
    for (var i = 0; i < words.length; i++) {
      if (!words[i].sep || !DIGITS.test(words[i].key)) continue;
      var j = i, slash = false, letter = false;
      while (words[j].sep && j + 1 < words.length) {
        slash = slash || words[j].sep === "/";
        j++;
        letter = letter || !DIGITS.test(words[j].key);
      }
      if (slash && letter) {
        var key = words[i].key.replace(/^0+(?=.)/, "");
        for (var k = i + 1; k <= j; k++) key += words[k - 1].sep + words[k].key;
        out.push([key, i, j]);
      }
      i = j;
    }
    return out;
  }

  // Kinds of document, by their folded names, and the letters that stand
  // for them in a code: "đề án 01" looks for 01-ĐA/... and 01/ĐA-...
  var KINDS = [
    ["de an", "da"], ["du an", "da"], ["nghi quyet", "nq"], ["nghi dinh", "nd"], ["chi thi", "ct"],
    ["ke hoach", "kh"], ["quyet dinh", "qd"], ["ket luan", "kl"], ["thong bao", "tb"], ["thong tri", "tt"],
    ["thong tu", "tt"], ["chuong trinh", "ctr"], ["bao cao", "bc"], ["to trinh", "ttr"], ["huong dan", "hd"],
    ["quy dinh", "qdi"], ["quy che", "qc"], ["phuong an", "pa"], ["cong dien", "cd"],
    ["da", "da"], ["nq", "nq"], ["ct", "ct"], ["kh", "kh"], ["qd", "qd"], ["kl", "kl"], ["tb", "tb"], ["ctr", "ctr"]
  ].map(function (k) { return [k[0].split(" "), k[1]]; });

  // parse turns a query into units, each of which a result must match: a
  // word (any spelling; the one typed ranks first), a code or the start of
  // one ("4950/QĐ" finds 4950/QĐ-UBND, as the reader types it; the code
  // itself ranks first), or a kind and number ("đề án 01": a code that
  // starts so, or all three words).
  function parse(q) {
    var words = scan(q), units = [], used = [];
    codes(words).forEach(function (c) {
      units.push({ code: c[0], label: q.slice(words[c[1]].from, words[c[2]].to) });
      for (var k = c[1]; k <= c[2]; k++) used[k] = true;
    });
    for (var i = 0; i < words.length; i++) {
      if (used[i]) continue;
      var kind = kindAt(words, i);
      if (kind) {
        var parts = [];
        for (var k = i; k <= kind.last; k++) { used[k] = true; parts.push(wordUnit(q, words[k])); }
        units.push({ prefixes: kind.prefixes, all: parts, label: q.slice(words[i].from, words[kind.last].to) });
        i = kind.last;
        continue;
      }
      units.push(wordUnit(q, words[i]));
    }
    return units;
  }

  function wordUnit(q, w) {
    var spelt = variant(q.slice(w.from, w.to));
    return { key: w.key, exact: spelt !== w.key ? spelt : null, label: q.slice(w.from, w.to) };
  }

  function kindAt(words, i) {
    for (var k = 0; k < KINDS.length; k++) {
      var name = KINDS[k][0], j = i;
      while (j - i < name.length && j < words.length && words[j].key === name[j - i]) j++;
      if (j - i < name.length) continue;
      if (j < words.length && words[j].key === "so") j++;
      if (j < words.length && DIGITS.test(words[j].key)) {
        var n = words[j].key.replace(/^0+(?=.)/, ""), abbr = KINDS[k][1];
        return { last: j, prefixes: [n + "-" + abbr + "/", n + "/" + abbr + "-"] };
      }
    }
    return null;
  }

  // The index. Chunks are fetched once and kept; meta.json's version goes
  // with every chunk's URL, so a new build is never mixed with an old one.
  // LAYOUT is the format of the index this script reads (encode.go's
  // format): a page cached from before a build that changed it says to
  // reload rather than read the new index wrongly.
  var LAYOUT = 3, base, root, meta = null, chunks = new Map();

  function getJSON(path) {
    var url = base + path + (meta ? "?v=" + meta.v : "");
    if (!chunks.has(url)) {
      chunks.set(url, fetch(url, meta ? {} : { cache: "no-cache" }).then(function (r) {
        if (!r.ok) throw new Error(r.status + " " + url);
        return r.json();
      }));
    }
    return chunks.get(url);
  }

  // shardOf is the word shard that holds key: FNV-1a of the UTF-8 bytes
  // of its number and the character after it when it is a code ("1-d" for
  // 1-da/tu, and for 1-da/ and 1-d, which start it), of all of it
  // otherwise, as tokenize.go computes it.
  var utf8 = new TextEncoder();
  function shardOf(key, n) {
    var m = /^[^-\/]*[-\/][\s\S]/u.exec(key), b = utf8.encode(m ? m[0] : key), h = 0x811c9dc5;
    for (var i = 0; i < b.length; i++) h = Math.imul(h ^ b[i], 16777619) >>> 0;
    return h % n;
  }

  // entries returns the index entries of a word, or of every code that
  // starts with prefix: [key, [spelling, ids, strong ids, ...]] each.
  function entries(key, prefix) {
    return getJSON("w/" + shardOf(key, meta.shards) + ".json").then(function (shard) {
      var out = [];
      Object.keys(shard).forEach(function (k) {
        if (prefix ? k.startsWith(key) : k === key) out.push([k, shard[k]]);
      });
      return out;
    });
  }

  // ids decodes a list of document ids (postings.go): gaps in base64
  // digits of five bits, or "~" and a bitmap of six documents a digit.
  var DIGIT64 = new Int8Array(128);
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".split("").forEach(function (c, i) { DIGIT64[c.charCodeAt(0)] = i; });
  function ids(s, each) {
    if (!s) return;
    if (s[0] === "~") {
      for (var i = 1; i < s.length; i++) {
        var v = DIGIT64[s.charCodeAt(i)];
        for (var bit = 0; bit < 6; bit++) if (v & (1 << bit)) each((i - 1) * 6 + bit);
      }
      return;
    }
    var prev = -1, num = 0, shift = 0;
    for (var j = 0; j < s.length; j++) {
      var d = DIGIT64[s.charCodeAt(j)];
      num += (d & 31) * Math.pow(2, shift);
      shift += 5;
      if (d < 32) { prev += num + 1; each(prev); num = 0; shift = 0; }
    }
  }

  // Flags of a document for one unit.
  var MATCH = 1, STRONG = 2, EXACT = 4;

  // match reads what one unit matches: a flag byte per document. A code
  // matches every code that starts with it, and itself exactly.
  function match(unit) {
    var n = meta.docs;
    function mark(list) {
      var f = new Uint8Array(n);
      list.forEach(function (e) {
        var v = e[1];
        for (var i = 0; i < v.length; i += 3) {
          var exact = (unit.code ? e[0] === unit.code : unit.exact && (v[i] || e[0]) === unit.exact) ? EXACT : 0;
          ids(v[i + 1], function (id) { f[id] |= MATCH | exact; });
          ids(v[i + 2], function (id) { f[id] |= STRONG; });
        }
      });
      return f;
    }
    if (unit.code) return entries(unit.code, true).then(mark);
    if (unit.key !== undefined) return entries(unit.key).then(mark);
    // A kind and a number: a code that starts so (strong), or every word.
    return Promise.all(unit.prefixes.map(function (p) { return entries(p, true); }).concat(unit.all.map(match)))
      .then(function (rs) {
        var f = new Uint8Array(n), words = rs.slice(unit.prefixes.length), codes = [];
        rs.slice(0, unit.prefixes.length).forEach(function (l) { codes = codes.concat(l); });
        var byCode = mark(codes);
        for (var id = 0; id < n; id++) {
          if (byCode[id]) { f[id] = MATCH | STRONG; continue; }
          var all = MATCH;
          words.forEach(function (w) { all &= w[id]; });
          f[id] = all;
        }
        return f;
      });
  }

  // Ids are numbered as documents came to the site (order.go), so a
  // rebuild leaves the files of the others as they were; meta.order gives
  // the order a reader sees, newest first and the undated last, as runs of
  // consecutive ids ([first, last], up or down), and meta.yearStarts where
  // each year starts in it. order holds it read out: the id at each place.
  var order = null;

  function readOrder(runs) {
    var out = new Int32Array(meta.docs), n = 0;
    runs.forEach(function (r) {
      var step = r[1] < r[0] ? -1 : 1;
      for (var id = r[0]; n < out.length; id += step) {
        out[n++] = id;
        if (id === r[1]) break;
      }
    });
    if (n !== meta.docs) throw new Error("chỉ mục hỏng");
    return out;
  }

  // yearSpan is the range [lo, hi) of places in order of a year's
  // documents ("": every document).
  function yearSpan(year) {
    if (!year) return [0, meta.docs];
    var starts = meta.yearStarts;
    for (var i = 0; i < starts.length; i++) {
      if (String(starts[i][0]) === year) return [starts[i][1], i + 1 < starts.length ? starts[i + 1][1] : meta.dated];
    }
    return [0, 0];
  }

  // run answers a query: the ids of the results in order, and the words
  // to mark in them.
  function run(q, kind, year, byDate) {
    var units = parse(q);
    if (!units.length) return Promise.resolve(null);
    var reads = units.map(match);
    if (kind) reads.push(entries("!" + kind).then(function (l) { var f = new Uint8Array(meta.docs); l.forEach(function (e) { ids(e[1][1], function (id) { f[id] = MATCH; }); }); return f; }));
    return Promise.all(reads).then(function (fs) {
      var span = yearSpan(year);
      var weights = units.map(function (u, i) {
        var df = 0;
        for (var id = 0; id < meta.docs; id++) if (fs[i][id]) df++;
        return Math.log(1 + meta.docs / Math.max(df, 1));
      });
      var found = [];
      for (var at = span[0]; at < span[1]; at++) {
        var id = order[at], ok = true, score = 0, exact = 0;
        for (var i = 0; i < fs.length && ok; i++) {
          var f = fs[i][id];
          ok = (f & MATCH) !== 0;
          if (i < units.length) {
            score += weights[i] * (f & STRONG ? 3 : 1);
            if (f & EXACT) exact++;
          }
        }
        if (ok) found.push({ id: id, score: score, exact: exact, at: at });
      }
      // Found newest first; relevance keeps that order among equals.
      if (!byDate) {
        found.sort(function (a, b) { return b.exact - a.exact || b.score - a.score || a.at - b.at; });
      }
      return { units: units, ids: found.map(function (r) { return r.id; }) };
    });
  }

  // Snippets. marks lists the spans of text that a query's units match: a
  // code, or the start of one, marks the codes that start so; a kind and
  // number marks the codes it found, or its words where the text has none
  // of those codes.
  function marks(text, units) {
    var words = scan(text), out = [], found = codes(words);
    var keys = new Map(), codeKeys = [];
    units.forEach(function (u) {
      if (u.code) { codeKeys.push(u.code); return; }
      if (u.key !== undefined) { keys.set(u.key, u.exact); return; }
      var n = out.length;
      found.forEach(function (c) {
        if (u.prefixes.some(function (p) { return c[0].startsWith(p); })) out.push(span(words, c));
      });
      if (out.length === n) u.all.forEach(function (w) { keys.set(w.key, null); });
    });
    found.forEach(function (c) {
      if (codeKeys.some(function (k) { return c[0].startsWith(k); })) out.push(span(words, c));
    });
    words.forEach(function (w) {
      if (!keys.has(w.key)) return;
      var exact = keys.get(w.key);
      out.push({ from: w.from, to: w.to, exact: !exact || variant(text.slice(w.from, w.to)) === exact });
    });
    return out.sort(function (a, b) { return a.from - b.from; });
  }

  function span(words, c) { return { from: words[c[1]].from, to: words[c[2]].to, exact: true }; }

  var SNIPPET = 220;

  // snippet cuts the part of text with the most marks (exact ones first)
  // within SNIPPET characters, or its start.
  function snippet(text, units) {
    var ms = marks(text, units), best = 0, bestScore = -1;
    for (var i = 0; i < ms.length && i < 200; i++) {
      var score = 0;
      for (var j = i; j < ms.length && ms[j].to - ms[i].from <= SNIPPET; j++) score += ms[j].exact ? 2 : 1;
      if (score > bestScore) { bestScore = score; best = i; }
    }
    var from = 0;
    if (ms.length) from = Math.max(0, ms[best].from - 40);
    if (from > 0) {
      var space = text.indexOf(" ", from);
      from = space >= 0 && space < ms[best].from ? space + 1 : ms[best].from;
    }
    var to = Math.min(text.length, from + SNIPPET);
    if (to < text.length) {
      var cut = text.lastIndexOf(" ", to);
      if (cut > from + SNIPPET / 2) to = cut;
    }
    return {
      text: text.slice(from, to), pre: from > 0 ? "…" : "", post: to < text.length ? "…" : "",
      marks: ms.filter(function (m) { return m.from >= from && m.to <= to; })
        .map(function (m) { return { from: m.from - from, to: m.to - from }; })
    };
  }

  // put appends text to el with <mark> around the given spans.
  function put(el, text, spans) {
    var at = 0;
    spans.forEach(function (m) {
      if (m.from < at) return;
      el.appendChild(document.createTextNode(text.slice(at, m.from)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(m.from, m.to);
      el.appendChild(mark);
      at = m.to;
    });
    el.appendChild(document.createTextNode(text.slice(at)));
  }

  var LABELS = { news: "Tin tức", outcome: "Kết quả kiểm tra", project: "Đề án, văn bản", page: "Trang" };

  // result makes the list item of one document: [url, title, kind, date, unit, text].
  function result(doc, units) {
    var li = document.createElement("li");
    li.className = "card search-result" + (doc[2] === "outcome" ? " card-outcome" : "");
    var h = document.createElement("h2"), a = document.createElement("a");
    h.className = "card-title";
    a.href = root + doc[0];
    put(a, doc[1], marks(doc[1], units));
    h.appendChild(a);
    var meta = document.createElement("p"), kind = document.createElement("span");
    meta.className = "card-meta";
    kind.className = "kind kind-" + doc[2];
    kind.textContent = LABELS[doc[2]] || doc[2];
    meta.appendChild(kind);
    if (doc[3]) {
      var t = document.createElement("time"), d = doc[3].split("-");
      t.dateTime = doc[3];
      t.textContent = d[2] + "/" + d[1] + "/" + d[0];
      meta.appendChild(document.createTextNode(" "));
      meta.appendChild(t);
    }
    if (doc[4]) {
      var unit = document.createElement("span");
      unit.className = "card-unit";
      put(unit, doc[4], marks(doc[4], units));
      meta.appendChild(document.createTextNode(" · "));
      meta.appendChild(unit);
    }
    var p = document.createElement("p"), s = snippet(doc[5], units);
    p.className = "card-summary";
    p.appendChild(document.createTextNode(s.pre));
    put(p, s.text, s.marks);
    p.appendChild(document.createTextNode(s.post));
    li.appendChild(h);
    li.appendChild(meta);
    li.appendChild(p);
    return li;
  }

  var PAGE = 10;
  var form, input, status, list, more, shown = 0, answer = null, serial = 0;

  function say(text) { status.textContent = text; }

  function count(n) { return n.toLocaleString("vi-VN"); }

  // show adds the next PAGE results to the list.
  function show(token) {
    var next = answer.ids.slice(shown, shown + PAGE);
    return Promise.all(next.map(function (id) {
      return getJSON("d/" + Math.floor(id / meta.per) + ".json").then(function (c) { return c[id % meta.per]; });
    })).then(function (docs) {
      if (token !== serial) return;
      docs.forEach(function (d) { list.appendChild(result(d, answer.units)); });
      shown += docs.length;
      more.hidden = shown >= answer.ids.length;
    });
  }

  function search() {
    var q = input.value.trim(), kind = form.kind.value, year = form.year.value, byDate = form.sort.value === "date";
    var token = ++serial;
    var params = new URLSearchParams();
    if (q) params.set("q", q);
    if (kind) params.set("kind", kind);
    if (year) params.set("year", year);
    if (byDate) params.set("sort", "date");
    var qs = params.toString();
    history.replaceState(null, "", location.pathname + (qs ? "?" + qs : ""));
    if (!q) { list.textContent = ""; more.hidden = true; say(""); return Promise.resolve(); }
    say("Đang tìm…");
    return run(q, kind, year, byDate).then(function (a) {
      if (token !== serial) return;
      list.textContent = "";
      shown = 0;
      answer = a;
      if (!a || !a.ids.length) {
        more.hidden = true;
        say("Không tìm thấy bài nào có đủ các từ “" + q + "”" + (kind || year ? " với bộ lọc đã chọn" : "") +
          ". Hãy thử bớt từ, gõ từ khác" + (kind || year ? " hoặc bỏ bộ lọc" : "") + ".");
        return;
      }
      return show(token).then(function () {
        if (token !== serial) return;
        say("Tìm thấy " + count(a.ids.length) + " kết quả cho “" + q + "”, " +
          (byDate ? "bài mới nhất trước." : "phù hợp nhất trước."));
      });
    }).catch(function (err) {
      if (token !== serial) return;
      say("Không tải được chỉ mục tìm kiếm (" + err.message + "). Hãy tải lại trang.");
    });
  }

  function start() {
    form = document.querySelector("form.search-form[data-index]");
    if (!form) return;
    base = form.dataset.index;
    root = form.dataset.root;
    input = form.q;
    status = document.getElementById("search-status");
    list = document.getElementById("search-results");
    more = document.getElementById("search-more");
    var nojs = document.getElementById("search-nojs");
    if (nojs) nojs.hidden = true;
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    form.kind.value = params.get("kind") || "";
    form.sort.value = params.get("sort") === "date" ? "date" : "";
    getJSON("meta.json").then(function (m) {
      if (m.format !== LAYOUT) throw new Error("chỉ mục đã đổi dạng");
      meta = m;
      order = readOrder(m.order);
      var years = m.yearStarts.map(function (y) { return String(y[0]); }), year = params.get("year") || "";
      if (/^[0-9]{4}$/.test(year) && years.indexOf(year) < 0) years.push(year); // a link to a year with nothing
      years.forEach(function (y) {
        var o = document.createElement("option");
        o.value = o.textContent = y;
        form.year.appendChild(o);
      });
      form.year.value = year;
      var timer = 0;
      form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); search(); });
      input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(search, 250); });
      form.addEventListener("change", function (e) { if (e.target !== input) search(); });
      // The button may go once every result is shown: the reader goes on
      // from the first result it added, not from the top of the page.
      more.addEventListener("click", function () {
        var token = serial, first = shown;
        show(token).then(function () {
          var a = token === serial && list.children[first] && list.children[first].querySelector("a");
          if (a) a.focus();
        });
      });
      return search();
    }).catch(function (err) {
      say("Không tải được chỉ mục tìm kiếm (" + err.message + "). Hãy tải lại trang.");
    });
  }

  // For the tests that hold the folding to Go's.
  window.bulletinSearch = { fold: fold, variant: variant, scan: scan, codes: codes, parse: parse, shard: shardOf };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
