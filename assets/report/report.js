// vntask report: renders the embedded task feed (see src/commands/report/model.rs for the data).
// No library, no network. The filter state lives in the URL hash, e.g.
// report.html#agency=B%E1%BB%99%20T%C3%A0i%20ch%C3%ADnh&q=chuyen%20doi%20so&status=overdue
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("report-data").textContent);
  var TASKS = DATA.tasks, DOCS = DATA.docs, AGENCIES = DATA.agencies;
  var NO_LEAD = "-";

  var GROUPS = {
    ministries: "Các bộ, cơ quan ngang bộ",
    government_agencies: "Cơ quan thuộc Chính phủ",
    provinces: "UBND các tỉnh, thành phố",
    related_agencies: "Các cơ quan liên quan",
    steering_committees: "Các Ban Chỉ đạo",
    departments: "Các sở, ban, ngành",
    districts: "UBND cấp huyện",
    communes: "UBND cấp xã",
    state_enterprises: "Tập đoàn, tổng công ty nhà nước"
  };
  var STATES = {
    overdue: "Quá hạn",
    soon: "Đến hạn trong 30 ngày",
    later: "Còn hạn",
    undated: "Chưa có ngày hạn",
    completed: "Hoàn thành"
  };
  var STATE_ORDER = { overdue: 0, soon: 1, later: 2, undated: 3, completed: 4 };
  var PALETTE = ["#2563eb", "#d97706", "#059669", "#7c3aed", "#db2777", "#0891b2", "#94a3b8"];
  var DEFAULTS = { agency: "", group: "", doc: "", status: "", from: "", to: "", q: "",
    sort: "due", dir: "asc", page: "1", per: "50" };
  var KEYS = Object.keys(DEFAULTS);
  var state = {};

  // Accent-insensitive form: NFD, drop combining marks, đ -> d, lower case, single spaces.
  function fold(s) {
    return String(s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d").toLowerCase().replace(/\s+/g, " ").trim();
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function fmt(n) { return Number(n).toLocaleString("vi-VN"); }
  function fmtDate(iso) {
    if (!iso) return "";
    var p = iso.split("-");
    return p.length === 3 ? p[2] + "/" + p[1] + "/" + p[0] : iso;
  }
  function docLabel(d) {
    var parts = [];
    if (d.number) parts.push("Số " + d.number);
    if (d.date) parts.push(fmtDate(d.date));
    var head = parts.join(", ");
    var title = d.title || d.path;
    return head ? title + " (" + head + ")" : title;
  }

  // ---- state <-> URL hash ----
  function readHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    KEYS.forEach(function (k) { state[k] = params.has(k) ? params.get(k) : DEFAULTS[k]; });
  }
  function writeHash() {
    var params = new URLSearchParams();
    KEYS.forEach(function (k) { if (state[k] !== DEFAULTS[k]) params.set(k, state[k]); });
    var hash = params.toString();
    if (hash === location.hash.replace(/^#/, "")) return;
    try {
      history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
    } catch (e) {
      location.hash = hash;
    }
  }
  function setState(changes, keepPage) {
    Object.keys(changes).forEach(function (k) { state[k] = changes[k]; });
    if (!keepPage) state.page = "1";
    writeHash();
    update();
  }

  // ---- filtering and sorting ----
  var agencyByName = {};
  AGENCIES.forEach(function (a, i) { agencyByName[a.name] = i; });
  var docById = {};
  DOCS.forEach(function (d, i) { docById[d.id] = i; });
  var hay = null;
  function haystacks() {
    if (hay) return hay;
    hay = new Array(TASKS.length);
    for (var i = 0; i < TASKS.length; i++) {
      var t = TASKS[i], d = DOCS[t.d] || {};
      var names = t.l.map(function (a) { return AGENCIES[a].name + " " + (AGENCIES[a].current || ""); });
      hay[i] = fold([t.t, names.join(" "), t.sp.join(" "), t.s, t.dt, d.title, d.number].join(" "));
    }
    return hay;
  }
  function matches() {
    var agency = state.agency === NO_LEAD ? -2 : (state.agency ? agencyByName[state.agency] : -1);
    if (agency === undefined) agency = -3;
    var doc = state.doc ? docById[state.doc] : -1;
    if (doc === undefined) doc = -3;
    var terms = fold(state.q).split(" ").filter(Boolean);
    var h = terms.length ? haystacks() : null;
    var out = [];
    for (var i = 0; i < TASKS.length; i++) {
      var t = TASKS[i];
      if (agency === -2 ? t.l.length !== 0 : agency !== -1 && t.l.indexOf(agency) < 0) continue;
      if (doc !== -1 && t.d !== doc) continue;
      if (state.group && t.g.indexOf(state.group) < 0) continue;
      if (state.status === "in_progress" ? !t.ip : state.status && t.st !== state.status) continue;
      if ((state.from || state.to) && !t.due) continue;
      if (state.from && t.due < state.from) continue;
      if (state.to && t.due > state.to) continue;
      var ok = true;
      for (var j = 0; ok && j < terms.length; j++) ok = h[i].indexOf(terms[j]) >= 0;
      if (ok) out.push(i);
    }
    return out;
  }
  var collator = new Intl.Collator("vi", { numeric: true, sensitivity: "base" });
  function leadName(t) { return t.l.length ? AGENCIES[t.l[0]].name : "\uffff"; }
  function sortRows(rows) {
    var dir = state.dir === "desc" ? -1 : 1;
    var cmp = {
      due: function (a, b) {
        var x = TASKS[a].due, y = TASKS[b].due;
        if (x === y) return 0;
        if (!x) return 1;
        if (!y) return -1;
        return (x < y ? -1 : 1) * dir;
      },
      agency: function (a, b) { return collator.compare(leadName(TASKS[a]), leadName(TASKS[b])) * dir; },
      doc: function (a, b) {
        return ((TASKS[a].d - TASKS[b].d) || collator.compare(TASKS[a].s, TASKS[b].s)) * dir;
      },
      state: function (a, b) { return (STATE_ORDER[TASKS[a].st] - STATE_ORDER[TASKS[b].st]) * dir; }
    }[state.sort] || function () { return 0; };
    return rows.sort(function (a, b) { return cmp(a, b) || a - b; });
  }

  // ---- rendering ----
  function renderSummary() {
    var s = DATA.summary, box = document.getElementById("summary");
    var cards = [
      ["documents", "Văn bản", s.documents, null],
      ["tasks", "Nhiệm vụ", s.tasks, null],
      ["agencies", "Cơ quan chủ trì", s.agencies, null],
      ["with_deadline", "Có thời hạn", s.with_deadline, null],
      ["overdue", "Quá hạn tính đến " + fmtDate(DATA.meta.as_of), s.overdue, "overdue"],
      ["due_soon", "Đến hạn trong 30 ngày tới", s.due_soon, "soon"]
    ];
    box.textContent = "";
    cards.forEach(function (c) {
      var card = el(c[3] ? "button" : "div", "card card-" + c[0]);
      card.setAttribute("data-key", c[0]);
      card.setAttribute("data-value", String(c[2]));
      card.appendChild(el("span", "value", fmt(c[2])));
      card.appendChild(el("span", "label", c[1]));
      if (c[3]) {
        card.type = "button";
        card.title = "Lọc: " + STATES[c[3]];
        card.addEventListener("click", function () {
          setState({ status: state.status === c[3] ? "" : c[3] });
        });
      }
      box.appendChild(card);
    });
  }

  function agencyRow(key, name, current, counts, max) {
    var tr = el("tr", state.agency === key ? "active" : "");
    tr.setAttribute("data-agency", key);
    var cell = el("td", "name");
    cell.appendChild(el("span", key === NO_LEAD ? "muted" : "", name));
    if (current) cell.appendChild(el("span", "current", "nay: " + current));
    var bar = el("span", "bar");
    bar.style.width = Math.max(2, Math.round(100 * counts.n / max)) + "%";
    cell.appendChild(bar);
    tr.appendChild(cell);
    tr.appendChild(el("td", "num", fmt(counts.n)));
    tr.appendChild(el("td", "num", fmt(counts.dl)));
    tr.appendChild(el("td", "num" + (counts.od ? " bad" : ""), fmt(counts.od)));
    var choose = function () { setState({ agency: state.agency === key ? "" : key }); };
    tr.tabIndex = 0;
    tr.addEventListener("click", choose);
    tr.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); choose(); }
    });
    return tr;
  }
  var AGENCY_ROWS_SHOWN = 300;
  function renderAgencies() {
    var body = document.getElementById("agency-rows");
    var q = fold(document.getElementById("agency-search").value);
    var max = Math.max(1, DATA.unassigned.n, AGENCIES.length ? AGENCIES[0].n : 1);
    body.textContent = "";
    var shown = 0, hidden = 0;
    AGENCIES.forEach(function (a) {
      if (q && fold(a.name + " " + (a.current || "")).indexOf(q) < 0) return;
      if (shown >= AGENCY_ROWS_SHOWN && state.agency !== a.name) { hidden++; return; }
      body.appendChild(agencyRow(a.name, a.name, a.current, a, max));
      shown++;
    });
    if (DATA.unassigned.n && !q) {
      body.appendChild(agencyRow(NO_LEAD, "Chỉ giao cho nhóm / chưa rõ cơ quan", null, DATA.unassigned, max));
    }
    document.getElementById("agency-note").textContent = hidden
      ? "Còn " + fmt(hidden) + " cơ quan khác: gõ tên để tìm." : "Bấm vào một cơ quan để lọc trang.";
  }

  function fillSelect(id, options, value) {
    var select = document.getElementById(id);
    if (!select.options.length) {
      options.forEach(function (o) {
        var opt = el("option", null, o[1]);
        opt.value = o[0];
        select.appendChild(opt);
      });
    }
    select.value = value;
    if (select.value !== value) select.value = "";
  }
  var groupsUsed = null;
  function renderFilters() {
    if (!groupsUsed) {
      groupsUsed = {};
      TASKS.forEach(function (t) { t.g.forEach(function (g) { groupsUsed[g] = 1; }); });
    }
    fillSelect("f-agency", [["", "Tất cả"]].concat(AGENCIES.map(function (a) { return [a.name, a.name]; }),
      DATA.unassigned.n ? [[NO_LEAD, "(chỉ giao cho nhóm / chưa rõ)"]] : []), state.agency);
    fillSelect("f-group", [["", "Tất cả"]].concat(Object.keys(GROUPS).filter(function (g) {
      return groupsUsed[g];
    }).map(function (g) { return [g, GROUPS[g]]; })), state.group);
    fillSelect("f-doc", [["", "Tất cả"]].concat(DOCS.map(function (d) { return [d.id, docLabel(d)]; })), state.doc);
    fillSelect("f-status", [["", "Tất cả"]].concat(Object.keys(STATES).map(function (s) {
      return [s, STATES[s]];
    }), [["in_progress", "Đang thực hiện (theo báo cáo)"]]), state.status);
    document.getElementById("f-from").value = state.from;
    document.getElementById("f-to").value = state.to;
    var q = document.getElementById("f-q");
    if (q.value !== state.q) q.value = state.q;
  }

  // The task's quote, with its deadline words marked.
  function quote(t) {
    var bq = el("blockquote");
    var at = t.dt ? t.t.indexOf(t.dt) : -1;
    if (at < 0) { bq.textContent = t.t; return bq; }
    bq.appendChild(document.createTextNode(t.t.slice(0, at)));
    bq.appendChild(el("mark", null, t.dt));
    bq.appendChild(document.createTextNode(t.t.slice(at + t.dt.length)));
    return bq;
  }
  function taskRow(i) {
    var t = TASKS[i], d = DOCS[t.d] || {};
    var tr = el("tr", "state-" + t.st);
    tr.setAttribute("data-id", t.id);
    var due = el("td", "due");
    due.appendChild(el("span", "date", t.due ? fmtDate(t.due) : "—"));
    if (t.dt) due.appendChild(el("span", "small", t.dt));
    tr.appendChild(due);

    var who = el("td", "who");
    t.l.forEach(function (a) {
      var chip = el("button", "chip", AGENCIES[a].name);
      chip.type = "button";
      chip.addEventListener("click", function () { setState({ agency: AGENCIES[a].name }); });
      who.appendChild(chip);
      if (AGENCIES[a].current) who.appendChild(el("span", "current", "nay: " + AGENCIES[a].current));
    });
    t.g.forEach(function (g) { who.appendChild(el("span", "group", GROUPS[g] || g)); });
    if (!t.l.length && !t.g.length) who.appendChild(el("span", "muted", "chưa rõ"));
    var support = t.sp.concat(t.sg.map(function (g) { return GROUPS[g] || g; }));
    if (support.length) who.appendChild(el("span", "small", "Phối hợp: " + support.join("; ")));
    tr.appendChild(who);

    var what = el("td", "what");
    what.appendChild(quote(t));
    var meta = el("div", "meta");
    meta.appendChild(el("span", "section", "Mục " + (t.s || "—")));
    meta.appendChild(el("span", "doc", docLabel(d)));
    if (t.ex) meta.appendChild(el("span", "tag", "định hướng"));
    what.appendChild(meta);
    tr.appendChild(what);

    var st = el("td", "st");
    st.appendChild(el("span", "badge badge-" + t.st, STATES[t.st]));
    if (t.ip) st.appendChild(el("span", "badge badge-ip", "Đang thực hiện"));
    tr.appendChild(st);
    return tr;
  }
  function renderTable(rows) {
    var per = Math.max(1, parseInt(state.per, 10) || 50);
    var pages = Math.max(1, Math.ceil(rows.length / per));
    var page = Math.min(pages, Math.max(1, parseInt(state.page, 10) || 1));
    var body = document.getElementById("task-rows");
    var frag = document.createDocumentFragment();
    rows.slice((page - 1) * per, page * per).forEach(function (i) { frag.appendChild(taskRow(i)); });
    body.textContent = "";
    if (!rows.length) {
      var empty = el("tr", "empty");
      var td = el("td", null, "Không có nhiệm vụ nào khớp với bộ lọc.");
      td.colSpan = 4;
      empty.appendChild(td);
      frag.appendChild(empty);
    }
    body.appendChild(frag);
    var count = document.getElementById("match-count");
    count.textContent = fmt(rows.length);
    count.setAttribute("data-value", String(rows.length));
    document.querySelectorAll("#task-table th[data-sort]").forEach(function (th) {
      var key = th.getAttribute("data-sort");
      th.className = key === state.sort ? "sorted " + state.dir : "";
    });
    renderPager(page, pages);
  }
  function renderPager(page, pages) {
    var nav = document.getElementById("pager");
    nav.textContent = "";
    if (pages <= 1) return;
    function go(p, label, current) {
      var b = el("button", current ? "current" : "", label);
      b.type = "button";
      b.disabled = p < 1 || p > pages || current;
      b.addEventListener("click", function () { setState({ page: String(p) }, true); window.scrollTo(0, document.getElementById("tasks-panel").offsetTop); });
      nav.appendChild(b);
    }
    go(page - 1, "‹ Trước");
    var seen = {};
    [1, page - 2, page - 1, page, page + 1, page + 2, pages].forEach(function (p) {
      if (p < 1 || p > pages || seen[p]) return;
      seen[p] = 1;
      go(p, String(p), p === page);
    });
    go(page + 1, "Sau ›");
    nav.appendChild(el("span", "hint", "Trang " + fmt(page) + "/" + fmt(pages)));
  }

  function update() {
    renderFilters();
    renderAgencies();
    var rows = sortRows(matches());
    renderTable(rows);
    renderTimeline(rows);
  }

  // ---- wiring ----
  function init() {
    var m = DATA.meta;
    var asOf = m.as_of_source === "option" ? "ngày được chọn" : "ngày của văn bản mới nhất";
    document.getElementById("subtitle").textContent = "Tính đến ngày " + fmtDate(m.as_of) + " (" + asOf +
      ") · " + fmt(DATA.summary.documents) + " văn bản · nguồn: " + m.feed;
    document.getElementById("total-count").textContent = fmt(TASKS.length);
    document.getElementById("footer").textContent = "Tạo bởi vntask " + m.version +
      " từ " + m.feed + ". Quá hạn: có ngày hạn trước " + fmtDate(m.as_of) +
      " và chưa hoàn thành. Đến hạn trong 30 ngày: từ " + fmtDate(m.as_of) + " đến " + fmtDate(m.soon_until) + ".";
    readHash();
    renderSummary();
    var timer = null;
    document.getElementById("f-q").addEventListener("input", function (e) {
      clearTimeout(timer);
      var v = e.target.value;
      timer = setTimeout(function () { setState({ q: v }); }, 150);
    });
    [["f-agency", "agency"], ["f-group", "group"], ["f-doc", "doc"], ["f-status", "status"],
      ["f-from", "from"], ["f-to", "to"]].forEach(function (p) {
      document.getElementById(p[0]).addEventListener("change", function (e) {
        var c = {};
        c[p[1]] = e.target.value;
        setState(c);
      });
    });
    document.getElementById("f-reset").addEventListener("click", function () {
      var c = {};
      ["agency", "group", "doc", "status", "from", "to", "q"].forEach(function (k) { c[k] = ""; });
      setState(c);
    });
    document.getElementById("agency-search").addEventListener("input", renderAgencies);
    document.querySelectorAll("#task-table th[data-sort]").forEach(function (th) {
      th.addEventListener("click", function () {
        var key = th.getAttribute("data-sort");
        setState({ sort: key, dir: state.sort === key && state.dir === "asc" ? "desc" : "asc" });
      });
    });
    window.addEventListener("hashchange", function () { readHash(); update(); });
    update();
    document.body.setAttribute("data-ready", "1");
    // Milliseconds from navigation to a rendered page (read by the 100k-task test's record).
    document.body.setAttribute("data-ready-ms", String(Math.round(performance.now())));
  }

  // ---- timeline (SVG) ----
  var SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function monthIndex(iso) { return parseInt(iso.slice(0, 4), 10) * 12 + parseInt(iso.slice(5, 7), 10) - 1; }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function lastDay(y, m) { return new Date(Date.UTC(y, m + 1, 0)).getUTCDate(); }
  function renderTimeline(rows) {
    var box = document.getElementById("timeline"), legend = document.getElementById("legend");
    var note = document.getElementById("timeline-note");
    box.textContent = "";
    legend.textContent = "";
    var dated = rows.filter(function (i) { return /^\d{4}-\d{2}/.test(TASKS[i].due || ""); });
    if (!dated.length) {
      box.appendChild(el("p", "empty-chart", "Không có nhiệm vụ nào có ngày hạn trong bộ lọc hiện tại."));
      note.textContent = "";
      return;
    }
    var lo = Infinity, hi = -Infinity, perAgency = {};
    dated.forEach(function (i) {
      var m = monthIndex(TASKS[i].due);
      lo = Math.min(lo, m); hi = Math.max(hi, m);
      var a = TASKS[i].l.length ? TASKS[i].l[0] : -1;
      perAgency[a] = (perAgency[a] || 0) + 1;
    });
    var byYear = hi - lo + 1 > 48;
    var step = byYear ? 12 : 1;
    if (byYear) { lo -= lo % 12; hi += 11 - hi % 12; }
    var nb = Math.floor((hi - lo) / step) + 1;
    // Series: the five agencies with most dated tasks, then everything else.
    var top = Object.keys(perAgency).filter(function (a) { return a !== "-1"; })
      .sort(function (a, b) { return perAgency[b] - perAgency[a] || a - b; }).slice(0, 5).map(Number);
    var series = top.map(function (a) { return AGENCIES[a].name; }).concat(["Khác"]);
    var counts = [];
    for (var b = 0; b < nb; b++) counts.push(series.map(function () { return 0; }));
    dated.forEach(function (i) {
      var a = TASKS[i].l.length ? TASKS[i].l[0] : -1, s = top.indexOf(a);
      counts[Math.floor((monthIndex(TASKS[i].due) - lo) / step)][s < 0 ? series.length - 1 : s]++;
    });
    var maxTotal = 1;
    counts.forEach(function (c) { maxTotal = Math.max(maxTotal, c.reduce(function (x, y) { return x + y; }, 0)); });
    var W = 720, H = 250, L = 40, R = 10, T = 12, B = 34, plotW = W - L - R, plotH = H - T - B;
    var chart = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "class": "chart",
      "aria-label": "Số nhiệm vụ theo " + (byYear ? "năm" : "tháng") + " đến hạn" });
    var ticks = Math.min(4, maxTotal);
    for (var k = 0; k <= ticks; k++) {
      var v = Math.round(maxTotal * k / ticks), y = T + plotH - plotH * v / maxTotal;
      chart.appendChild(svg("line", { x1: L, x2: W - R, y1: y, y2: y, "class": "grid" }));
      chart.appendChild(svg("text", { x: L - 6, y: y + 4, "class": "tick", "text-anchor": "end" }, fmt(v)));
    }
    var bw = plotW / nb, labelEvery = Math.ceil(nb / 12), barW = Math.max(1, Math.min(56, bw * 0.76));
    counts.forEach(function (c, bIdx) {
      var m0 = lo + bIdx * step, year = Math.floor(m0 / 12), month = m0 % 12;
      var label = byYear ? String(year) : pad(month + 1) + "/" + year;
      var x = L + bIdx * bw, y = T + plotH;
      var total = c.reduce(function (p, q) { return p + q; }, 0);
      var g = svg("g", { "class": "bucket" });
      c.forEach(function (n, s) {
        if (!n) return;
        var h = plotH * n / maxTotal;
        y -= h;
        var r = svg("rect", { x: x + (bw - barW) / 2, y: y, width: barW, height: h,
          fill: PALETTE[s === series.length - 1 ? PALETTE.length - 1 : s] });
        r.appendChild(svg("title", {}, label + " · " + series[s] + ": " + fmt(n) + " nhiệm vụ"));
        g.appendChild(r);
      });
      if (total) {
        g.appendChild(svg("text", { x: x + bw / 2, y: y - 3, "class": "total", "text-anchor": "middle" },
          nb <= 24 ? fmt(total) : ""));
      }
      g.addEventListener("click", function () {
        var end = byYear ? year + "-12-31" : year + "-" + pad(month + 1) + "-" + pad(lastDay(year, month));
        setState({ from: year + "-" + pad(byYear ? 1 : month + 1) + "-01", to: end });
      });
      chart.appendChild(g);
      if (bIdx % labelEvery === 0) {
        chart.appendChild(svg("text", { x: x + bw / 2, y: H - B + 16, "class": "tick", "text-anchor": "middle" }, label));
      }
    });
    // The report date.
    var asOf = DATA.meta.as_of, am = monthIndex(asOf);
    if (am >= lo && am < lo + nb * step) {
      var frac = byYear ? (am - lo) / 12 : (am - lo) + (parseInt(asOf.slice(8, 10), 10) - 1) / 31;
      var ax = L + frac * bw;
      chart.appendChild(svg("line", { x1: ax, x2: ax, y1: T, y2: T + plotH, "class": "asof" }));
      var right = ax > W - 110;
      chart.appendChild(svg("text", { x: right ? ax - 4 : ax + 4, y: T + 10, "class": "asof-label",
        "text-anchor": right ? "end" : "start" }, "Mốc " + fmtDate(asOf)));
    }
    box.appendChild(chart);
    series.forEach(function (name, s) {
      var item = el("span", "item");
      var sw = el("i");
      sw.style.background = PALETTE[s === series.length - 1 ? PALETTE.length - 1 : s];
      item.appendChild(sw);
      item.appendChild(document.createTextNode(name));
      legend.appendChild(item);
    });
    note.textContent = fmt(dated.length) + " nhiệm vụ có ngày hạn · bấm một cột để lọc";
  }

  try {
    init();
  } catch (e) {
    var box = document.getElementById("error");
    box.hidden = false;
    box.textContent = "Lỗi hiển thị báo cáo: " + e;
    box.setAttribute("data-error", String(e));
  }
})();
