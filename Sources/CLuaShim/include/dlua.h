/*
 * dlua.h — the C side of dossier's Lua boundary.
 *
 * Lua reports errors with longjmp. A longjmp that crosses a Swift frame skips Swift's cleanup
 * (releases, deinits), so the rule here is simple: only C code in this file ever raises a Lua
 * error or calls an API function that may raise one (anything that allocates). Swift code
 *   - reads arguments with API calls that never raise (lua_type, lua_to*x, lua_next, ...),
 *   - describes its results as a flat tree of dlua_value nodes, and
 *   - returns a status; the trampoline here then pushes the results or raises the error after
 *     the Swift frame has returned.
 * Calls from Swift into Lua go through dlua_pcall_values, which pushes arguments inside a
 * protected call with a traceback message handler.
 */
#ifndef DLUA_H
#define DLUA_H

#include <stddef.h>
#include <stdint.h>
#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Value trees --------------------------------------------------------------------------- */

/// Node kinds of a value tree. Trees are flat arrays in prefix order.
enum {
    DLUA_NIL = 0,
    DLUA_FALSE,
    DLUA_TRUE,
    DLUA_INT,      /* n1 = value */
    DLUA_NUM,      /* d = value */
    DLUA_STR,      /* n1 = offset into the arena, n2 = length in bytes */
    DLUA_TABLE,    /* n1 = array items that follow, n2 = key/value pairs that follow after them,
                      aux = registry ref of a metatable, or 0 for none */
    DLUA_OBJECT,   /* p = unretained Swift object pointer, aux = class id */
    DLUA_REF,      /* n1 = registry reference */
    DLUA_FUNC,     /* n1 = index of a Swift function; pushed as a C closure over the trampoline */
    DLUA_INTS,     /* n1 = count, n2 = byte offset of an int32_t array in the arena (aligned);
                      pushed as a table of integers; aux = metatable ref or 0 */
    DLUA_INDEXER,  /* an __index function: aux = Swift getter index (or -1); followed by one node,
                      the methods table, looked up first */
    DLUA_CFUNC,    /* n1 = one of the DLUA_BUILTIN_* functions below */
    DLUA_UINTS     /* like DLUA_INTS but uint32_t items, each plus (lua_Integer)d */
};

/// Built-in C functions a tree can name (DLUA_CFUNC).
enum {
    DLUA_BUILTIN_GC = 0,       /* __gc of a Swift object box: releases the object */
    DLUA_BUILTIN_EQ,           /* __eq of Swift object boxes: same object */
    DLUA_BUILTIN_LIMIT_HIT,    /* returns the message of the limit hit in this run, or nil */
    DLUA_BUILTIN_TRACEBACK,    /* the message handler used for protected calls */
    DLUA_BUILTIN_OPEN_FILE     /* the sandbox's opener: open_file(path, mode, shown) -> file or
                                  nil, "shown: reason", errno, reason; never follows a final
                                  symbolic link, refuses FIFOs and devices (dlua_files.c) */
};

typedef struct dlua_value {
    int32_t tag;
    int32_t aux;
    int64_t n1;
    int64_t n2;
    double d;
    void *p;
} dlua_value;

/* ---- Results handed back by Swift functions ------------------------------------------------ */

enum {
    DLUA_STATUS_OK = 0,       /* push `count` top-level values from `values` */
    DLUA_STATUS_ERROR,        /* raise `message` with the caller's position, like luaL_error */
    DLUA_STATUS_ARGERROR,     /* raise like luaL_argerror(L, arg, message) */
    DLUA_STATUS_TYPEERROR,    /* raise like luaL_typeerror(L, arg, message) (message = type name) */
    DLUA_STATUS_RAW_ERROR,    /* raise `message` as is, without a position */
    DLUA_STATUS_LIMIT         /* end the run as limit `arg` (DLUA_LIMIT_TIME or _INTERRUPT) does */
};

typedef struct dlua_result {
    int status;
    int count;                /* top-level values */
    const dlua_value *values; /* nodes in prefix order */
    const char *arena;        /* bytes that DLUA_STR / DLUA_INTS nodes point into */
    const char *message;
    size_t message_length;
    int arg;
} dlua_result;

/// The Swift dispatcher: runs Swift function `index` with the arguments on L's stack and fills
/// `out`. The memory `out` points to must stay valid until the next call on the same state.
typedef void (*dlua_invoke_fn)(lua_State *L, void *host, lua_Integer index, dlua_result *out);
typedef void (*dlua_object_fn)(void *object);

/* ---- Limits -------------------------------------------------------------------------------- */

enum {
    DLUA_LIMIT_NONE = 0,
    DLUA_LIMIT_TIME,
    DLUA_LIMIT_INSTRUCTIONS,
    DLUA_LIMIT_INTERRUPT,
    DLUA_LIMIT_MEMORY
};

/* ---- The state ----------------------------------------------------------------------------- */

/// Creates a state whose allocator counts bytes (cap 0 = unlimited). `host` is handed back to
/// `invoke`; `retain`/`release` keep Swift objects alive while Lua holds them.
lua_State *dlua_newstate(size_t memory_cap, void *host, dlua_invoke_fn invoke,
                         dlua_object_fn retain, dlua_object_fn release);
void dlua_close(lua_State *L);

/// The host pointer given to dlua_newstate (works on any thread of the state).
void *dlua_host(lua_State *L);

/// Memory accounting.
size_t dlua_memory_used(lua_State *L);
size_t dlua_memory_cap(lua_State *L);
void dlua_set_memory_cap(lua_State *L, size_t cap);

/// Arms the limits for the next run: a wall-clock timeout in seconds (<= 0: none) and an
/// instruction budget (<= 0: none). Clears any earlier limit hit and interrupt.
void dlua_arm_limits(lua_State *L, double timeout_seconds, int64_t instruction_budget);
/// Disarms time and instruction limits (interrupts still work).
void dlua_disarm_limits(lua_State *L);
/// Which limit ended the last run (DLUA_LIMIT_*), and whether the memory cap refused a request.
int dlua_limit_hit(lua_State *L);
int dlua_memory_refused(lua_State *L);

/* ---- Pattern matching ---------------------------------------------------------------------- */

/// string.find, match, gmatch and gsub are replaced when the libraries open (dlua_match.c) by
/// versions that count their steps: every DLUA_MATCH_CHECK_EVERY steps they are charged to the
/// instruction budget and the deadline and interrupts are checked, and one call gives up after
/// dlua_match_step_limit(subject length) steps.
#define DLUA_MATCH_CHECK_EVERY 4096
#define DLUA_MATCH_BASE_STEPS 100000000LL
#define DLUA_MATCH_STEPS_PER_BYTE 1000LL

/// The steps one pattern-matching call may take on a subject of `length` bytes.
static inline int64_t dlua_match_step_limit(size_t length) {
    int64_t most = (INT64_MAX - DLUA_MATCH_BASE_STEPS) / DLUA_MATCH_STEPS_PER_BYTE;
    int64_t bytes = length > (size_t)most ? most : (int64_t)length;
    return DLUA_MATCH_BASE_STEPS + DLUA_MATCH_STEPS_PER_BYTE * bytes;
}

/// Sets global `name` to a table of Lua's own (unbounded) find, match, gmatch and gsub, for
/// tests that compare the two (protected).
int dlua_expose_lua_pattern_functions(lua_State *L, const char *name);

/// Asks the running chunk to stop at the next hook; async-signal-safe and thread-safe.
void dlua_interrupt(lua_State *L);
/// Asks every state of the process to stop; async-signal-safe (for a SIGINT handler).
void dlua_interrupt_all(void);
/// Clears a pending process-wide interrupt.
void dlua_clear_interrupt_all(void);
/// The limit that would stop the running chunk at its next check, without consuming it:
/// DLUA_LIMIT_INTERRUPT (an interrupt is pending), DLUA_LIMIT_TIME (the deadline has passed;
/// *timeout gets the limit in seconds) or DLUA_LIMIT_NONE. For long Swift work, which checks it
/// from any thread.
int dlua_pending_limit(lua_State *L, double *timeout);

/* ---- Protected operations (never raise) ---------------------------------------------------- */

/// Pushes the function (first node) and the arguments (the `count - 1` nodes after it) and
/// calls it with a traceback handler. On LUA_OK the results are on the stack above the old top
/// (nresults may be LUA_MULTRET); otherwise the error message (with traceback) is there.
int dlua_pcall_values(lua_State *L, const dlua_value *nodes, int count, const char *arena,
                      int nresults);

/// Pushes `count` values (protected). On success returns LUA_OK with the values on the stack.
int dlua_push_values(lua_State *L, const dlua_value *nodes, int count, const char *arena);

/// Sets global `name` to the value tree (protected).
int dlua_setglobal_value(lua_State *L, const char *name, const dlua_value *nodes,
                         const char *arena);

/// Loads a chunk (text only) and leaves the function or the error message on the stack.
int dlua_load(lua_State *L, const char *buffer, size_t length, const char *chunkname);

/// Pops the value on top and stores it in the registry (protected). Returns LUA_NOREF on error.
int dlua_ref(lua_State *L);
void dlua_unref(lua_State *L, int ref);
/// Pushes a registry value; never raises.
int dlua_getref(lua_State *L, int ref);

/// Opens the standard libraries (protected).
int dlua_openlibs(lua_State *L);

/* ---- Object boxes -------------------------------------------------------------------------- */

/// The Swift object held by the userdata at idx, or NULL if it is not a dossier box; *cls gets
/// its class id.
void *dlua_toobject(lua_State *L, int idx, int *cls);

/* ---- Macros Swift cannot import ------------------------------------------------------------ */

static inline int dlua_registryindex(void) { return LUA_REGISTRYINDEX; }
static inline int dlua_upvalueindex(int i) { return lua_upvalueindex(i); }
static inline void dlua_pop(lua_State *L, int n) { lua_pop(L, n); }
static inline const char *dlua_version(void) { return LUA_RELEASE; }
static inline void dlua_collect(lua_State *L) { lua_gc(L, LUA_GCCOLLECT); }

#ifdef __cplusplus
}
#endif
#endif
