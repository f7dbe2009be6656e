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
  // so the page never shows unstyled.
  function refresh(urls, gen) {
    var links = document.querySelectorAll('link[rel~="stylesheet"][href], img[src]');
    links.forEach(function (el) {
      var attr = el.tagName === "IMG" ? "src" : "href";
      var u = sameOrigin(el[attr]);
      if (!u || urls.indexOf(u.pathname) < 0) return;
      u.searchParams.set("_bulletin", gen);
      if (attr === "src") { el.src = u.href; return; }
      var n = el.cloneNode();
      n.href = u.href;
      n.onload = n.onerror = function () { el.remove(); };
      el.after(n);
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
  function onHello(m) {
    if (m.stale) { reload(); return; }
    if (m.gen < seen) return; // an event overtook the answer
    seen = m.gen;
    if (file !== "") show(m.problems);
  }

  var query = "?boot=" + encodeURIComponent(boot) + "&path=" + encodeURIComponent(location.pathname) +
    "&hash=" + encodeURIComponent(hash);

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
    fetch("/_bulletin/hello" + query, { cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (m) { if (m) onHello(m); })
      .catch(function () { /* the server is down; the stream's holder reconnects */ });
  }

  var source;
  function connect() {
    source = new EventSource("/_bulletin/events" + query);
    source.addEventListener("hello", function (e) {
      if (channel) channel.postMessage({ started: true });
      onHello(JSON.parse(e.data));
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
