/* respchain graph page: builds the vis-network view from the JSON data block.
 * Every string from the register goes into the document through textContent
 * (never innerHTML); vis-network draws labels on its canvas. */
(function () {
  "use strict";
  var T0 = performance.now();
  var D = JSON.parse(document.getElementById("rc-data").textContent);
  var TIMES = { parsed: performance.now() };
  var T = D.text || {};
  var SEV_ORDER = { high: 0, medium: 1, low: 2, info: 3 };

  var byId = new Map();
  D.nodes.forEach(function (n) { byId.set(n.id, n); });
  var visById = new Map();
  D.visNodes.forEach(function (n) { visById.set(n.id, n); });
  var visEdgeById = new Map();
  D.visEdges.forEach(function (e) { visEdgeById.set(e.id, e); });
  var membersOf = new Map(); // organization id -> ids of grouped members
  if (D.grouped) {
    D.nodes.forEach(function (n) {
      if (n.anchor && n.anchor !== n.id) {
        if (!membersOf.has(n.anchor)) membersOf.set(n.anchor, []);
        membersOf.get(n.anchor).push(n.id);
      }
    });
  }

  var state = {
    hiddenKinds: new Set(),
    hiddenTypes: new Set(),
    hiddenSev: new Set(),
    gapOnly: false,
    expanded: new Set(),
  };

  function fmt(s, vals) {
    return String(s).replace(/\{(\w+)\}/g, function (_, k) { return k in vals ? vals[k] : "{" + k + "}"; });
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === "style") e.style.cssText = attrs[k]; else e.setAttribute(k, attrs[k]);
    });
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  // ------------------------------------------------------------------ findings
  function activeFindings(n) {
    return (n.findings || []).filter(function (i) { return !state.hiddenSev.has(D.findings[i].severity); });
  }
  function topSeverity(idx) {
    var best = null;
    idx.forEach(function (i) {
      var s = D.findings[i].severity;
      if (best === null || SEV_ORDER[s] < SEV_ORDER[best]) best = s;
    });
    return best;
  }
  function inGapChain(n) {
    return (n.gapchain || []).some(function (s) { return !state.hiddenSev.has(s); });
  }

  // ------------------------------------------------------------------ visible set
  function groupId(org) { return "group:" + org; }
  function nodeShown(n) {
    if (state.hiddenKinds.has(n.kind)) return false;
    if (n.kind === "Responsibility" && n.rtype && state.hiddenTypes.has(n.rtype)) return false;
    if (state.gapOnly && !inGapChain(n)) return false;
    return true;
  }
  function styled(n) {
    var v = Object.assign({}, visById.get(n.id));
    var act = activeFindings(n);
    var base = v.color && v.color.background ? v.color.background : v.color;
    if (act.length) {
      v.color = { background: base, border: D.severities[topSeverity(act)].color,
                  highlight: { background: base, border: D.severities[topSeverity(act)].color } };
      v.borderWidth = 4;
    } else {
      v.color = base;
      v.borderWidth = 1;
    }
    return v;
  }
  function computeView() {
    var nodes = [], shown = new Map(), shownVis = new Map();
    var groups = new Map();
    D.nodes.forEach(function (n) {
      if (!nodeShown(n)) return;
      if (D.grouped && n.anchor && n.anchor !== n.id && !state.expanded.has(n.anchor)) {
        var g = groups.get(n.anchor);
        if (!g) { g = { members: [], findings: 0, sev: null }; groups.set(n.anchor, g); }
        g.members.push(n.id);
        var act = activeFindings(n);
        if (act.length) {
          g.findings += act.length;
          var s = topSeverity(act);
          if (g.sev === null || SEV_ORDER[s] < SEV_ORDER[g.sev]) g.sev = s;
        }
        return;
      }
      shown.set(n.id, n.id);
      var v = styled(n);
      shownVis.set(n.id, v);
      nodes.push(v);
    });
    var edges = [];
    D.edges.forEach(function (e) {
      if (e.rtype && state.hiddenTypes.has(e.rtype)) return;
      if (shown.has(e.from) && shown.has(e.to)) edges.push(visEdgeById.get(e.id));
    });
    // A grouped organization carries its members' count in its label and
    // their findings in its badge; a click expands it.
    groups.forEach(function (g, org) {
      var v = shownVis.get(org);
      if (!v) return;
      v.label = v.label + "\n" + fmt(T.group_label, { n: g.members.length });
      v.shapeProperties = { borderDashes: [5, 3] };
      var own = activeFindings(byId.get(org)), sev = own.length ? topSeverity(own) : null;
      if (g.sev && (sev === null || SEV_ORDER[g.sev] < SEV_ORDER[sev])) sev = g.sev;
      groupFindings.set(org, own.length + g.findings);
      groupSev.set(org, sev);
    });
    return { nodes: nodes, edges: edges };
  }
  var groupFindings = new Map(), groupSev = new Map();

  // ------------------------------------------------------------------ network
  var container = document.getElementById("rc-network");
  var view = computeView();
  var nodes = new vis.DataSet(view.nodes);
  var edges = new vis.DataSet(view.edges);
  TIMES.view = performance.now();
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, D.options);
  TIMES.network = performance.now();
  var ready = false;

  function markReady() {
    if (ready) return;
    if (!window.respchain || !window.respchain.network) { setTimeout(markReady, 0); return; }
    ready = true;
    window.respchain.ready = true;
    window.respchain.readyMs = performance.now() - T0;
    window.respchain.readyAt = performance.now();
  }
  // The first view: the whole graph when its organization labels are legible
  // that way (D.minOrgPx on screen), else the top of the leadership tree at the
  // zoom where they are; people, tasks and events come on zoom (their labels
  // are drawn from about 10 px) or on expanding a group.
  function initialView() {
    network.fit({ animation: false });
    if (D.layout !== "chain") return;
    var want = D.minOrgPx / D.orgFont;
    if (network.getScale() >= want) return;
    var pos = network.getPositions(), top = Infinity;
    D.nodes.forEach(function (n) {
      if (D.kinds[n.kind] && n.anchor === n.id && pos[n.id] && pos[n.id].y < top) top = pos[n.id].y;
    });
    if (top === Infinity) return;
    var xs = [];
    Object.keys(pos).forEach(function (id) { if (Math.abs(pos[id].y - top) < 1) xs.push(pos[id].x); });
    var x = xs.reduce(function (a, b) { return a + b; }, 0) / xs.length;
    var h = container.clientHeight || 600;
    network.moveTo({ position: { x: x, y: top - 60 / want + h / 2 / want }, scale: want, animation: false });
  }
  var firstView = true;
  network.once("afterDrawing", function () {
    window.respchain.firstDrawMs = performance.now() - T0;
    if (firstView) { firstView = false; initialView(); }
    if (D.layout !== "force") markReady();
  });
  // Force layout: once the stabilization iterations are done (or the network
  // has settled on its own), the physics stops so that nothing keeps moving.
  function settle() {
    if (!window.respchain || !window.respchain.network) { setTimeout(settle, 0); return; }
    if (D.layout !== "force" || window.respchain.stabilized) return;
    network.setOptions({ physics: { enabled: false } });
    window.respchain.stabilized = true;
    markReady();
  }
  network.on("stabilizationIterationsDone", settle);
  network.on("stabilized", function () {
    if (D.layout === "force" && window.respchain.stabilized) network.setOptions({ physics: { enabled: false } });
    else settle();
  });

  function refresh() {
    groupFindings.clear(); groupSev.clear();
    var v = computeView();
    var keepN = new Set(v.nodes.map(function (n) { return n.id; }));
    var keepE = new Set(v.edges.map(function (e) { return e.id; }));
    nodes.remove(nodes.getIds().filter(function (id) { return !keepN.has(id); }));
    edges.remove(edges.getIds().filter(function (id) { return !keepE.has(id); }));
    nodes.update(v.nodes);
    edges.update(v.edges);
    updateCounts();
  }

  // Gap marks, drawn over the canvas: a ring in the severity's colour around
  // the subject and a badge with the number of findings. Sizes are kept
  // constant on screen whatever the zoom.
  function gapMark(id) {
    if (groupFindings.has(id)) return groupFindings.get(id) ? [groupFindings.get(id), groupSev.get(id)] : null;
    var n = byId.get(id);
    if (!n || !n.findings || !n.findings.length) return null;
    var act = activeFindings(n);
    return act.length ? [act.length, topSeverity(act)] : null;
  }
  network.on("afterDrawing", function (ctx) {
    var ids = nodes.getIds(), k = 1 / Math.max(network.getScale(), 0.05);
    ctx.save();
    ctx.font = "bold " + (11 * k).toFixed(1) + "px sans-serif";
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    for (var i = 0; i < ids.length; i++) {
      var id = ids[i], mark = gapMark(id);
      if (!mark) continue;
      var bb = network.getBoundingBox(id);
      if (!bb) continue;
      var color = D.severities[mark[1]].color, pad = 4 * k;
      ctx.lineWidth = 3 * k;
      ctx.strokeStyle = color;
      ctx.strokeRect(bb.left - pad, bb.top - pad, bb.right - bb.left + 2 * pad, bb.bottom - bb.top + 2 * pad);
      var x = bb.right + pad, y = bb.top - pad, r = (mark[0] > 9 ? 10 : 8) * k;
      ctx.beginPath();
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.fillStyle = color;
      ctx.fill();
      ctx.lineWidth = 1.5 * k;
      ctx.strokeStyle = "#ffffff";
      ctx.stroke();
      ctx.fillStyle = mark[1] === "low" ? "#212121" : "#ffffff";
      ctx.fillText(String(mark[0]), x, y + 0.5 * k);
    }
    ctx.restore();
  });

  // ------------------------------------------------------------------ details
  function findingBox(i) {
    var f = D.findings[i], s = D.severities[f.severity];
    var box = el("div", { "class": "rc-finding", style: "--c: " + s.color });
    box.appendChild(el("span", { "class": "rc-sev", style: "--c: " + s.color }, s.label));
    box.appendChild(el("span", { "class": "rc-rule" }, f.rule));
    box.appendChild(el("span", null, f.message));
    if (f.evidence && f.evidence.length) {
      var ev = el("div", { "class": "rc-evidence" });
      ev.appendChild(el("span", null, T.evidence + "："));
      f.evidence.forEach(function (id) {
        var n = byId.get(id);
        var a = el("a", { href: "#node=" + encodeURIComponent(id) }, n ? n.name : id);
        ev.appendChild(a);
      });
      box.appendChild(ev);
    }
    return box;
  }
  function describe(n, full) {
    var frag = el("div");
    var k = D.kinds[n.kind];
    frag.appendChild(el("strong", { "class": "rc-name" }, n.name));
    frag.appendChild(el("span", { "class": "rc-sub" }, "  " + (k ? k.label : n.kind)));
    var dl = el("dl", { "class": "rc-fields" });
    (n.fields || []).slice(0, full ? 999 : 8).forEach(function (kv) {
      dl.appendChild(el("dt", null, kv[0]));
      dl.appendChild(el("dd", null, kv[1]));
    });
    frag.appendChild(dl);
    if (n.quote) {
      var q = el("blockquote", { "class": "rc-quote" });
      q.appendChild(el("div", { "class": "rc-sub" }, T.quote));
      q.appendChild(el("div", null, "“" + n.quote + "”"));
      frag.appendChild(q);
    }
    if (n.timeline && n.timeline.length) {
      frag.appendChild(el("div", { "class": "rc-sub" }, T.timeline));
      var ol = el("ol", { "class": "rc-timeline" });
      n.timeline.forEach(function (e) {
        var li = el("li");
        li.appendChild(el("time", null, e[0]));
        li.appendChild(el("span", null, e[1]));
        ol.appendChild(li);
      });
      frag.appendChild(ol);
    }
    var act = activeFindings(n);
    if (act.length) {
      frag.appendChild(el("div", { "class": "rc-sub" }, T.findings + " (" + act.length + ")"));
      act.forEach(function (i) { frag.appendChild(findingBox(i)); });
    }
    return frag;
  }
  function describeGroup(org, gid) {
    var frag = el("div");
    var n = byId.get(org);
    frag.appendChild(el("strong", null, (n ? n.name : org)));
    frag.appendChild(el("p", null, nodes.get(gid) ? nodes.get(gid).label : ""));
    return frag;
  }
  function showDetails(id) {
    var body = document.getElementById("rc-details-body");
    body.textContent = "";
    var n = byId.get(id);
    if (n) body.appendChild(describe(n, true));
    else if (id && id.indexOf("group:") === 0) body.appendChild(describeGroup(id.slice(6), id));
  }

  // ------------------------------------------------------------------ tooltip
  var tip = document.getElementById("rc-tooltip");
  function placeTip(dom) {
    var main = document.getElementById("rc-main");
    var x = dom.x + 14, y = dom.y + 14;
    tip.hidden = false;
    if (x + tip.offsetWidth > main.clientWidth) x = Math.max(0, dom.x - tip.offsetWidth - 10);
    if (y + tip.offsetHeight > main.clientHeight) y = Math.max(0, dom.y - tip.offsetHeight - 10);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  network.on("hoverNode", function (p) {
    var n = byId.get(p.node);
    tip.textContent = "";
    if (n) tip.appendChild(describe(n, false));
    else if (String(p.node).indexOf("group:") === 0) tip.appendChild(describeGroup(String(p.node).slice(6), p.node));
    else return;
    placeTip(p.pointer.DOM);
  });
  network.on("hoverEdge", function (p) {
    var e = edges.get(p.edge);
    if (!e) return;
    var rel = null, rtype = null;
    for (var i = 0; i < D.edges.length && rel === null; i++) {
      if (D.edges[i].id === p.edge) { rel = D.edges[i].rel; rtype = D.edges[i].rtype; }
    }
    tip.textContent = "";
    var a = byId.get(e.from), b = byId.get(e.to);
    tip.appendChild(el("div", null, (a ? a.name : e.from) + " → " + (b ? b.name : e.to)));
    tip.appendChild(el("div", { "class": "rc-sub" },
      (D.edgeLabels[rel || "GROUP"] || rel) + (rtype ? " · " + D.rtypes[rtype].label : "")));
    placeTip(p.pointer.DOM);
  });
  network.on("blurNode", function () { tip.hidden = true; });
  network.on("blurEdge", function () { tip.hidden = true; });
  network.on("dragStart", function () { tip.hidden = true; });
  network.on("zoom", function () { tip.hidden = true; });

  // ------------------------------------------------------------------ select, expand
  // Expanded members take the group's place, in a grid (chain layout) or
  // around it with the physics running until it settles again (force layout).
  function placeMembers(org) {
    var gp = D.groupPos && D.groupPos[groupId(org)], p = gp ? { x: gp[0], y: gp[1] } : null;
    if (!p) { p = network.getPositions([org])[org]; if (p) p = { x: p.x + 200, y: p.y }; }
    if (!p) return;
    var ids = membersOf.get(org) || [], cols = Math.max(1, Math.min(6, Math.ceil(Math.sqrt(ids.length))));
    ids.forEach(function (id, i) {
      var v = visById.get(id);
      v.x = p.x + (i % cols) * 150;
      v.y = p.y + Math.floor(i / cols) * 58;
    });
  }
  function expand(org) {
    if (!membersOf.has(org) || state.expanded.has(org)) return;
    placeMembers(org);
    state.expanded.add(org);
    refresh();
    if (D.layout === "force") network.setOptions({ physics: { enabled: true } });
  }
  function focusNode(id) {
    var n = byId.get(id);
    if (!n) return false;
    if (!nodeShown(n)) { // a filter hides it: show everything again
      state.hiddenKinds.clear(); state.hiddenTypes.clear(); state.gapOnly = false;
      document.querySelectorAll("#rc-filters input").forEach(function (i) { i.checked = !state.hiddenSev.has(i.value); });
      document.getElementById("rc-gap-only").checked = false;
    }
    if (D.grouped && n.anchor && n.anchor !== n.id && !state.expanded.has(n.anchor)) {
      expand(n.anchor);
    } else {
      refresh();
    }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    showDetails(id);
    return true;
  }
  network.on("click", function (p) {
    if (!p.nodes.length) return;
    var id = p.nodes[0];
    if (membersOf.has(id) && !state.expanded.has(id)) expand(id);
    showDetails(id);
  });

  // ------------------------------------------------------------------ search
  function search(q) {
    q = q.trim().toLowerCase();
    var list = document.getElementById("rc-search-results");
    list.textContent = "";
    if (!q) return [];
    var hits = [];
    D.nodes.forEach(function (n) {
      var name = n.name.toLowerCase(), id = String(n.id).toLowerCase();
      var rank = id === q || name === q ? 0 : name.indexOf(q) >= 0 || id.indexOf(q) >= 0 ? 1 : -1;
      if (rank >= 0) hits.push([rank, n]);
    });
    hits.sort(function (a, b) { return a[0] - b[0]; });
    if (!hits.length) { list.appendChild(el("li", { "class": "rc-none" }, T.no_match)); return []; }
    hits.slice(0, 30).forEach(function (h) {
      var li = el("li", { "data-id": h[1].id }, h[1].name + "  (" + h[1].id + ")");
      li.addEventListener("click", function () { focusNode(h[1].id); });
      list.appendChild(li);
    });
    focusNode(hits[0][1].id);
    return hits.map(function (h) { return h[1].id; });
  }
  document.getElementById("rc-search").addEventListener("submit", function (ev) {
    ev.preventDefault();
    search(document.getElementById("rc-search-input").value);
  });

  // ------------------------------------------------------------------ filters
  function bindFilter(boxId, set) {
    document.querySelectorAll("#" + boxId + " input").forEach(function (input) {
      input.addEventListener("change", function () {
        if (input.checked) set.delete(input.value); else set.add(input.value);
        refresh();
        renderGapList();
      });
    });
  }
  bindFilter("rc-filter-kinds", state.hiddenKinds);
  bindFilter("rc-filter-rtypes", state.hiddenTypes);
  bindFilter("rc-filter-sev", state.hiddenSev);
  // The gap-only filter re-lays out what it keeps (the chain around gaps, laid
  // out on its own: D.gapPos) and fits it to the screen; unticked, every node
  // goes back to its place in the whole layout.
  function relayout(gapOnly) {
    var pos = D.gapPos || {};
    var moved = [];
    nodes.getIds().forEach(function (id) {
      var p = gapOnly ? pos[id] : null, v = visById.get(id);
      if (gapOnly && p) moved.push({ id: id, x: p[0], y: p[1] });
      else if (!gapOnly && v && v.x !== undefined) moved.push({ id: id, x: v.x, y: v.y });
    });
    if (moved.length) nodes.update(moved);
  }
  document.getElementById("rc-gap-only").addEventListener("change", function (ev) {
    state.gapOnly = ev.target.checked;
    refresh();
    if (D.layout === "chain" && !D.grouped) relayout(state.gapOnly);
    initialView();
  });
  // Kinds that are not in this graph are left out of the filters.
  var present = new Set(D.nodes.map(function (n) { return n.kind; }));
  document.querySelectorAll("#rc-filter-kinds label").forEach(function (l) {
    if (!present.has(l.getAttribute("data-kind"))) l.hidden = true;
  });

  // ------------------------------------------------------------------ gap list
  function renderGapList() {
    var list = document.getElementById("rc-gap-list");
    list.textContent = "";
    var shown = D.findings.filter(function (f) { return !state.hiddenSev.has(f.severity); });
    document.getElementById("rc-gap-count").textContent = "(" + shown.length + ")";
    if (!D.gapsChecked) { list.appendChild(el("li", { "class": "rc-none" }, T.gaps_not_run)); return; }
    if (!D.findings.length) { list.appendChild(el("li", { "class": "rc-none" }, T.no_gaps)); return; }
    shown.slice(0, 500).forEach(function (f) {
      var s = D.severities[f.severity];
      var li = el("li", { "data-id": f.subject });
      li.appendChild(el("span", { "class": "rc-sev", style: "--c: " + s.color }, s.label));
      li.appendChild(el("span", { "class": "rc-rule" }, f.rule + " "));
      li.appendChild(el("span", null, f.subject_name || f.subject));
      li.title = f.message;
      li.addEventListener("click", function () { focusNode(f.subject); });
      list.appendChild(li);
    });
  }
  renderGapList();
  if (!D.findings.length) document.getElementById("rc-gap-only").disabled = true;

  function updateCounts() {
    document.getElementById("rc-counts").textContent =
      fmt(T.nodes_edges, { n: D.nodes.length, m: D.edges.length });
  }
  updateCounts();
  if (D.grouped) {
    var banner = document.getElementById("rc-banner");
    banner.textContent = fmt(T.grouped, { n: D.nodes.length, max: D.groupThreshold });
    banner.hidden = false;
  }

  // ------------------------------------------------------------------ #node=ID
  function fromHash() {
    var m = /(?:^#|&)node=([^&]*)/.exec(location.hash);
    if (m) focusNode(decodeURIComponent(m[1]));
  }
  window.addEventListener("hashchange", fromHash);
  if (location.hash) setTimeout(fromHash, 0);

  window.respchain = {
    network: network, nodes: nodes, edges: edges, data: D, ready: false, times: TIMES,
    focusNode: focusNode, search: search, expand: expand, refresh: refresh, state: state,
    initialView: initialView,
  };
})();
