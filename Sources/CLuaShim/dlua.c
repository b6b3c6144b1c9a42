/*
 * dlua.c — the only place where dossier raises Lua errors. See dlua.h for the rules.
 */
#include "dlua_internal.h"

#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DLUA_MAGIC 0x646f73736965724cULL /* "dossierL" */
#define DLUA_HOOK_COUNT 1000

/// Per-state bookkeeping, reached through LUA_EXTRASPACE; also the allocator's userdata.
typedef struct dlua_ctx {
    size_t used;
    size_t cap;
    int refused;

    void *host;
    dlua_invoke_fn invoke;
    dlua_object_fn retain;
    dlua_object_fn release;

    /* Set from another thread (dlua_interrupt) and consumed by the Lua thread: a C11 atomic,
       so the write is seen and no interrupt is half-read (lock-free, so signal-safe too). */
    atomic_int interrupted;
    double deadline;      /* monotonic seconds; 0 = none */
    double timeout;       /* for the message */
    int64_t budget;       /* instructions; 0 = none */
    int64_t spent;
    int limit;            /* DLUA_LIMIT_* that ended this run; sticky until re-armed */

    int cache_ref;        /* weak-valued table: object pointer -> its box */
} dlua_ctx;

/// A Swift object held by Lua.
typedef struct dlua_box {
    uint64_t magic;
    void *object;
    int cls;
} dlua_box;

/* Set by the SIGINT handler and other threads: a lock-free C11 atomic (async-signal-safe). */
static atomic_int global_interrupt = 0;

static dlua_ctx *ctx_of(lua_State *L) {
    return *(dlua_ctx **)lua_getextraspace(L);
}

static double monotonic_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- Allocator ------------------------------------------------------------------------------ */

static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    dlua_ctx *c = (dlua_ctx *)ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        if (ptr) {
            c->used -= old;
            free(ptr);
        }
        return NULL;
    }
    if (nsize > old && c->cap != 0 && c->used - old + nsize > c->cap) {
        c->refused = 1;
        return NULL;
    }
    void *block = realloc(ptr, nsize);
    if (block == NULL) return NULL;
    c->used = c->used - old + nsize;
    return block;
}

/* ---- Limits --------------------------------------------------------------------------------- */

static const char *limit_message(dlua_ctx *c, char *buffer, size_t size) {
    switch (c->limit) {
    case DLUA_LIMIT_TIME:
        snprintf(buffer, size, "time limit of %g s exceeded", c->timeout);
        return buffer;
    case DLUA_LIMIT_INSTRUCTIONS:
        snprintf(buffer, size, "instruction limit of %lld exceeded", (long long)c->budget);
        return buffer;
    case DLUA_LIMIT_INTERRUPT:
        return "interrupted";
    default:
        return NULL;
    }
}

/// Records the limit `work` more units of work reach (interrupts first, then the budget, then
/// the deadline); the limit already recorded stays.
static void update_limit(dlua_ctx *c, int64_t work) {
    if (c->limit != DLUA_LIMIT_NONE) return;
    /* Consume both flags at once: an interrupt that lands now is either taken here or stays. */
    int local = atomic_exchange(&c->interrupted, 0);
    int global = atomic_exchange(&global_interrupt, 0);
    if (local || global) {
        c->limit = DLUA_LIMIT_INTERRUPT;
    } else if (c->budget > 0 && (c->spent += work) > c->budget) {
        c->limit = DLUA_LIMIT_INSTRUCTIONS;
    } else if (c->deadline > 0 && monotonic_now() > c->deadline) {
        c->limit = DLUA_LIMIT_TIME;
    }
}

static void limit_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    dlua_ctx *c = ctx_of(L);
    update_limit(c, DLUA_HOOK_COUNT);
    if (c->limit != DLUA_LIMIT_NONE && c->limit != DLUA_LIMIT_MEMORY) {
        char buffer[96];
        /* Level 0 is the function the hook interrupted: name its line, not its caller's. */
        luaL_where(L, 0);
        lua_pushstring(L, limit_message(c, buffer, sizeof buffer));
        lua_concat(L, 2);
        lua_error(L);
    }
}

int dlua_charge(lua_State *L, int64_t steps) {
    dlua_ctx *c = ctx_of(L);
    update_limit(c, steps);
    return c->limit == DLUA_LIMIT_MEMORY ? DLUA_LIMIT_NONE : c->limit;
}

int dlua_raise_limit(lua_State *L) {
    char buffer[96];
    /* Level 1: the Lua code that called the C function doing the work. */
    luaL_where(L, 1);
    lua_pushstring(L, limit_message(ctx_of(L), buffer, sizeof buffer));
    lua_concat(L, 2);
    return lua_error(L);
}

void dlua_arm_limits(lua_State *L, double timeout_seconds, int64_t instruction_budget) {
    dlua_ctx *c = ctx_of(L);
    c->limit = DLUA_LIMIT_NONE;
    c->refused = 0;
    atomic_store(&c->interrupted, 0);
    c->spent = 0;
    c->budget = instruction_budget > 0 ? instruction_budget : 0;
    c->timeout = timeout_seconds > 0 ? timeout_seconds : 0;
    c->deadline = timeout_seconds > 0 ? monotonic_now() + timeout_seconds : 0;
}

void dlua_disarm_limits(lua_State *L) {
    dlua_ctx *c = ctx_of(L);
    c->deadline = 0;
    c->budget = 0;
    c->limit = DLUA_LIMIT_NONE;
}

int dlua_limit_hit(lua_State *L) {
    dlua_ctx *c = ctx_of(L);
    if (c->limit == DLUA_LIMIT_NONE && c->refused) return DLUA_LIMIT_MEMORY;
    return c->limit;
}

int dlua_memory_refused(lua_State *L) { return ctx_of(L)->refused; }

void dlua_interrupt(lua_State *L) { atomic_store(&ctx_of(L)->interrupted, 1); }
void dlua_interrupt_all(void) { atomic_store(&global_interrupt, 1); }
void dlua_clear_interrupt_all(void) { atomic_store(&global_interrupt, 0); }

int dlua_pending_limit(lua_State *L, double *timeout) {
    dlua_ctx *c = ctx_of(L);
    if (atomic_load(&c->interrupted) || atomic_load(&global_interrupt)) return DLUA_LIMIT_INTERRUPT;
    if (c->deadline > 0 && monotonic_now() > c->deadline) {
        if (timeout) *timeout = c->timeout;
        return DLUA_LIMIT_TIME;
    }
    return DLUA_LIMIT_NONE;
}

size_t dlua_memory_used(lua_State *L) { return ctx_of(L)->used; }
size_t dlua_memory_cap(lua_State *L) { return ctx_of(L)->cap; }
void dlua_set_memory_cap(lua_State *L, size_t cap) { ctx_of(L)->cap = cap; }

/* ---- Builtins ------------------------------------------------------------------------------- */

static int box_gc(lua_State *L) {
    dlua_box *b = (dlua_box *)lua_touserdata(L, 1);
    if (b && lua_rawlen(L, 1) == sizeof(dlua_box) && b->magic == DLUA_MAGIC && b->object) {
        void *object = b->object;
        b->object = NULL;
        ctx_of(L)->release(object);
    }
    return 0;
}

static int box_eq(lua_State *L) {
    int c1 = 0, c2 = 0;
    void *a = dlua_toobject(L, 1, &c1);
    void *b = dlua_toobject(L, 2, &c2);
    lua_pushboolean(L, a != NULL && a == b);
    return 1;
}

static int limit_hit_fn(lua_State *L) {
    dlua_ctx *c = ctx_of(L);
    char buffer[96];
    const char *message = limit_message(c, buffer, sizeof buffer);
    if (message) lua_pushstring(L, message);
    else lua_pushnil(L);
    return 1;
}

/// Message handler for protected calls: the message plus a traceback, as lua.c prints it.
static int traceback_handler(lua_State *L) {
    const char *msg = lua_tostring(L, 1);
    if (msg == NULL) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
        msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }
    luaL_traceback(L, L, msg, 1);
    return 1;
}

static lua_CFunction builtin(lua_Integer which) {
    switch (which) {
    case DLUA_BUILTIN_GC: return box_gc;
    case DLUA_BUILTIN_EQ: return box_eq;
    case DLUA_BUILTIN_LIMIT_HIT: return limit_hit_fn;
    case DLUA_BUILTIN_TRACEBACK: return traceback_handler;
    case DLUA_BUILTIN_OPEN_FILE: return dlua_open_file;
    default: return NULL;
    }
}

/* ---- Swift functions ----------------------------------------------------------------------- */

static int push_tree(lua_State *L, dlua_ctx *c, const dlua_value *n, const char *arena);

/// Runs Swift function `index` with the current arguments, then pushes its results or raises
/// its error. The Swift frame has returned before anything here can raise.
static int invoke_swift(lua_State *L, lua_Integer index) {
    dlua_ctx *c = ctx_of(L);
    dlua_result r;
    memset(&r, 0, sizeof r);
    c->invoke(L, c->host, index, &r);
    switch (r.status) {
    case DLUA_STATUS_OK: {
        luaL_checkstack(L, r.count + 4, "too many results");
        const dlua_value *node = r.values;
        for (int i = 0; i < r.count; i++) node += push_tree(L, c, node, r.arena);
        return r.count;
    }
    case DLUA_STATUS_ARGERROR:
        lua_pushlstring(L, r.message, r.message_length);
        return luaL_argerror(L, r.arg, lua_tostring(L, -1));
    case DLUA_STATUS_TYPEERROR: {
        /* A missing argument: the pushed message would otherwise sit in its slot ("got string"). */
        int missing = r.arg > lua_gettop(L);
        lua_pushlstring(L, r.message, r.message_length);
        if (missing) return luaL_argerror(L, r.arg, lua_pushfstring(L, "%s expected, got no value", lua_tostring(L, -1)));
        return luaL_typeerror(L, r.arg, lua_tostring(L, -1));
    }
    case DLUA_STATUS_RAW_ERROR:
        lua_pushlstring(L, r.message, r.message_length);
        return lua_error(L);
    case DLUA_STATUS_LIMIT: {
        /* Long Swift work stopped for a limit: end the run exactly as the hook would, so the
           message is the limit's and the guarded pcall re-raises it. */
        char buffer[96];
        if (c->limit == DLUA_LIMIT_NONE) c->limit = r.arg == DLUA_LIMIT_TIME ? DLUA_LIMIT_TIME : DLUA_LIMIT_INTERRUPT;
        if (c->limit == DLUA_LIMIT_INTERRUPT) {
            atomic_store(&c->interrupted, 0);
            atomic_store(&global_interrupt, 0);
        }
        const char *message = limit_message(c, buffer, sizeof buffer);
        luaL_where(L, 1);
        lua_pushstring(L, message ? message : "interrupted");
        lua_concat(L, 2);
        return lua_error(L);
    }
    case DLUA_STATUS_ERROR:
    default:
        luaL_where(L, 1);
        lua_pushlstring(L, r.message, r.message_length);
        lua_concat(L, 2);
        return lua_error(L);
    }
}

static int trampoline(lua_State *L) {
    return invoke_swift(L, lua_tointeger(L, lua_upvalueindex(1)));
}

/// __index of a Swift class: methods first (a table, which may itself have a metatable), then
/// the Swift field getter called as getter(self, key).
static int class_index(lua_State *L) {
    if (lua_type(L, 2) == LUA_TSTRING) {
        lua_pushvalue(L, 2);
        if (lua_gettable(L, lua_upvalueindex(1)) != LUA_TNIL) return 1;
        lua_pop(L, 1);
    }
    lua_Integer getter = lua_tointeger(L, lua_upvalueindex(2));
    if (getter < 0) {
        lua_pushnil(L);
        return 1;
    }
    lua_settop(L, 2);
    return invoke_swift(L, getter);
}

/* ---- Value trees ---------------------------------------------------------------------------- */

static void push_object(lua_State *L, dlua_ctx *c, void *object, int cls) {
    if (object == NULL) {
        lua_pushnil(L);
        return;
    }
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->cache_ref);
    /* A cached box is reused only while it still holds the object (a box whose __gc was
       called by hand holds NULL: a new box replaces it). */
    if (lua_rawgetp(L, -1, object) == LUA_TUSERDATA && dlua_toobject(L, -1, NULL) == object) {
        lua_remove(L, -2);
        return;
    }
    lua_pop(L, 1);
    dlua_box *b = (dlua_box *)lua_newuserdatauv(L, sizeof(dlua_box), 0);
    b->magic = DLUA_MAGIC;
    b->cls = cls;
    b->object = NULL;
    c->retain(object);
    b->object = object;
    lua_rawgeti(L, LUA_REGISTRYINDEX, cls);
    lua_setmetatable(L, -2);
    lua_pushvalue(L, -1);
    lua_rawsetp(L, -3, object);
    lua_remove(L, -2);
}

/// Pushes one value (and its children); returns how many nodes it consumed.
static int push_tree(lua_State *L, dlua_ctx *c, const dlua_value *n, const char *arena) {
    switch (n->tag) {
    case DLUA_NIL: lua_pushnil(L); return 1;
    case DLUA_FALSE: lua_pushboolean(L, 0); return 1;
    case DLUA_TRUE: lua_pushboolean(L, 1); return 1;
    case DLUA_INT: lua_pushinteger(L, (lua_Integer)n->n1); return 1;
    case DLUA_NUM: lua_pushnumber(L, (lua_Number)n->d); return 1;
    case DLUA_STR: lua_pushlstring(L, arena + n->n1, (size_t)n->n2); return 1;
    case DLUA_OBJECT: push_object(L, c, n->p, n->aux); return 1;
    case DLUA_REF: lua_rawgeti(L, LUA_REGISTRYINDEX, (lua_Integer)n->n1); return 1;
    case DLUA_FUNC:
        lua_pushinteger(L, (lua_Integer)n->n1);
        lua_pushcclosure(L, trampoline, 1);
        return 1;
    case DLUA_CFUNC: {
        lua_CFunction f = builtin(n->n1);
        if (f) lua_pushcfunction(L, f);
        else lua_pushnil(L);
        return 1;
    }
    case DLUA_INTS: {
        int count = (int)n->n1;
        const int32_t *items = (const int32_t *)(const void *)(arena + n->n2);
        lua_createtable(L, count, 0);
        for (int i = 0; i < count; i++) {
            lua_pushinteger(L, items[i]);
            lua_rawseti(L, -2, i + 1);
        }
        if (n->aux) {
            lua_rawgeti(L, LUA_REGISTRYINDEX, n->aux);
            lua_setmetatable(L, -2);
        }
        return 1;
    }
    case DLUA_UINTS: {
        int count = (int)n->n1;
        const uint32_t *items = (const uint32_t *)(const void *)(arena + n->n2);
        lua_Integer add = (lua_Integer)n->d;
        lua_createtable(L, count, 0);
        for (int i = 0; i < count; i++) {
            lua_pushinteger(L, (lua_Integer)items[i] + add);
            lua_rawseti(L, -2, i + 1);
        }
        if (n->aux) {
            lua_rawgeti(L, LUA_REGISTRYINDEX, n->aux);
            lua_setmetatable(L, -2);
        }
        return 1;
    }
    case DLUA_INDEXER: {
        int used = 1 + push_tree(L, c, n + 1, arena);
        lua_pushinteger(L, n->aux);
        lua_pushcclosure(L, class_index, 2);
        return used;
    }
    case DLUA_TABLE: {
        luaL_checkstack(L, 4, "value too deeply nested");
        int narr = (int)n->n1, nrec = (int)n->n2;
        int used = 1;
        lua_createtable(L, narr, nrec);
        for (int i = 1; i <= narr; i++) {
            used += push_tree(L, c, n + used, arena);
            lua_rawseti(L, -2, i);
        }
        for (int i = 0; i < nrec; i++) {
            used += push_tree(L, c, n + used, arena);
            used += push_tree(L, c, n + used, arena);
            if (lua_isnil(L, -2)) lua_pop(L, 2);
            else lua_rawset(L, -3);
        }
        if (n->aux) {
            lua_rawgeti(L, LUA_REGISTRYINDEX, n->aux);
            lua_setmetatable(L, -2);
        }
        return used;
    }
    default:
        lua_pushnil(L);
        return 1;
    }
}

/* ---- Protected operations ------------------------------------------------------------------- */

typedef struct push_job {
    const dlua_value *nodes;
    int count;
    const char *arena;
    int nresults;
    const char *name;
    int ref;
} push_job;

static int pcall_body(lua_State *L) {
    push_job *job = (push_job *)lua_touserdata(L, 1);
    lua_pop(L, 1);
    int base = lua_gettop(L);
    dlua_ctx *c = ctx_of(L);
    luaL_checkstack(L, job->count + 4, "too many arguments");
    const dlua_value *node = job->nodes;
    for (int i = 0; i < job->count; i++) node += push_tree(L, c, node, job->arena);
    lua_callk(L, job->count - 1, job->nresults, 0, NULL);
    return lua_gettop(L) - base;
}

int dlua_pcall_values(lua_State *L, const dlua_value *nodes, int count, const char *arena,
                      int nresults) {
    if (!lua_checkstack(L, 4)) return LUA_ERRMEM;
    push_job job = {nodes, count, arena, nresults, NULL, LUA_NOREF};
    int handler = lua_gettop(L) + 1;
    lua_pushcfunction(L, traceback_handler);
    lua_pushcfunction(L, pcall_body);
    lua_pushlightuserdata(L, &job);
    int status = lua_pcallk(L, 1, nresults, handler, 0, NULL);
    lua_remove(L, handler);
    return status;
}

static int push_body(lua_State *L) {
    push_job *job = (push_job *)lua_touserdata(L, 1);
    lua_pop(L, 1);
    dlua_ctx *c = ctx_of(L);
    luaL_checkstack(L, job->count + 4, "too many values");
    const dlua_value *node = job->nodes;
    for (int i = 0; i < job->count; i++) node += push_tree(L, c, node, job->arena);
    return job->count;
}

int dlua_push_values(lua_State *L, const dlua_value *nodes, int count, const char *arena) {
    if (!lua_checkstack(L, 3)) return LUA_ERRMEM;
    push_job job = {nodes, count, arena, count, NULL, LUA_NOREF};
    lua_pushcfunction(L, push_body);
    lua_pushlightuserdata(L, &job);
    return lua_pcallk(L, 1, count, 0, 0, NULL);
}

static int setglobal_body(lua_State *L) {
    push_job *job = (push_job *)lua_touserdata(L, 1);
    lua_pop(L, 1);
    push_tree(L, ctx_of(L), job->nodes, job->arena);
    lua_setglobal(L, job->name);
    return 0;
}

int dlua_setglobal_value(lua_State *L, const char *name, const dlua_value *nodes,
                         const char *arena) {
    if (!lua_checkstack(L, 3)) return LUA_ERRMEM;
    push_job job = {nodes, 1, arena, 0, name, LUA_NOREF};
    lua_pushcfunction(L, setglobal_body);
    lua_pushlightuserdata(L, &job);
    int status = lua_pcallk(L, 1, 0, 0, 0, NULL);
    if (status != LUA_OK) lua_pop(L, 1);
    return status;
}

int dlua_load(lua_State *L, const char *buffer, size_t length, const char *chunkname) {
    return luaL_loadbufferx(L, buffer, length, chunkname, "t");
}

static int ref_body(lua_State *L) {
    push_job *job = (push_job *)lua_touserdata(L, 2);
    lua_settop(L, 1);
    job->ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

int dlua_ref(lua_State *L) {
    if (!lua_checkstack(L, 3)) {
        lua_pop(L, 1);
        return LUA_NOREF;
    }
    push_job job = {NULL, 0, NULL, 0, NULL, LUA_NOREF};
    lua_pushcfunction(L, ref_body);
    lua_insert(L, -2);
    lua_pushlightuserdata(L, &job);
    if (lua_pcallk(L, 2, 0, 0, 0, NULL) != LUA_OK) {
        lua_pop(L, 1);
        return LUA_NOREF;
    }
    return job.ref;
}

void dlua_unref(lua_State *L, int ref) { luaL_unref(L, LUA_REGISTRYINDEX, ref); }

int dlua_getref(lua_State *L, int ref) { return lua_rawgeti(L, LUA_REGISTRYINDEX, ref); }

static int openlibs_body(lua_State *L) {
    luaL_openlibs(L);
    dlua_install_bounded_patterns(L);
    return 0;
}

int dlua_openlibs(lua_State *L) {
    lua_pushcfunction(L, openlibs_body);
    int status = lua_pcallk(L, 0, 0, 0, 0, NULL);
    if (status != LUA_OK) lua_pop(L, 1);
    return status;
}

void *dlua_toobject(lua_State *L, int idx, int *cls) {
    if (lua_type(L, idx) != LUA_TUSERDATA || lua_rawlen(L, idx) != sizeof(dlua_box)) return NULL;
    dlua_box *b = (dlua_box *)lua_touserdata(L, idx);
    if (b == NULL || b->magic != DLUA_MAGIC) return NULL;
    if (cls) *cls = b->cls;
    return b->object;
}

/* ---- State ---------------------------------------------------------------------------------- */

static int setup_body(lua_State *L) {
    dlua_ctx *c = ctx_of(L);
    lua_newtable(L);
    lua_newtable(L);
    lua_pushliteral(L, "v");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    c->cache_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

lua_State *dlua_newstate(size_t memory_cap, void *host, dlua_invoke_fn invoke,
                         dlua_object_fn retain, dlua_object_fn release) {
    dlua_ctx *c = (dlua_ctx *)calloc(1, sizeof(dlua_ctx));
    if (c == NULL) return NULL;
    c->host = host;
    c->invoke = invoke;
    c->retain = retain;
    c->release = release;
    lua_State *L = lua_newstate(capped_alloc, c);
    if (L == NULL) {
        free(c);
        return NULL;
    }
    *(dlua_ctx **)lua_getextraspace(L) = c;
    lua_sethook(L, limit_hook, LUA_MASKCOUNT, DLUA_HOOK_COUNT);
    lua_pushcfunction(L, setup_body);
    if (lua_pcallk(L, 0, 0, 0, 0, NULL) != LUA_OK) {
        lua_close(L);
        free(c);
        return NULL;
    }
    c->cap = memory_cap;
    return L;
}

void dlua_close(lua_State *L) {
    dlua_ctx *c = ctx_of(L);
    c->cap = 0;
    lua_close(L);
    free(c);
}

void *dlua_host(lua_State *L) { return ctx_of(L)->host; }
