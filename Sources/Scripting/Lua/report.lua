--- The `report` module (walking-skeleton slice): `report.table(rows, {columns=})` gives a
-- Table that prints as an aligned table.
local List, printer = ...

local report = {}

local Table = {}
Table.__index = Table
Table.__name = "Table"

--- A Table of `rows` (a List or sequence of records); `opts.columns` picks and orders columns.
function report.table(rows, opts)
  if type(rows) ~= "table" and not List.is(rows) then
    error("bad argument #1 to 'table' (table expected, got " .. type(rows) .. ")", 2)
  end
  opts = opts or {}
  local items = {}
  for i = 1, #rows do items[i] = rows[i] end
  local list = opts.columns and setmetatable(items, List.with_columns(opts.columns)) or List.new(items)
  if not opts.columns and getmetatable(rows) and rawget(getmetatable(rows), "__columns") then
    setmetatable(list, getmetatable(rows))
  end
  return setmetatable({ rows = list }, Table)
end

--- The table as aligned text.
function Table:text(width)
  return printer.list(self.rows, width or printer.width or 100, math.huge)
end

--- Prints the table; returns it.
function Table:print()
  io.write(self:text(), "\n")
  return self
end

Table.__tostring = function(self) return self:text() end

return report
