// Appended by scripts/check-html to a copy of a report page: drives the page's own table
// script as a reader would (click a header, type in a filter box) and writes what happened
// as JSON into a PRE element with the id dossier-check, which `chromium --dump-dom` then prints.
(function () {
  var result = { tables: 0, sortable: 0, buttons: 0, filters: 0, sorted: null, filtered: null, errors: [] };
  var out = document.createElement("pre");
  out.id = "dossier-check";
  function finish() { out.textContent = JSON.stringify(result); document.body.appendChild(out); }
  try {
    var tables = document.querySelectorAll("table");
    result.tables = tables.length;
    var sortable = document.querySelectorAll("table.sortable");
    result.sortable = sortable.length;
    result.buttons = document.querySelectorAll("th button.sort").length;
    result.filters = document.querySelectorAll(".table-filter input").length;
    // Sorting: the largest sortable table; a numeric column if it has one.
    var table = null;
    sortable.forEach(function (t) { if (!table || t.tBodies[0].rows.length > table.tBodies[0].rows.length) { table = t; } });
    if (table) {
      var heads = table.tHead.rows[0].cells, col = 0;
      for (var i = 0; i < heads.length; i++) { if (heads[i].classList.contains("num")) { col = i; break; } }
      var numeric = heads[col].classList.contains("num");
      var values = function () {
        return Array.prototype.map.call(table.tBodies[0].rows, function (r) {
          var s = r.cells[col].textContent.trim();
          return numeric ? parseFloat(s.replace(/,/g, "")) : s;
        });
      };
      var inOrder = function (v, dir) {
        for (var k = 1; k < v.length; k++) {
          var d = numeric ? v[k] - v[k - 1] : v[k].localeCompare(v[k - 1], undefined, { numeric: true, sensitivity: "base" });
          if (d * dir < 0) { return false; }
        }
        return true;
      };
      var button = heads[col].querySelector("button");
      button.click();
      var first = heads[col].getAttribute("aria-sort"), v1 = values();
      button.click();
      var second = heads[col].getAttribute("aria-sort"), v2 = values();
      result.sorted = { column: heads[col].textContent.trim(), numeric: numeric, rows: v1.length,
                        first: first, firstOk: inOrder(v1, first === "ascending" ? 1 : -1),
                        second: second, secondOk: inOrder(v2, second === "ascending" ? 1 : -1) };
    }
    // Filtering: the first filter box, with a word from the third row of its table.
    var input = document.querySelector(".table-filter input");
    if (input) {
      var wrap = input.parentNode.nextElementSibling, body = wrap.querySelector("tbody"), rows = body.rows;
      var words = Array.prototype.map.call(rows[Math.min(2, rows.length - 1)].cells, function (c) { return c.textContent; })
        .join(" ").toLowerCase().match(/[a-z]{4,}/g) || ["zzzz"];
      var word = words[0];
      var textOf = function (r) { return Array.prototype.map.call(r.cells, function (c) { return c.textContent; }).join(" ").toLowerCase(); };
      var expected = Array.prototype.filter.call(rows, function (r) { return textOf(r).indexOf(word) !== -1; }).length;
      input.value = word;
      input.dispatchEvent(new Event("input"));
      var visible = Array.prototype.filter.call(rows, function (r) { return !r.hidden; }).length;
      input.value = "";
      input.dispatchEvent(new Event("input"));
      var restored = Array.prototype.filter.call(rows, function (r) { return !r.hidden; }).length;
      result.filtered = { word: word, rows: rows.length, expected: expected, visible: visible, restored: restored };
    }
  } catch (e) {
    result.errors.push(String(e));
  }
  finish();
})();
