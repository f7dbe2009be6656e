// bulletin's editor: the list's filter and drop zone; the form's preview,
// problems by field, toolbar, pickers and suggestions. Plain script, no
// framework; the pages work without it, saving included.
(function () {
  "use strict";

  // fold is what the filter compares, as the server folds: no marks, Đ as
  // D, lower case.
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d")
      .replace(/\s+/g, " ").trim().toLowerCase();
  }
  function codeKey(s) { return fold(s).replace(/\s+/g, ""); }

  // ---- The list ----
  var table = document.getElementById("articles");
  if (table) {
    var filterForm = document.getElementById("filter");
    var count = document.getElementById("count");
    var rows = table.tBodies[0].rows;
    var applyFilter = function () {
      var q = fold(filterForm.q.value), project = filterForm.project.value, lead = filterForm.lead.value, unit = filterForm.unit.value;
      var shown = 0;
      for (var i = 0; i < rows.length; i++) {
        var r = rows[i], d = r.dataset;
        var ok = (!q || d.fold.indexOf(q) >= 0) &&
          (!project || d.projects.split("|").some(function (k) { return codeKey(k) === codeKey(project); })) &&
          (!lead || d.lead === lead) && (!unit || d.unit === unit);
        r.hidden = !ok;
        if (ok) shown++;
      }
      count.textContent = shown + " / " + rows.length + " bài";
    };
    filterForm.addEventListener("input", applyFilter);
    filterForm.addEventListener("change", applyFilter);
    filterForm.addEventListener("submit", function (e) { e.preventDefault(); applyFilter(); });

    var drop = document.getElementById("import");
    ["dragenter", "dragover"].forEach(function (t) {
      drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.add("over"); });
    });
    drop.addEventListener("dragleave", function () { drop.classList.remove("over"); });
    drop.addEventListener("drop", function (e) {
      e.preventDefault();
      drop.classList.remove("over");
      if (!e.dataTransfer || !e.dataTransfer.files.length) return;
      drop.file.files = e.dataTransfer.files;
      drop.submit();
    });
  }

  // ---- The form ----
  var form = document.getElementById("article");
  if (!form) return;
  var frame = document.getElementById("preview");
  var status = document.getElementById("status");
  var pageError = document.getElementById("preview-error");
  var dirty = false, submitting = false;

  // The preview: the form as the server would save it, sent on each pause
  // in typing; the page comes back made by the site's own pipeline and
  // layouts, with the problems check reports.
  var timer = null, inflight = null;
  function schedule() {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  }
  function refresh() {
    if (inflight) inflight.abort();
    inflight = new AbortController();
    var data = new URLSearchParams(new FormData(form));
    data.set("action", "preview");
    // form.action would be the buttons named "action": the attribute is the URL.
    fetch(form.getAttribute("action"), { method: "POST", body: data, signal: inflight.signal, credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(show)
      .catch(function (e) { if (e.name !== "AbortError") status.textContent = "Không xem trước được: " + e.message; });
  }

  function show(p) {
    if (p.error) {
      status.textContent = "Không xem trước được: " + p.error;
      return;
    }
    if (p.html) {
      // The frame is sandboxed (no script runs in it) but same-origin, so
      // its scroll position can be kept across updates.
      var y = 0;
      try { y = frame.contentWindow.scrollY; } catch (e) { /* not readable */ }
      frame.srcdoc = p.html;
      frame.addEventListener("load", function once() {
        frame.removeEventListener("load", once);
        try { frame.contentWindow.scrollTo(0, y); } catch (e) { /* sandboxed */ }
      });
    }
    pageError.hidden = !p.pageError;
    pageError.textContent = p.pageError || "";
    var by = {};
    p.problems.forEach(function (x) { (by[x.field] = by[x.field] || []).push(x); });
    form.querySelectorAll("[id^='p-']").forEach(function (box) {
      var field = box.id.slice(2);
      if (field === "") return;
      list(box, by[field] || []);
      // The fields the box describes are marked invalid while it holds an error.
      var bad = (by[field] || []).some(function (x) { return x.severity === "error"; });
      form.querySelectorAll("input, select, textarea").forEach(function (c) {
        if ((" " + (c.getAttribute("aria-describedby") || "") + " ").indexOf(" " + box.id + " ") < 0) return;
        if (bad) c.setAttribute("aria-invalid", "true"); else c.removeAttribute("aria-invalid");
      });
    });
    var errors = p.problems.filter(function (x) { return x.severity === "error"; }).length;
    status.textContent = errors ? errors + " lỗi cần sửa trước khi lưu" : (p.problems.length ? p.problems.length + " cảnh báo" : "Không có lỗi");
    (p.documents || []).forEach(docInfo);
  }

  function list(box, problems) {
    box.textContent = "";
    if (!problems.length) return;
    var ul = document.createElement("ul");
    ul.className = "problems";
    problems.forEach(function (x) {
      var li = document.createElement("li");
      li.className = x.severity;
      var sev = document.createElement("span");
      sev.className = "sev";
      sev.textContent = x.severity === "error" ? "Lỗi" : "Cảnh báo";
      li.appendChild(sev);
      li.appendChild(document.createTextNode((x.where ? " (" + x.where + ")" : "") + ": " + x.message));
      // check's English, for an engineer: folded away.
      if (x.text) {
        var d = document.createElement("details");
        d.className = "tech";
        var s = document.createElement("summary");
        s.textContent = "chi tiết kỹ thuật";
        var c = document.createElement("code");
        c.textContent = x.text;
        d.appendChild(s);
        d.appendChild(c);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(d);
      }
      ul.appendChild(li);
    });
    box.appendChild(ul);
  }

  // Each document code is shown as the build will link it, with its
  // project's title and date; a code no project file describes offers one.
  function docInfo(d) {
    form.querySelectorAll("input[name=documents]").forEach(function (input) {
      if (input.value.trim() !== d.typed) return;
      var info = input.parentNode.querySelector(".info");
      info.textContent = "";
      if (!d.valid) { info.textContent = "Số hiệu không hợp lệ"; return; }
      if (d.file) {
        info.appendChild(document.createTextNode("→ "));
        var a = document.createElement("a");
        a.href = d.url;
        a.textContent = d.code;
        info.appendChild(a);
        info.appendChild(document.createTextNode((d.title ? " · " + d.title : "") + (d.date ? " · " + d.date : "")));
        return;
      }
      info.appendChild(document.createTextNode("→ " + d.code + ": chưa có tệp đề án. "));
      var b = document.createElement("button");
      b.type = "button";
      b.className = "create-project";
      b.dataset.code = d.code;
      b.textContent = "Tạo tệp đề án";
      info.appendChild(b);
    });
  }

  form.addEventListener("input", function (e) { if (!e.target.classList.contains("project-title")) schedule(); });
  form.addEventListener("change", schedule);
  form.addEventListener("submit", function () { submitting = true; });
  window.addEventListener("beforeunload", function (e) {
    if (dirty && !submitting) { e.preventDefault(); e.returnValue = ""; }
  });

  // Rows of documents and tags: add, remove.
  var serial = 1000;
  form.addEventListener("click", function (e) {
    var t = e.target;
    if (t.classList.contains("add")) {
      var ul = t.parentNode.querySelector(".rows");
      var tpl = document.getElementById("tpl-" + t.dataset.add).content.firstElementChild.cloneNode(true);
      var input = tpl.querySelector("input"), label = tpl.querySelector("label");
      input.id = t.dataset.add + "-" + (serial++);
      label.htmlFor = input.id;
      var info = tpl.querySelector(".info");
      if (info) { info.id = input.id + "-info"; input.setAttribute("aria-describedby", info.id); }
      ul.appendChild(tpl);
      input.focus();
    } else if (t.classList.contains("remove")) {
      var row = t.closest(".row");
      var next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      (next ? next.querySelector("input") : t.closest("fieldset").querySelector(".add")).focus();
      schedule();
    } else if (t.classList.contains("create-project")) {
      createProject(t);
    } else if (t.classList.contains("confirm-project")) {
      confirmProject(t);
    }
  });

  // A code with no project file: the button asks for the document's name
  // in a field of its own, and creates content/projects/<code>.md as
  // "bulletin new project" does.
  function createProject(button) {
    var info = button.parentNode;
    var id = "project-title-" + (serial++);
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = "Tên văn bản " + button.dataset.code;
    var input = document.createElement("input");
    input.id = id;
    input.className = "project-title";
    var ok = document.createElement("button");
    ok.type = "button";
    ok.className = "confirm-project";
    ok.dataset.code = button.dataset.code;
    ok.textContent = "Tạo tệp";
    button.replaceWith(label, input, ok);
    input.focus();
  }

  function confirmProject(button) {
    var info = button.parentNode;
    var data = new URLSearchParams();
    data.set("token", form.token.value);
    data.set("code", button.dataset.code);
    data.set("title", info.querySelector(".project-title").value);
    fetch("/_bulletin/edit/project", { method: "POST", body: data, credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (res) {
        info.textContent = res.error ? "Chưa tạo được: " + res.error : "Đã tạo " + res.path;
        refresh();
      })
      .catch(function () { info.textContent = "Chưa tạo được: không liên lạc được với trình xem trước (bulletin serve)."; });
  }

  // The team lead's role comes with a name the site already knows.
  var roles = JSON.parse(form.dataset.roles || "{}");
  var name = document.getElementById("f-team_lead.name"), role = document.getElementById("f-team_lead.role");
  var lastSuggested = "";
  name.addEventListener("change", function () {
    var r = roles[name.value.trim()];
    if (r && (role.value === "" || role.value === lastSuggested)) {
      role.value = r;
      lastSuggested = r;
      schedule();
    }
  });

  // Date pickers fill the text field the Vietnamese way ("16:41,
  // 06/08/2018"), in the site's time zone, which the field names.
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function pickers(textId, pickerId, withTime) {
    var text = document.getElementById(textId), picker = document.getElementById(pickerId);
    function fromText() {
      var m = /^(?:(\d{1,2}):(\d{2}),?\s*)?(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.value.trim());
      if (!m) return;
      var day = m[5] + "-" + two(+m[4]) + "-" + two(+m[3]);
      picker.value = withTime ? day + "T" + two(+(m[1] || 0)) + ":" + (m[2] || "00") : day;
    }
    picker.addEventListener("change", function () {
      var v = picker.value;
      if (!v) return;
      var d = v.slice(8, 10) + "/" + v.slice(5, 7) + "/" + v.slice(0, 4);
      text.value = withTime ? v.slice(11, 16) + ", " + d : d;
      schedule();
    });
    text.addEventListener("change", fromText);
    fromText();
  }
  pickers("f-date", "date-picker", true);
  pickers("f-outcome.follow_up_by", "follow-picker", false);

  // The body's toolbar writes Markdown around the selection.
  var body = document.getElementById("f-body");
  function edit(before, after, placeholder) {
    var s = body.selectionStart, e = body.selectionEnd, v = body.value;
    var sel = v.slice(s, e) || placeholder;
    body.setRangeText(before + sel + after, s, e, "end");
    body.setSelectionRange(s + before.length, s + before.length + sel.length);
    body.focus();
    schedule();
  }
  function eachLine(prefix) {
    var s = body.selectionStart, e = body.selectionEnd, v = body.value;
    var start = v.lastIndexOf("\n", s - 1) + 1;
    var lines = v.slice(start, e).split("\n").map(function (l) { return prefix + l; }).join("\n");
    body.setRangeText(lines, start, e, "end");
    body.focus();
    schedule();
  }
  var actions = {
    bold: function () { edit("**", "**", "chữ đậm"); },
    italic: function () { edit("*", "*", "chữ nghiêng"); },
    heading: function () { eachLine("## "); },
    list: function () { eachLine("- "); },
    link: function () { edit("[", "](https://)", "chữ của liên kết"); },
    table: function () { edit("\n| Cột 1 | Cột 2 |\n| --- | --- |\n| ", " |  |\n", "ô"); }
  };
  document.querySelectorAll(".toolbar [data-md]").forEach(function (b) {
    if (b.tagName === "SELECT") {
      b.addEventListener("change", function () {
        if (b.value) edit("", "", b.value);
        b.value = "";
      });
      return;
    }
    b.addEventListener("click", function () { actions[b.dataset.md](); });
  });
  body.addEventListener("keydown", function (e) {
    if (!(e.ctrlKey || e.metaKey)) return;
    if (e.key === "b") { e.preventDefault(); actions.bold(); }
    if (e.key === "i") { e.preventDefault(); actions.italic(); }
  });

  // A new form has no preview yet: ask for one once something is typed;
  // an article's form shows its page from the start.
})();
