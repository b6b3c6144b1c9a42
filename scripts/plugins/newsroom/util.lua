--- newsroom.util: the helpers the newsroom tools share. The general ones — text clipping and
-- wrapping, outlet labels and columns, Lists that print chosen columns, command-line arguments —
-- are dossier's own (`dossier.util`, which other plugins use too); this module adds the report
-- files the tools write, and reads everything else through to `dossier.util`.
local util = setmetatable({}, { __index = dossier.util })

-- ---- Report files ---------------------------------------------------------------------------

local function file_name(value, default)
  if value == true then return default end
  return value
end

--- Writes the report files `opts` asks for (`html`, `csv`, `markdown`) and returns the paths.
-- `doc` is `{name=, title=, subtitle=, sections = {{heading=, blocks = {…}}}, csv = Table}`:
-- the HTML gets every section, Markdown the text and tables, CSV the one `csv` table.
function util.write_reports(opts, doc)
  local written = {}
  if opts.html then
    local path = file_name(opts.html, doc.name .. ".html")
    written[#written + 1] = report.write(path, report.html({ title = doc.title, subtitle = doc.subtitle, sections = doc.sections }))
  end
  if opts.csv and doc.csv then
    local path = file_name(opts.csv, doc.name .. ".csv")
    written[#written + 1] = report.write(path, doc.csv:csv())
  end
  if opts.markdown then
    local path = file_name(opts.markdown, doc.name .. ".md")
    local out = { "# " .. doc.title, "" }
    if doc.subtitle then out[#out + 1] = doc.subtitle; out[#out + 1] = "" end
    for _, s in ipairs(doc.sections) do
      out[#out + 1] = "## " .. s.heading
      out[#out + 1] = ""
      for _, b in ipairs(s.blocks) do
        if type(b) == "string" then
          out[#out + 1] = b
          out[#out + 1] = ""
        elseif type(b) == "userdata" and util.has(b, "markdown") then
          out[#out + 1] = b:markdown()
          out[#out + 1] = ""
        end
      end
    end
    written[#written + 1] = report.write(path, table.concat(out, "\n"))
  end
  for _, path in ipairs(written) do print("wrote " .. path) end
  return written
end

return util
