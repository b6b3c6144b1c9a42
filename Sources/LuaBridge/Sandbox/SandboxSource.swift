extension LuaSandbox {
    /// The Lua half of the sandbox: wraps the library functions around the Swift checks.
    ///
    /// It runs before any user code, and everything it calls later is a local captured here
    /// (the library's own C functions, or Swift and C functions from `host`): never a method
    /// call on a string (`s:find` goes through the string metatable), never a global or a
    /// library field a script could replace. Returns the real `package` table; scripts get a
    /// read-only view of it.
    static let luaSource = #"""
    local host = ...
    local check_read, check_write, check_module, plan_open = host.check_read, host.check_write, host.check_module, host.plan_open
    local open_file, as_written, locate_c, search_path = host.open_file, host.as_written, host.locate_c, host.searchpath
    local hint, allowed_text = host.hint, host.allowed

    local error, type, select, tostring, rawget, next = error, type, select, tostring, rawget, next
    local raw_setmetatable, raw_getmetatable = setmetatable, debug.getmetatable
    local str_sub, str_byte = string.sub, string.byte
    local getinfo = debug.getinfo
    local raw_lines, raw_input, raw_output = io.lines, io.input, io.output
    local raw_load, raw_loadfile = load, loadfile
    local file_methods = raw_getmetatable(io.stdout).__index
    local file_lines, file_close = file_methods.lines, file_methods.close
    local real_package = package
    local raw_loadlib = real_package.loadlib
    local searchers = real_package.searchers
    local preload_searcher = searchers[1]

    -- error(message, level) as seen from the caller of raise, except that a position inside
    -- the host's own chunks (a REPL wrapper after a tail call) or C is left out.
    local function raise(message, level)
      local info = getinfo(level + 1, "S")
      if info == nil or info.what == "C" or str_sub(info.source or "", 1, 9) == "=[dossier" then
        error(message, 0)
      end
      error(message, level + 1)
    end

    local function disabled(name, extra)
      return function()
        raise(name .. " is disabled in the sandbox" .. (extra or "") .. " (" .. hint .. ")", 2)
      end
    end

    os.execute = disabled("os.execute")
    io.popen = disabled("io.popen")
    os.tmpname = disabled("os.tmpname")
    os.exit = disabled("os.exit", ": return from the script, or call error() to stop it with a message,")
    -- The locale is the whole process's: changing how numbers print or what %a matches would
    -- change every other script's output. Asking, and the time locale (os.date), stay.
    local raw_setlocale = os.setlocale
    function os.setlocale(locale, category)
      if locale == nil or category == "time" then return raw_setlocale(locale, category) end
      raise("os.setlocale: changing the " .. (category == nil and "" or "'" .. tostring(category) .. "' ") .. "locale is disabled in the "
        .. "sandbox (it would change how every script reads and prints numbers and text); os.setlocale(name, \"time\") "
        .. "is allowed (" .. hint .. ")", 2)
    end
    os.getenv = host.getenv
    os.remove = host.remove
    os.rename = host.rename

    local function need_string(value, position, fname)
      if type(value) ~= "string" then
        raise("bad argument #" .. position .. " to '" .. fname .. "' (string expected, got "
          .. (value == nil and "no value" or type(value)) .. ")", 3)
      end
    end

    -- ---- Files -------------------------------------------------------------------------------

    -- The decision (read or write, where) is Swift's; open_file opens exactly the path it gave,
    -- never through a final symbolic link, never waiting on a FIFO.
    function io.open(path, mode)
      need_string(path, 1, "open")
      if mode ~= nil and type(mode) ~= "string" then raise("bad argument #2 to 'open' (invalid mode)", 2) end
      local target, why, bad_mode = plan_open(path, mode)
      if not target then
        if bad_mode then raise("bad argument #2 to 'open' (invalid mode)", 2) end
        raise(why, 2)
      end
      local file, message, code = open_file(target, mode or "r", path)
      if not file then return nil, message, code end
      return file
    end

    -- Opens `path` for io.lines, io.input or io.output, raising as they do on failure.
    local function open_checked(path, fname, mode, check)
      local target, why = check(path, fname)
      if not target then raise(why, 3) end
      local file, _, _, reason = open_file(target, mode, path)
      if not file then raise("cannot open file '" .. path .. "' (" .. reason .. ")", 3) end
      return file
    end

    -- io.lines(name) closes the file when the loop has read everything, as Lua's does.
    local function close_at_end(file, first, ...)
      if first == nil then file_close(file) end
      return first, ...
    end

    function io.lines(path, ...)
      if path == nil then return raw_lines(path, ...) end
      need_string(path, 1, "lines")
      local file = open_checked(path, "io.lines", "r", check_read)
      local read = file_lines(file, ...)
      return function() return close_at_end(file, read()) end, nil, nil, file
    end

    -- io.input / io.output: a file name is checked (for reading / writing), a file handle passes.
    function io.input(file)
      if type(file) == "string" then file = open_checked(file, "io.input", "r", check_read) end
      return raw_input(file)
    end

    function io.output(file)
      if type(file) == "string" then file = open_checked(file, "io.output", "w", check_write) end
      return raw_output(file)
    end

    -- ---- Code --------------------------------------------------------------------------------

    -- `...` keeps an explicit nil environment apart from a missing one, as load does.
    function load(chunk, chunkname, mode, ...)
      if type(chunk) == "string" and str_byte(chunk, 1) == 27 then
        raise("load: precompiled (binary) chunks are disabled in the sandbox (" .. hint .. ")", 2)
      end
      return raw_load(chunk, chunkname, "t", ...)
    end

    function loadfile(path, mode, ...)
      if path == nil then return raw_loadfile(nil, "t", ...) end
      need_string(path, 1, "loadfile")
      local resolved, why = check_read(path, "loadfile")
      if not resolved then raise(why, 2) end
      local f, message = raw_loadfile(resolved, "t", ...)
      if not f then return nil, as_written(tostring(message), resolved, path) end
      return f
    end

    function dofile(path)
      local f, message
      if path == nil then
        f, message = raw_loadfile(nil, "t")
      else
        need_string(path, 1, "dofile")
        local resolved, why = check_read(path, "dofile")
        if not resolved then raise(why, 2) end
        f, message = raw_loadfile(resolved, "t")
        if not f then message = as_written(tostring(message), resolved, path) end
      end
      if not f then error(message, 0) end
      return f()
    end

    -- Lua lets finalizers run with hooks off: an endless __gc would outlast every limit.
    function setmetatable(...)
      local t, mt = ...
      local n = select("#", ...)
      if type(t) ~= "table" then
        raise("bad argument #1 to 'setmetatable' (table expected, got " .. (n < 1 and "no value" or type(t)) .. ")", 2)
      end
      if n < 2 or (mt ~= nil and type(mt) ~= "table") then
        raise("bad argument #2 to 'setmetatable' (nil or table expected, got " .. (n < 2 and "no value" or type(mt)) .. ")", 2)
      end
      if mt ~= nil and rawget(mt, "__gc") ~= nil then
        raise("setmetatable: __gc metamethods are disabled in the sandbox (Lua runs them where no time limit "
          .. "can stop them; close resources with a <close> variable instead) (" .. hint .. ")", 2)
      end
      local current = raw_getmetatable(t)
      if current ~= nil and rawget(current, "__metatable") ~= nil then raise("cannot change a protected metatable", 2) end
      raw_setmetatable(t, mt)
      return t
    end

    -- ---- require -----------------------------------------------------------------------------

    -- Lua files: found by the sandbox's searchpath (readable places and the system's Lua
    -- folders only), loaded as text.
    local function lua_searcher(name)
      local file, missing = search_path(name, real_package.path)
      if not file then return missing end
      local resolved, why = check_module(file, "require '" .. name .. "'")
      if not resolved then raise(why, 3) end
      local f, message = raw_loadfile(resolved, "t")
      if not f then
        raise("error loading module '" .. name .. "' from file '" .. file .. "':\n\t" .. tostring(message), 3)
      end
      return f, file
    end

    -- C modules: only the allowed ones, only from the system's Lua folders, by absolute path.
    local function c_searcher(name)
      local file, symbol = locate_c(name)
      if not file then return symbol end
      local loader, message = raw_loadlib(file, symbol)
      if not loader then
        raise("error loading module '" .. name .. "' from file '" .. file .. "':\n\t" .. tostring(message), 3)
      end
      return loader, file
    end

    for i = #searchers, 1, -1 do searchers[i] = nil end
    searchers[1] = preload_searcher
    searchers[2] = lua_searcher
    searchers[3] = c_searcher
    real_package.loadlib = disabled("package.loadlib")
    real_package.searchpath = search_path

    -- Scripts see `package` through a view: fields read through, only `path` may be set (and
    -- it can only lead to readable files); searchers and preload are read-only views too.
    local function read_only(t, name)
      return raw_setmetatable({}, {
        __index = t,
        __newindex = function() raise(name .. " cannot be changed in the sandbox (" .. hint .. ")", 2) end,
        __len = function() return #t end,
        __pairs = function() return next, t, nil end,
        __metatable = false,
      })
    end
    local views = {
      searchers = read_only(searchers, "package.searchers"),
      preload = read_only(real_package.preload, "package.preload"),
    }
    local view = {}
    raw_setmetatable(view, {
      __index = function(_, key)
        local v = rawget(views, key)
        if v ~= nil then return v end
        return rawget(real_package, key)
      end,
      __newindex = function(_, key, value)
        if key ~= "path" then
          raise("package." .. tostring(key) .. " cannot be changed in the sandbox (" .. hint .. ")", 2)
        end
        if type(value) ~= "string" then raise("package.path must be a string (got " .. type(value) .. ")", 2) end
        real_package.path = value
      end,
      __pairs = function()
        local function step(_, key)
          local k, v = next(real_package, key)
          if k ~= nil and rawget(views, k) ~= nil then v = rawget(views, k) end
          return k, v
        end
        return step, view, nil
      end,
      __metatable = false,
    })
    package = view
    real_package.loaded.package = view

    -- debug: only traceback stays (the rest reaches into other functions' locals and upvalues).
    local traceback = debug.traceback
    local names = {}
    for k in pairs(debug) do names[#names + 1] = k end
    for _, k in ipairs(names) do debug[k] = nil end
    debug.traceback = traceback

    return real_package
    """#
}
