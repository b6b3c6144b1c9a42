--- The members of the `dossier` table written in Lua: `fail` (it raises a Lua value), `open`
-- (it runs the plugins' annotators on what the Swift loader returns) and the plugin registries
-- (Lua/plugins.lua). They are declared, with the Swift ones, in the one list of `dossier` members
-- (Bindings/DossierModule.swift), which fails at start-up unless this table defines exactly the
-- members declared as written here.
local plugins, native_open = ...

local error, setmetatable, tostring, pcall = error, setmetatable, tostring, pcall

local dossier = {}

-- The error value of `dossier.fail`: its `__tostring` gives the message, which the message
-- handler prints as it is (no position, no traceback).
local Failure = { __name = "dossier.fail" }
Failure.__tostring = function(f) return f.message end

--- Ends a script with a plain message and exit status 1, without a position or a traceback
-- (for usage errors and "nothing found" endings).
function dossier.fail(message)
  error(setmetatable({ message = tostring(message) }, Failure), 0)
end

--- Loads another corpus; the plugins' annotators run on it too.
function dossier.open(...)
  -- Called through pcall so an error names the caller's line, not this function's.
  local ok, c = pcall(native_open, ...)
  if not ok then error(c, 2) end
  if c ~= nil then plugins.annotate(c) end
  return c
end

dossier.plugins = plugins.list
dossier.commands = plugins.commands
dossier.command = plugins.command
dossier.annotators = plugins.annotators
dossier.annotator = plugins.annotator
dossier.annotate = plugins.annotate
dossier.annotation = plugins.annotation
dossier.report_sections = plugins.report_sections
dossier.report_section = plugins.report_section

return dossier
