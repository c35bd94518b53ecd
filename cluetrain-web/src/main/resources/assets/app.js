// Cluetrain's few lines of browser code: charts from data attributes, keyboard shortcuts,
// and small conveniences. Pages work without it; it makes them quicker to use.
(function () {
  "use strict";

  // Charts: <div data-chart='{ECharts option as JSON}'>. The server renders the option, so the
  // page's data and its chart never disagree; the content security policy forbids inline scripts.
  function renderCharts(root) {
    if (!window.echarts) return;
    root.querySelectorAll("[data-chart]").forEach(function (el) {
      var option = JSON.parse(el.getAttribute("data-chart"));
      var chart = echarts.getInstanceByDom(el) || echarts.init(el, null, { renderer: "canvas" });
      chart.on("finished", function () { el.setAttribute("data-rendered", "true"); });
      chart.setOption(option, true);
      if (el.hasAttribute("data-chart-link")) {
        chart.on("click", function (params) {
          var base = el.getAttribute("data-chart-link");
          if (params.data && params.data.link) window.location = params.data.link;
          else if (base && params.name) window.location = base + encodeURIComponent(params.name);
        });
      }
    });
  }

  window.addEventListener("resize", function () {
    if (!window.echarts) return;
    document.querySelectorAll("[data-chart]").forEach(function (el) {
      var chart = echarts.getInstanceByDom(el);
      if (chart) chart.resize();
    });
  });

  // Keyboard shortcuts: "g" then a letter follows a link with data-key="g x"; a single key
  // presses the button or link with data-shortcut="x"; j/k move through [data-row] items.
  var pending = null;
  function typing(event) {
    var t = event.target;
    return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  }
  function rows() { return Array.prototype.slice.call(document.querySelectorAll("[data-row]")); }
  function moveSelection(step) {
    var all = rows();
    if (!all.length) return;
    var current = all.findIndex(function (r) { return r.classList.contains("selected"); });
    var next = Math.min(all.length - 1, Math.max(0, current + step));
    if (current >= 0) all[current].classList.remove("selected");
    all[next].classList.add("selected");
    all[next].scrollIntoView({ block: "nearest" });
  }
  function toggleHelp() {
    var help = document.getElementById("shortcut-help");
    if (help) help.hidden = !help.hidden;
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event)) return;
    var key = event.key;
    if (pending === "g") {
      pending = null;
      var link = document.querySelector('[data-key="g ' + key + '"]');
      if (link) { event.preventDefault(); link.click(); }
      return;
    }
    if (key === "g") { pending = "g"; setTimeout(function () { pending = null; }, 1200); return; }
    if (key === "?") { toggleHelp(); return; }
    if (key === "j") { moveSelection(1); return; }
    if (key === "k") { moveSelection(-1); return; }
    if (key === "Enter") {
      var selected = document.querySelector("[data-row].selected a[data-open], [data-row].selected a");
      if (selected) { event.preventDefault(); selected.click(); }
      return;
    }
    if (key === "/") {
      var search = document.querySelector("[data-search]");
      if (search) { event.preventDefault(); search.focus(); }
      return;
    }
    var target = document.querySelector('[data-shortcut="' + CSS.escape(key) + '"]');
    if (target) { event.preventDefault(); target.click(); }
  });

  // Selects that choose a page (project switcher, filters) submit their form when changed.
  document.addEventListener("change", function (event) {
    if (event.target.matches("[data-autosubmit]")) event.target.form.submit();
  });

  document.addEventListener("DOMContentLoaded", function () { renderCharts(document); });
  document.addEventListener("htmx:afterSettle", function (event) { renderCharts(event.target); });
})();

// Inbox: a select with data-fill="ID" copies the chosen option's data-text into the field #ID
// (a saved reply into the response), so it can be adapted before it is recorded.
document.addEventListener("change", function (event) {
  var select = event.target;
  if (!select.matches || !select.matches("select[data-fill]")) return;
  var field = document.getElementById(select.getAttribute("data-fill"));
  var option = select.options[select.selectedIndex];
  if (field && option && option.hasAttribute("data-text")) {
    field.value = option.getAttribute("data-text");
    field.focus();
  }
});
