--- Plugins: the `require` searcher for plugin folders, and the registries of what plugins add
-- (REPL commands, annotators, report sections). The Swift side (Plugins/PluginHost.swift)
-- supplies `host`: `locate(modname)`, `load_order(name)` and `list()`, which know the catalog
-- of plugins found on the search path, and `package`, the real package table when a sandbox
-- shows scripts a read-only view of it; then the List type, the printer and the session's
-- corpus. What scripts call (`dossier.plugins()`, `dossier.command(…)`, …) is handed to the
-- `dossier` table by Lua/dossier.lua.
local host, List, printer, main_corpus = ...
local type, error, pairs, ipairs, tostring, setmetatable = type, error, pairs, ipairs, tostring, setmetatable
local table_sort, table_pack = table.sort, table.pack
local require, loadfile = require, loadfile

local plugins = {}

local current_plugin = nil  -- the plugin whose files are running, for dossier.command and friends
local active = {}            -- plugin name -> true once its dependencies are loaded and checks passed
local activated = {}         -- plugin name -> true once its main module registered its extension points

local commands, command_order = {}, {}
local annotators, annotator_order = {}, {}
local sections, section_order = {}, {}
-- corpus -> { annotator name -> what the annotator returned }; weak, so corpora can go away.
local annotations = setmetatable({}, { __mode = "k" })

-- Names the REPL itself uses (see Repl.swift).
local builtin_commands = { q = true, quit = true, exit = true, help = true, h = true, ["?"] = true,
  trace = true, traceback = true }

local function sorted_keys(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table_sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  return keys
end

local function owner(plugin)
  return plugin and ("plugin '" .. plugin .. "'") or "a script"
end

-- Loads the dependencies of `name` (each in its own order) and checks its manifest's demands.
local function prepare(name)
  if active[name] then return end
  local order, message = host.load_order(name)
  if not order then error(message, 0) end
  for i = 1, #order - 1 do require(order[i]) end
  active[name] = true
end

-- ---- Commands ----------------------------------------------------------------------------

--- Adds a REPL command `:name args`: `spec` is `{help = "…", run = function(args) … end}` or
-- just the function. `run` gets the text after the name (trimmed, maybe empty); what it
-- returns is printed as the REPL prints values.
function plugins.define_command(name, spec, plugin, level)
  if type(name) ~= "string" or not name:match("^[%a_][%w_%-]*$") then
    error("command names are words like 'tag' or 'show_quotes' (got " .. tostring(name) .. ")", level or 3)
  end
  if type(spec) == "function" then spec = { run = spec } end
  if type(spec) ~= "table" or type(spec.run) ~= "function" then
    error("command '" .. name .. "' of " .. owner(plugin) .. " needs a run function: { help = \"…\", run = function(args) … end }", level or 3)
  end
  if builtin_commands[name] then
    error("command ':" .. name .. "' of " .. owner(plugin) .. " has the name of a built-in REPL command", level or 3)
  end
  local old = commands[name]
  if old and old.plugin ~= plugin then
    error("command ':" .. name .. "' of " .. owner(plugin) .. " is already defined by " .. owner(old.plugin), level or 3)
  end
  if not old then command_order[#command_order + 1] = name end
  commands[name] = { name = name, help = tostring(spec.help or ""), run = spec.run, plugin = plugin }
end

--- The commands as a List of `{name, help, plugin}`, in the order they were added.
function plugins.commands()
  local out = {}
  for i, name in ipairs(command_order) do
    local c = commands[name]
    out[i] = { name = name, help = c.help, plugin = c.plugin }
  end
  return List.new(out)
end

--- Runs command `name` with the rest of the line; prints what it returns. False when there is
-- no such command.
function plugins.run_command(name, args, width)
  local c = commands[name]
  if not c then return false end
  local results = table_pack(c.run(args or ""))
  for i = 1, results.n do
    if results[i] ~= nil then io.write(printer.repr(results[i], width), "\n") end
  end
  io.stdout:flush()
  return true
end

-- ---- Annotators --------------------------------------------------------------------------

local function annotate_one(a, c)
  local store = annotations[c]
  if not store then
    store = {}
    annotations[c] = store
  end
  store[a.name] = a.fn(c)
end

--- Adds an annotator: `fn(corpus)` runs now on the session's corpus and later on every corpus
-- `dossier.open` loads; what it returns is kept for `dossier.annotation(name, corpus)`.
function plugins.define_annotator(name, fn, plugin, level)
  if type(name) ~= "string" or type(fn) ~= "function" then
    error("an annotator is a name and a function(corpus) (got " .. type(name) .. ", " .. type(fn) .. ")", level or 3)
  end
  local old = annotators[name]
  if old and old.plugin ~= plugin then
    error("annotator '" .. name .. "' of " .. owner(plugin) .. " is already defined by " .. owner(old.plugin), level or 3)
  end
  if not old then annotator_order[#annotator_order + 1] = name end
  local a = { name = name, fn = fn, plugin = plugin }
  annotators[name] = a
  if main_corpus ~= nil then annotate_one(a, main_corpus) end
end

--- Runs every annotator on corpus `c` (for a sub-corpus or a corpus opened another way).
function plugins.annotate(c)
  for _, name in ipairs(annotator_order) do annotate_one(annotators[name], c) end
  return c
end

--- What annotator `name` returned for corpus `c` (default: the session's corpus).
function plugins.annotation(name, c)
  local store = annotations[c or main_corpus]
  return store and store[name]
end

--- The annotators as a List of `{name, plugin}`.
function plugins.annotators()
  local out = {}
  for i, name in ipairs(annotator_order) do out[i] = { name = name, plugin = annotators[name].plugin } end
  return List.new(out)
end

-- ---- Report sections ---------------------------------------------------------------------

--- Adds a report section: `fn(corpus)` returns `{heading = "…", blocks = {…}}`. The report
-- module reads them through `dossier.report_sections()`.
function plugins.define_section(name, fn, plugin, level)
  if type(name) ~= "string" or type(fn) ~= "function" then
    error("a report section is a name and a function(corpus) (got " .. type(name) .. ", " .. type(fn) .. ")", level or 3)
  end
  local old = sections[name]
  if old and old.plugin ~= plugin then
    error("report section '" .. name .. "' of " .. owner(plugin) .. " is already defined by " .. owner(old.plugin), level or 3)
  end
  if not old then section_order[#section_order + 1] = name end
  sections[name] = { name = name, render = fn, plugin = plugin }
end

--- The report sections as a List of `{name, plugin, render}`, in the order they were added.
function plugins.report_sections()
  local out = {}
  for i, name in ipairs(section_order) do
    local s = sections[name]
    out[i] = { name = name, plugin = s.plugin, render = s.render }
  end
  return List.new(out)
end

-- ---- Activation --------------------------------------------------------------------------

-- Registers what a plugin's main module offers.
local function activate(plugin, module)
  if type(module) ~= "table" then return end
  local function each(field, define)
    local t = module[field]
    if t == nil then return end
    if type(t) ~= "table" then
      error("plugin '" .. plugin .. "': '" .. field .. "' must be a table (got " .. type(t) .. ")", 0)
    end
    for _, name in ipairs(sorted_keys(t)) do define(name, t[name], plugin, 0) end
  end
  each("commands", plugins.define_command)
  each("report_sections", plugins.define_section)
  each("annotators", plugins.define_annotator)
  activated[plugin] = true
end

-- The searcher added to package.searchers: `name` or `name.sub` inside a plugin folder.
local function searcher(modname)
  local plugin, file = host.locate(modname)
  if not plugin then return file end
  return function(name, path)
    prepare(plugin)
    local chunk, message = loadfile(path, "t")
    if not chunk then error(message, 0) end
    local previous = current_plugin
    current_plugin = plugin
    local restore <close> = setmetatable({}, { __close = function() current_plugin = previous end })
    local module = chunk(name, path)
    if name == plugin then
      -- What require stores: the module, or true when the chunk returned nothing.
      if module == nil then module = true end
      activate(plugin, module)
    end
    return module
  end, file
end

table.insert((host.package or package).searchers, 2, searcher)

--- The plugins on the search path: a List of `{name, version, description, origin, path, loaded}`.
function plugins.list()
  local out = {}
  for i, p in ipairs(host.list()) do
    p.loaded = activated[p.name] == true
    out[i] = p
  end
  return setmetatable(out, List.with_columns({ "name", "version", "loaded", "origin", "description" }))
end

-- ---- What scripts call (the `dossier` table, Lua/dossier.lua) ----------------------------------

--- Adds a REPL command; the plugin whose files are running (if any) owns it.
function plugins.command(name, spec) plugins.define_command(name, spec, current_plugin) end

--- Adds an annotator; the plugin whose files are running (if any) owns it.
function plugins.annotator(name, fn) plugins.define_annotator(name, fn, current_plugin) end

--- Adds a report section; the plugin whose files are running (if any) owns it.
function plugins.report_section(name, fn) plugins.define_section(name, fn, current_plugin) end

return plugins
