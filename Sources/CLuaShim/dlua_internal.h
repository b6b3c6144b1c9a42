/*
 * dlua_internal.h — what the C files of CLuaShim share with each other (not part of the API
 * Swift sees).
 */
#ifndef DLUA_INTERNAL_H
#define DLUA_INTERNAL_H

#include "dlua.h"

/// Counts `steps` units of work done inside a C function (pattern matching) against the run's
/// limits, and checks the deadline and the interrupt flags as the count hook does. Returns the
/// DLUA_LIMIT_* now hit (it stays recorded, so pcall cannot swallow it), or DLUA_LIMIT_NONE.
int dlua_charge(lua_State *L, int64_t steps);

/// Raises the error of the limit recorded in L's state, positioned at the Lua code that called
/// the running C function (like luaL_error). Never returns.
int dlua_raise_limit(lua_State *L);

/// Replaces string.find, string.match, string.gmatch and string.gsub (and so the string
/// methods) with versions whose matcher counts its steps (dlua_match.c). Keeps Lua's own in the
/// registry for comparison. Raises on memory errors: call it inside a protected call.
void dlua_install_bounded_patterns(lua_State *L);

/// The sandbox's file opener (dlua_files.c): open_file(path, mode, shown) -> file | nil, message,
/// errno, reason. See DLUA_BUILTIN_OPEN_FILE.
int dlua_open_file(lua_State *L);

#endif
