// The report's controls, for each topic on the page: sort the actor table by a column
// (numbers numerically, empty cells last), filter its rows by name or alias, hide actors
// with fewer quotes than asked, and hide the evidence (and the chart over time) of the actors
// hidden in the table.
(function () {
  "use strict";
  function value(row, col) {
    var cell = row.cells[col];
    if (!cell) return "";
    var v = cell.getAttribute("data-v");
    return v === null ? cell.textContent.trim() : v;
  }
  function compare(a, b, numeric) {
    if (a === "" || b === "") return a === b ? 0 : a === "" ? 1 : -1;
    if (numeric) return parseFloat(a) - parseFloat(b);
    return a.localeCompare(b, undefined, { sensitivity: "base", numeric: true });
  }
  function setUp(report) {
    var table = report.querySelector("table.actors");
    if (!table) return;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var index = new Map();
    rows.forEach(function (row, i) {
      index.set(row, i);
    });
    var heads = table.tHead.rows[0].cells;
    var filter = report.querySelector("input.filter");
    var least = report.querySelector("input.min-quotes");
    var status = report.querySelector(".shown");
    // Each actor's chart over time, when the report is over time.
    var charts = {};
    Array.prototype.forEach.call(report.querySelectorAll("tr[data-for]"), function (tr) {
      charts[tr.getAttribute("data-for")] = tr;
    });

    Array.prototype.forEach.call(heads, function (th, col) {
      var button = th.querySelector("button");
      if (!button) return;
      button.addEventListener("click", function () {
        var numeric = th.getAttribute("data-type") === "num";
        var now = th.getAttribute("aria-sort");
        // Numbers start from the largest, text from A.
        var descending = now ? now === "ascending" : numeric;
        Array.prototype.forEach.call(heads, function (h) {
          h.removeAttribute("aria-sort");
        });
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        var order = rows.slice().sort(function (a, b) {
          var va = value(a, col), vb = value(b, col);
          if (va === "" || vb === "") return compare(va, vb, numeric);
          var c = compare(va, vb, numeric);
          if (descending) c = -c;
          // Ties keep the report's order (most quoted first).
          return c || index.get(a) - index.get(b);
        });
        order.forEach(function (row) {
          body.appendChild(row);
        });
      });
    });

    function apply() {
      var text = filter ? filter.value.trim().toLowerCase() : "";
      var min = least ? parseInt(least.value, 10) : NaN;
      var shown = 0;
      rows.forEach(function (row) {
        var name = row.getAttribute("data-name") || "";
        var quotes = parseInt(row.getAttribute("data-quotes"), 10) || 0;
        var show = (!text || name.indexOf(text) >= 0) && (isNaN(min) || quotes >= min);
        row.hidden = !show;
        if (show) shown += 1;
        var id = row.getAttribute("data-actor");
        var evidence = id && document.getElementById(id);
        if (evidence) evidence.hidden = !show;
        if (charts[id]) charts[id].hidden = !show;
      });
      if (status) {
        status.textContent = shown === rows.length
          ? "All " + rows.length + " actors shown"
          : shown + " of " + rows.length + " actors shown";
      }
    }
    if (filter) filter.addEventListener("input", apply);
    if (least) least.addEventListener("input", apply);
    var controls = report.querySelector(".controls");
    if (controls) controls.hidden = false;
    apply();
  }
  Array.prototype.forEach.call(document.querySelectorAll(".report"), setUp);
})();
