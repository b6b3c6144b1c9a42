--- The test runner behind `dossier plugin test`: plain-Lua spec files in the style of busted.
--
-- A spec file runs in its own environment (globals fall through to the session's) with
-- `describe`, `it`, `pending`, `before_each`, `after_each` and an `assert` table. Loading a file
-- collects its tests; the Swift side then runs them one by one, each as its own top-level call
-- so `--timeout` applies per test and a test that hits a limit does not take the others along.
local type, tostring, pairs, ipairs, error, select = type, tostring, pairs, ipairs, error, select
local getmetatable, setmetatable, rawequal, pcall = getmetatable, setmetatable, rawequal, pcall
local string_format, table_concat = string.format, table.concat
local traceback = debug.traceback

local testing = {}

-- ---- Showing values in failure messages ----------------------------------------------------

local show

local function show_table(t, depth, seen)
  if seen[t] then return "{…cycle…}" end
  if depth > 3 then return "{…}" end
  seen[t] = true
  local parts, n = {}, #t
  for i = 1, n do parts[#parts + 1] = show(t[i], depth + 1, seen) end
  local keys = {}
  for k in pairs(t) do
    if not (math.type(k) == "integer" and k >= 1 and k <= n) then keys[#keys + 1] = k end
  end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  for _, k in ipairs(keys) do
    local key = type(k) == "string" and k:match("^[%a_][%w_]*$") and k or ("[" .. show(k, depth + 1, seen) .. "]")
    parts[#parts + 1] = key .. " = " .. show(t[k], depth + 1, seen)
  end
  seen[t] = nil
  return "{" .. table_concat(parts, ", ") .. "}"
end

show = function(v, depth, seen)
  local t = type(v)
  if t == "string" then return (string_format("%q", v):gsub("\\\n", "\\n")) end
  if t == "table" then
    local mt = getmetatable(v)
    if type(mt) == "table" and rawget(mt, "__tostring") then return tostring(v) end
    return show_table(v, depth or 1, seen or {})
  end
  return tostring(v)
end

-- ---- Assertions ------------------------------------------------------------------------------

-- Raises a failure at the line of the spec that called the assertion (level 3: fail, the
-- assertion, its caller).
local function fail(message, note)
  if note ~= nil then message = tostring(note) .. "\n" .. message end
  error(message, 3)
end

local function deep_equal(a, b, seen)
  if rawequal(a, b) or a == b then return true end
  if type(a) ~= "table" or type(b) ~= "table" then return false end
  seen = seen or {}
  if seen[a] == b then return true end
  seen[a] = b
  for k, v in pairs(a) do
    if not deep_equal(v, b[k], seen) then return false end
  end
  for k in pairs(b) do
    if a[k] == nil then return false end
  end
  return true
end

-- Calls fn; returns whether it raised and the message.
local function raised(fn)
  local ok, err = pcall(fn)
  if ok then return false end
  return true, type(err) == "string" and err or tostring(err)
end

local function matches(message, pattern)
  if message:find(pattern, 1, true) then return true end
  local ok, found = pcall(string.find, message, pattern)
  return ok and found ~= nil
end

local checks = {}

function checks.equal(expected, actual, note)
  if not (expected == actual) then
    fail("expected " .. show(expected) .. ", got " .. show(actual), note)
  end
end

function checks.not_equal(expected, actual, note)
  if expected == actual then fail("expected something other than " .. show(expected), note) end
end

function checks.same(expected, actual, note)
  if not deep_equal(expected, actual) then
    fail("expected the same contents as " .. show(expected) .. ", got " .. show(actual), note)
  end
end

function checks.not_same(expected, actual, note)
  if deep_equal(expected, actual) then fail("expected contents other than " .. show(expected), note) end
end

function checks.truthy(value, note)
  if not value then fail("expected a truthy value, got " .. show(value), note) end
end

function checks.falsy(value, note)
  if value then fail("expected a falsy value (nil or false), got " .. show(value), note) end
end

function checks.is_true(value, note)
  if value ~= true then fail("expected true, got " .. show(value), note) end
end

function checks.is_false(value, note)
  if value ~= false then fail("expected false, got " .. show(value), note) end
end

function checks.is_nil(value, note)
  if value ~= nil then fail("expected nil, got " .. show(value), note) end
end

function checks.not_nil(value, note)
  if value == nil then fail("expected a value, got nil", note) end
end

--- assert.error(fn [, pattern]): fn must raise an error; with a pattern, its message must
-- contain it (as plain text or as a Lua pattern).
function checks.error(fn, pattern, note)
  if type(fn) ~= "function" then fail("assert.error needs a function, got " .. show(fn), note) end
  local did, message = raised(fn)
  if not did then
    fail("expected an error" .. (pattern and (" matching " .. show(pattern)) or "") .. ", but none was raised", note)
  end
  if pattern ~= nil and not matches(message, tostring(pattern)) then
    fail("expected an error matching " .. show(pattern) .. ", got " .. show(message), note)
  end
end

function checks.no_error(fn, note)
  if type(fn) ~= "function" then fail("assert.no_error needs a function, got " .. show(fn), note) end
  local did, message = raised(fn)
  if did then fail("expected no error, got " .. show(message), note) end
end

local function make_assert()
  local a = {}
  for name, check in pairs(checks) do a[name] = check end
  a.equals, a.are_equal = checks.equal, checks.equal
  a.has_error, a.errors, a.error_matches = checks.error, checks.error, checks.error
  a.has_no_error, a.has_no_errors = checks.no_error, checks.no_error
  a.is_truthy, a.is_falsy = checks.truthy, checks.falsy
  -- Chains as busted writes them: assert.are.equal, assert.is.truthy, assert.has.error,
  -- assert.are_not.equal, assert.is_not.truthy, assert.has_no.error.
  a.are, a.is, a.has = a, a, a
  local negated = {
    equal = checks.not_equal, equals = checks.not_equal, same = checks.not_same,
    truthy = checks.falsy, falsy = checks.truthy, is_nil = checks.not_nil, ["nil"] = checks.not_nil,
    error = checks.no_error, errors = checks.no_error,
  }
  a.are_not, a.is_not, a.has_no, a["not"] = negated, negated, negated, negated
  a["nil"] = checks.is_nil
  a["true"], a["false"] = checks.is_true, checks.is_false
  return setmetatable(a, {
    -- assert(value, message) still works as Lua's assert does, but reports the spec's line.
    __call = function(_, value, message, ...)
      if not value then fail(message ~= nil and tostring(message) or "assertion failed!") end
      return value, message, ...
    end,
  })
end

-- ---- Collecting and running ------------------------------------------------------------------

--- Loads a spec file and collects its tests. Returns a function that runs test `i` (see
-- `testing.run`) and the number of tests, or nil and the error (a syntax error, or an error
-- while the describe blocks ran).
function testing.load(source, chunkname)
  local suite = { tests = {} }
  local path = {}        -- names of the enclosing describe blocks
  local befores, afters = { {} }, { {} }
  local env = setmetatable({}, { __index = _G })

  local function full_name(name)
    if #path == 0 then return tostring(name) end
    return table_concat(path, " ") .. " " .. tostring(name)
  end

  local function chain(levels)
    local out = {}
    for _, level in ipairs(levels) do
      for _, fn in ipairs(level) do out[#out + 1] = fn end
    end
    return out
  end

  function env.describe(name, fn)
    if type(fn) ~= "function" then error("describe(name, fn) needs a function", 2) end
    path[#path + 1] = tostring(name)
    befores[#befores + 1], afters[#afters + 1] = {}, {}
    fn()
    path[#path], befores[#befores], afters[#afters] = nil, nil, nil
  end
  env.context = env.describe

  function env.it(name, fn)
    if fn ~= nil and type(fn) ~= "function" then error("it(name, fn) needs a function", 2) end
    local befores_now = chain(befores)
    -- after_each blocks run innermost first.
    local afters_now = {}
    for i = #afters, 1, -1 do
      for _, f in ipairs(afters[i]) do afters_now[#afters_now + 1] = f end
    end
    suite.tests[#suite.tests + 1] = { name = full_name(name), fn = fn, before = befores_now, after = afters_now }
  end

  function env.pending(name) env.it(name, nil) end

  function env.before_each(fn)
    if type(fn) ~= "function" then error("before_each(fn) needs a function", 2) end
    local level = befores[#befores]
    level[#level + 1] = fn
  end

  function env.after_each(fn)
    if type(fn) ~= "function" then error("after_each(fn) needs a function", 2) end
    local level = afters[#afters]
    level[#level + 1] = fn
  end

  env.assert = make_assert()

  local chunk, message = load(source, chunkname, "t", env)
  if not chunk then return nil, message end
  local ok, err = xpcall(chunk, function(e) return traceback(tostring(e), 2) end)
  if not ok then return nil, err end
  suite.chunkname = chunkname:gsub("^[@=]", "")
  return function(i) return testing.run(suite, i) end, #suite.tests
end

-- The spec line a traceback passes through, for errors raised deeper (in the plugin's code).
local function spec_line(trace, file)
  for line in trace:gmatch("[^\n]+") do
    local at = line:match("^%s*(" .. file:gsub("%p", "%%%0") .. ":%d+):")
    if at then return at end
  end
  return nil
end

--- Runs test `i` of `suite`: its before_each functions (outermost first), the test, then its
-- after_each functions. Returns `{name, status = "passed"|"failed"|"pending", message}`.
function testing.run(suite, i)
  local test = suite.tests[i]
  if test.fn == nil then return { name = test.name, status = "pending" } end
  local handler = function(e)
    local message = type(e) == "string" and e or show(e)
    return { message = message, trace = traceback(message, 2) }
  end
  local ok, err = xpcall(function()
    for _, fn in ipairs(test.before) do fn() end
    test.fn()
  end, handler)
  local after_ok, after_err = xpcall(function()
    for _, fn in ipairs(test.after) do fn() end
  end, handler)
  if ok and not after_ok then ok, err = false, after_err end
  if ok then return { name = test.name, status = "passed" } end
  local message = err.message
  if message:sub(1, #suite.chunkname + 1) ~= suite.chunkname .. ":" then
    local at = spec_line(err.trace, suite.chunkname)
    if at then message = message .. "\n(at " .. at .. ")" end
  end
  return { name = test.name, status = "failed", message = message }
end

testing.show = show
testing.deep_equal = deep_equal
return testing
