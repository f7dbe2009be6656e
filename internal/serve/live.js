// bulletin serve: live reload. Injected into the preview's HTML only.
(function () {
  "use strict";
  var me = document.currentScript;
  var boot = me.dataset.boot, file = me.dataset.file, hash = me.dataset.hash;
  var overlayId = "bulletin-problems";

  function reload() { location.reload(); }

  function sameOrigin(u) {
    try { u = new URL(u, location.href); } catch (e) { return null; }
    return u.origin === location.origin ? u : null;
  }

  // uses reports whether the page loads one of urls as a script or frame:
  // those cannot be swapped in place.
  function uses(urls) {
    var els = document.querySelectorAll("script[src], iframe[src]");
    for (var i = 0; i < els.length; i++) {
      var u = sameOrigin(els[i].src);
      if (u && urls.indexOf(u.pathname) >= 0) return true;
    }
    return false;
  }

  // refresh swaps changed stylesheets and images without a reload: the new
  // link is added next to the old one, which goes when the new one loaded,
  // so the page never shows unstyled. Each file's address is given the
  // build's number, which fresh remembers for the pages swapped in later:
  // at its plain address the browser would show the image it holds.
  var fresh = {};
  function refresh(urls, gen) {
    urls.forEach(function (u) { fresh[u] = gen; });
    freshen(document);
    document.querySelectorAll('link[rel~="stylesheet"][href]').forEach(function (el) {
      var u = sameOrigin(el.href);
      if (!u || urls.indexOf(u.pathname) < 0) return;
      u.searchParams.set("_bulletin", gen);
      var n = el.cloneNode();
      n.href = u.href;
      n.onload = n.onerror = function () { el.remove(); };
      el.after(n);
    });
  }

  // freshen gives the images of doc that fresh knows of the address of
  // their newest build: the src, and each candidate of a srcset (a photo
  // is shown at the width the browser picks from it, each width a file
  // made from the photo).
  function freshen(doc) {
    var at = function (url) {
      var u = sameOrigin(new URL(url, doc.baseURI));
      if (!u || !fresh[u.pathname] || u.searchParams.get("_bulletin") === String(fresh[u.pathname])) return url;
      u.searchParams.set("_bulletin", fresh[u.pathname]);
      return u.href;
    };
    doc.querySelectorAll("img[src], img[srcset], source[srcset]").forEach(function (el) {
      var src = el.getAttribute("src"), set = el.getAttribute("srcset");
      if (set !== null) {
        var now = set.split(",").map(function (c) {
          var parts = c.trim().split(/\s+/);
          if (parts[0]) parts[0] = at(parts[0]);
          return parts.join(" ");
        }).join(", ");
        if (now !== set) el.setAttribute("srcset", now);
      }
      if (src !== null && el.tagName === "IMG") {
        var to = at(src);
        if (to !== src) el.setAttribute("src", to);
      }
    });
  }

  // show puts the build's problems over the page, or removes them. Text
  // goes in with textContent only: a message quotes the editor's file.
  function show(problems) {
    var old = document.getElementById(overlayId);
    if (old) old.remove();
    if (!problems || !problems.length) return;
    var box = document.createElement("div");
    box.id = overlayId;
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
      "margin:0;padding:1em 1.25em;background:#2b0b0b;color:#fff;border-top:4px solid #e5484d;" +
      "font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;box-shadow:0 -4px 16px rgba(0,0,0,.4)";
    var head = document.createElement("strong");
    head.textContent = (problems.length === 1 ? "1 problem" : problems.length + " problems") +
      " — this page shows the last good build";
    box.appendChild(head);
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "×";
    close.setAttribute("aria-label", "Close");
    close.style.cssText = "float:right;background:none;border:0;color:#fff;font-size:20px;cursor:pointer";
    close.onclick = function () { box.remove(); };
    box.insertBefore(close, head);
    var list = document.createElement("ul");
    list.style.cssText = "margin:.5em 0 0;padding-left:1.25em";
    problems.forEach(function (p) {
      // The report is several lines, as in the terminal: the problem,
      // its line with a caret under the column, and its notes.
      var li = document.createElement("li");
      li.style.cssText = "white-space:pre-wrap;tab-size:4;margin:.4em 0";
      li.textContent = p.report || p.text;
      list.appendChild(li);
    });
    box.appendChild(list);
    document.body.appendChild(box);
  }

  var seen = 0; // the newest build this page knows of: hello may already cover an event

  // onBuild hears of a build. A failed one leaves the page as it is,
  // under the problems. After a good one, changed stylesheets and images
  // are swapped in place, and the page asks the server whether its own
  // bytes changed: the server makes it from the new build and compares.
  function onBuild(m) {
    if (m.gen <= seen) return;
    seen = m.gen;
    if (!m.ok) {
      if (file === "") reload(); // the error page lists the problems itself
      else show(m.problems);
      return;
    }
    var urls = m.urls || [];
    if (file === "" || m.many || uses(urls)) {
      reload();
      return;
    }
    refresh(urls, m.gen);
    ask();
  }

  // onHello takes the server's answer to "is this page stale?": it was
  // served before the server restarted, or its bytes changed since. The
  // answer carries the problems to show: the build's, or those of a layout
  // failing on this page.
  //
  // q is the query the answer is to: one asked about bytes the page has
  // swapped since (a stream that reconnects asks with the query it first
  // had) is asked again. An answer that the page is current ends the swaps
  // on their way, which would bring older bytes (a save undone meanwhile).
  function onHello(m, q) {
    if (q !== query) { ask(); return; }
    if (m.stale) { swap(m); return; }
    if (m.gen < seen) return; // an event overtook the answer
    seen = m.gen;
    swaps++;
    if (file !== "") show(m.problems);
  }

  var query;
  function setQuery() {
    query = "?boot=" + encodeURIComponent(boot) + "&path=" + encodeURIComponent(location.pathname) +
      "&hash=" + encodeURIComponent(hash);
  }
  setQuery();

  // swap shows the new bytes of a stale page without reloading it: the
  // page is fetched again, and its head and body take the place of the old
  // ones. A reload costs the browser a navigation, the stylesheets checked
  // again and this script's stream set up again: about 150 ms of the 200
  // from a save to its text painted (10,000 articles), and the place the
  // editor had scrolled to. Where a swap could show something a reload
  // would not, the page reloads: a server started since, a page with
  // scripts of its own (they would not run again), other stylesheets or
  // another <html>, or an answer that is not a page. A server out of reach
  // is asked again (offline).
  var swaps = 0, offline = {};
  function swap(m) {
    var n = ++swaps;
    fetch(location.href, { cache: "no-store" })
      .catch(function () { throw offline; })
      .then(function (r) {
        var type = r.headers.get("Content-Type") || "";
        if (!r.ok || type.indexOf("text/html") !== 0) throw new Error("not a page");
        return r.text();
      })
      .then(function (text) {
        if (n !== swaps) return; // a newer answer came
        var doc = new DOMParser().parseFromString(text, "text/html");
        var s = doc.getElementById(me.id);
        if (!s || s.dataset.boot !== boot || s.dataset.file !== file || !swappable(doc)) {
          throw new Error("not swappable");
        }
        s.remove();
        hash = s.dataset.hash;
        setQuery();
        freshen(doc);
        // The stylesheets stay (the same, by swappable): a new link
        // element would load again and leave the page unstyled meanwhile.
        var old = Array.prototype.filter.call(document.head.children, function (el) { return !isStyle(el); });
        var now = Array.prototype.filter.call(doc.head.children, function (el) { return !isStyle(el); });
        var html = function (els) { return els.map(function (el) { return el.outerHTML; }).join(""); };
        if (html(old) !== html(now)) {
          old.forEach(function (el) { el.remove(); });
          document.head.prepend.apply(document.head, now);
        }
        Array.prototype.slice.call(document.body.attributes).forEach(function (a) {
          document.body.removeAttribute(a.name);
        });
        Array.prototype.forEach.call(doc.body.attributes, function (a) {
          document.body.setAttribute(a.name, a.value);
        });
        var box = document.getElementById(overlayId);
        document.body.replaceChildren.apply(document.body, Array.prototype.slice.call(doc.body.childNodes));
        document.body.appendChild(me);
        if (m.gen >= seen) {
          seen = m.gen;
          if (file !== "") show(m.problems);
        } else if (box) {
          document.body.appendChild(box); // the problems of a newer build
        }
      })
      .catch(function (e) {
        if (n !== swaps) return;
        // The server cannot be reached (it is stopping, or restarting): a
        // reload would leave the browser's error page, where no script
        // asks again. The page asks again in a second, and the stream's
        // holder reconnects, as it does whenever the server goes.
        if (e === offline) { setTimeout(ask, 1000); return; }
        reload();
      });
  }

  // A document's stylesheets: kept by a swap, and compared by swappable.
  var styleSheets = 'link[rel~="stylesheet"], style';
  function isStyle(el) { return el.matches(styleSheets); }

  // runs reports whether el is a script the browser would run.
  function runs(el) {
    var type = (el.getAttribute("type") || "").trim().toLowerCase();
    return el.id !== me.id && (type === "" || type === "module" || /javascript|ecmascript/.test(type));
  }

  // styles lists a document's stylesheets, each link where it leads from
  // that document's <base> (a new base leads the same href elsewhere), as
  // the server named it (refresh adds a query to a link it swapped in).
  function styles(d) {
    return Array.prototype.map.call(d.querySelectorAll(styleSheets), function (el) {
      if (el.tagName === "STYLE") return "style:" + el.textContent;
      var u = new URL(el.getAttribute("href") || "", d.baseURI);
      u.searchParams.delete("_bulletin");
      return "link:" + u.href + " " + (el.getAttribute("media") || "");
    }).join("\n");
  }

  function attrs(el) {
    return Array.prototype.map.call(el.attributes, function (a) { return a.name + "=" + a.value; }).sort().join("\n");
  }

  // swappable reports whether doc may take the place of this page in place.
  // A <noscript> in the new page reloads it too: parsed here, where
  // scripts do not run, its content would become elements and show.
  function swappable(doc) {
    var scripts = Array.prototype.slice.call(document.querySelectorAll("script"))
      .concat(Array.prototype.slice.call(doc.querySelectorAll("script")));
    return !scripts.some(runs) && !doc.querySelector("noscript") && styles(document) === styles(doc) &&
      attrs(document.documentElement) === attrs(doc.documentElement);
  }

  // One stream serves every tab of the preview. A browser opens at most
  // six connections to one host over HTTP/1.1, and a stream holds one for
  // as long as its page is open: with a stream per tab, the seventh tab
  // would never load. The tab holding the "bulletin-live" lock keeps the
  // stream and passes each event on over a BroadcastChannel; when it
  // closes, another tab takes the lock and opens the stream. A tab that
  // only listens asks /_bulletin/hello once whether its page is stale, and
  // again whenever a new stream starts (it may have missed a build in
  // between). Without Web Locks (a page opened by LAN address is no secure
  // context) each tab keeps its own stream.
  var channel = null;
  if (window.BroadcastChannel && navigator.locks) {
    channel = new BroadcastChannel("bulletin-live");
    channel.onmessage = function (e) {
      if (e.data.build) onBuild(e.data.build);
      else if (e.data.started) ask();
    };
    ask();
    navigator.locks.request("bulletin-live", function () {
      connect();
      return new Promise(function () {}); // held until this tab goes
    });
  } else {
    connect();
  }

  // A page restored from the back-forward cache may have missed builds.
  window.addEventListener("pageshow", function (e) { if (e.persisted) ask(); });

  function ask() {
    var q = query;
    fetch("/_bulletin/hello" + q, { cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (m) { if (m) onHello(m, q); })
      .catch(function () { /* the server is down; the stream's holder reconnects */ });
  }

  var source;
  function connect() {
    var q = query; // the stream asks with it each time it reconnects
    source = new EventSource("/_bulletin/events" + q);
    source.addEventListener("hello", function (e) {
      if (channel) channel.postMessage({ started: true });
      onHello(JSON.parse(e.data), q);
    });
    source.addEventListener("build", function (e) {
      var m = JSON.parse(e.data);
      if (channel) channel.postMessage({ build: m });
      onBuild(m);
    });
    source.onerror = function () {
      // EventSource retries by itself unless the answer was not a stream
      // (say, a server restarting); then start again.
      if (source.readyState === EventSource.CLOSED) setTimeout(connect, 1000);
    };
  }
})();
