/// The small inline script that makes a report's tables sortable and filterable in the page.
///
/// Without scripts the tables are plain HTML and read the same; with them, each column header
/// becomes a button that sorts the rows (numbers as numbers, text in the reader's collation;
/// again to reverse) and a table of eight rows or more gets a filter box that hides the rows
/// not containing what is typed. The script loads nothing and talks to no network. It holds no
/// `<` and no `&`, so the page stays well-formed XML (checked by the tests).
enum HTMLTableScript {
    /// Tables with at least this many rows get a filter box.
    static let filterRows = 8

    static let source = """
    (function () {
      "use strict";
      var each = function (list, f) { Array.prototype.forEach.call(list, f); };
      var cellText = function (row, i) { var c = row.cells[i]; return c ? c.textContent.trim() : ""; };
      var rowText = function (row) { return Array.prototype.map.call(row.cells, function (c) { return c.textContent; }).join(" ").toLowerCase(); };
      var numberOf = function (s) { var v = parseFloat(s.replace(/,/g, "")); return isNaN(v) ? -Infinity : v; };
      var sortRows = function (table, i, th) {
        var body = table.tBodies[0];
        if (!body) { return; }
        var numeric = th.classList.contains("num");
        var current = th.getAttribute("aria-sort");
        var order = current ? (current === "ascending" ? "descending" : "ascending") : (numeric ? "descending" : "ascending");
        var sign = order === "ascending" ? 1 : -1;
        var rows = Array.prototype.slice.call(body.rows).map(function (row, k) { return { row: row, k: k }; });
        rows.sort(function (a, b) {
          var x = cellText(a.row, i), y = cellText(b.row, i);
          var d = numeric ? numberOf(x) - numberOf(y) : x.localeCompare(y, undefined, { numeric: true, sensitivity: "base" });
          return d === 0 ? a.k - b.k : sign * d;
        });
        each(rows, function (r) { body.appendChild(r.row); });
        each(table.tHead.rows[0].cells, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", order);
      };
      var addFilter = function (table) {
        var body = table.tBodies[0], wrap = table.parentNode;
        var bar = document.createElement("div");
        bar.className = "table-filter";
        var input = document.createElement("input");
        input.type = "search";
        input.placeholder = "Filter these " + body.rows.length + " rows";
        input.setAttribute("aria-label", "Filter the rows of the table below");
        var count = document.createElement("span");
        count.className = "filter-count";
        count.setAttribute("aria-live", "polite");
        input.addEventListener("input", function () {
          var q = input.value.trim().toLowerCase(), shown = 0;
          each(body.rows, function (row) {
            var hit = q === "" || rowText(row).indexOf(q) !== -1;
            row.hidden = !hit;
            if (hit) { shown += 1; }
          });
          count.textContent = q === "" ? "" : shown + " of " + body.rows.length + " rows";
        });
        bar.appendChild(input);
        bar.appendChild(count);
        wrap.parentNode.insertBefore(bar, wrap);
      };
      each(document.querySelectorAll("table.sortable"), function (table) {
        if (!table.tHead) { return; }
        each(table.tHead.rows[0].cells, function (th, i) {
          var button = document.createElement("button");
          button.type = "button";
          button.className = "sort";
          button.title = "Sort by this column";
          while (th.firstChild) { button.appendChild(th.firstChild); }
          th.appendChild(button);
          button.addEventListener("click", function () { sortRows(table, i, th); });
        });
        if (table.tBodies[0].rows.length >= \(filterRows)) { addFilter(table); }
      });
    })();
    """
}
