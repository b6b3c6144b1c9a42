/*
 * dlua_match.c — Lua 5.4's pattern matching with a step budget.
 *
 * Lua's own matcher (lstrlib.c) backtracks without bound, and the count hook that enforces
 * --timeout, Ctrl-C and instruction budgets never fires inside a C function: a pattern such as
 * ("a*"):rep(6) .. "b" over 20,000 letters ran for ever and nothing could stop it. The
 * functions here give string.find, string.match, string.gmatch and string.gsub the semantics
 * of the reference manual (§6.4.1, Lua 5.4), matched step by step against the same limits:
 *
 *   - every DLUA_MATCH_CHECK_EVERY steps the work is charged to the running chunk: the
 *     instruction budget counts the steps, the deadline and the interrupt flags are checked;
 *   - one call gives up after dlua_match_step_limit(subject length) steps with an error that
 *     pcall can catch (a limit of the run, by contrast, cannot be swallowed).
 *
 * A step is one pattern item tried at one position (a bracket class costs one more per 32
 * bytes of class); scanning for %b and back references costs their length. Plain searches
 * (string.find with `plain`, or a pattern without special characters) use memmem, which runs in
 * linear time.
 */
#define _GNU_SOURCE
#include "dlua_internal.h"

#include <ctype.h>
#include <stddef.h>
#include <string.h>

#define ESC '%'
#define SPECIALS "^$*+?.([%-"
#define MAX_CAPTURES 32    /* as Lua's LUA_MAXCAPTURES */
#define MAX_DEPTH 200      /* nested item calls before "pattern too complex", as Lua's MAXCCALLS */
#define CAP_UNFINISHED (-1)
#define CAP_POSITION (-2)

/// Registry key of the table that keeps Lua's own functions (for the differential tests).
#define ORIGINALS_KEY "dossier.lua_pattern_functions"

typedef struct matcher {
    lua_State *L;
    const char *subject;
    const char *subject_end;
    const char *pattern_end;
    int depth_left;
    int level;                 /* captures started so far */
    struct {
        const char *start;
        ptrdiff_t len;         /* or CAP_UNFINISHED / CAP_POSITION */
    } capture[MAX_CAPTURES];
    int64_t pending;           /* steps not yet charged to the run */
    int64_t spent;             /* steps of this call */
    int64_t allowed;           /* steps this call may take */
} matcher;

/* ---- The budget ----------------------------------------------------------------------------- */

static void settle(matcher *m) {
    int64_t steps = m->pending;
    m->pending = 0;
    m->spent += steps;
    if (dlua_charge(m->L, steps) != DLUA_LIMIT_NONE) dlua_raise_limit(m->L);
    if (m->spent > m->allowed) {
        luaL_error(m->L, "pattern too complex for this text: matching gave up after %I steps "
                         "(items such as 'a*' or '.-' that can match the same characters "
                         "backtrack too much)", (lua_Integer)m->spent);
    }
}

static inline void step(matcher *m, int64_t steps) {
    m->pending += steps;
    if (m->pending >= DLUA_MATCH_CHECK_EVERY) settle(m);
}

/// What trying item p..ep at one position costs.
static inline int64_t item_cost(const char *p, const char *ep) {
    return *p == '[' ? 1 + (int64_t)(ep - p) / 32 : 1;
}

/* ---- Single characters ---------------------------------------------------------------------- */

/// True when character c is in class %cl (upper-case classes are complements).
static int in_class(int c, int cl) {
    int hit;
    switch (tolower(cl)) {
    case 'a': hit = isalpha(c); break;
    case 'c': hit = iscntrl(c); break;
    case 'd': hit = isdigit(c); break;
    case 'g': hit = isgraph(c); break;
    case 'l': hit = islower(c); break;
    case 'p': hit = ispunct(c); break;
    case 's': hit = isspace(c); break;
    case 'u': hit = isupper(c); break;
    case 'w': hit = isalnum(c); break;
    case 'x': hit = isxdigit(c); break;
    case 'z': hit = (c == 0); break; /* deprecated, still understood by Lua 5.4 */
    default: return cl == c;
    }
    return islower(cl) ? hit : !hit;
}

/// True when c is in the set that starts at '[' (p) and ends at ']' (close).
static int in_set(int c, const char *p, const char *close) {
    int wanted = 1;
    if (p[1] == '^') {
        wanted = 0;
        p++;
    }
    while (++p < close) {
        if (*p == ESC) {
            p++;
            if (in_class(c, (unsigned char)*p)) return wanted;
        } else if (p[1] == '-' && p + 2 < close) {
            p += 2;
            if ((unsigned char)p[-2] <= c && c <= (unsigned char)*p) return wanted;
        } else if ((unsigned char)*p == c) {
            return wanted;
        }
    }
    return !wanted;
}

/// Where the single-character item at p ends (a class, a set or one character).
static const char *item_end(matcher *m, const char *p) {
    char first = *p++;
    if (first == ESC) {
        if (p == m->pattern_end) luaL_error(m->L, "malformed pattern (ends with '%%')");
        return p + 1;
    }
    if (first == '[') {
        if (*p == '^') p++;
        do {
            if (p == m->pattern_end) luaL_error(m->L, "malformed pattern (missing ']')");
            if (*p++ == ESC && p < m->pattern_end) p++;
        } while (*p != ']');
        return p + 1;
    }
    return p;
}

/// True when the character at s exists and matches item p..ep.
static int item_matches(const matcher *m, const char *s, const char *p, const char *ep) {
    if (s >= m->subject_end) return 0;
    int c = (unsigned char)*s;
    switch (*p) {
    case '.': return 1;
    case ESC: return in_class(c, (unsigned char)p[1]);
    case '[': return in_set(c, p, ep - 1);
    default: return (unsigned char)*p == c;
    }
}

/* ---- Items ---------------------------------------------------------------------------------- */

static const char *match(matcher *m, const char *s, const char *p);

/// %bxy at s (p points at x): the end of the balanced run, or NULL.
static const char *balanced(matcher *m, const char *s, const char *p) {
    if (p >= m->pattern_end - 1) luaL_error(m->L, "malformed pattern (missing arguments to '%%b')");
    if (s >= m->subject_end || *s != *p) return NULL;
    const char *start = s;
    int open = *p, close = p[1], depth = 1;
    while (++s < m->subject_end) {
        if (*s == close) {
            if (--depth == 0) {
                step(m, s - start);
                return s + 1;
            }
        } else if (*s == open) {
            depth++;
        }
    }
    step(m, s - start);
    return NULL;
}

/// Item p..ep repeated as often as possible, then fewer until the rest matches ('*', '+').
static const char *greedy(matcher *m, const char *s, const char *p, const char *ep) {
    ptrdiff_t n = 0;
    while (item_matches(m, s + n, p, ep)) n++;
    step(m, (int64_t)n * item_cost(p, ep));
    for (; n >= 0; n--) {
        const char *end = match(m, s + n, ep + 1);
        if (end != NULL) return end;
    }
    return NULL;
}

/// Item p..ep repeated as rarely as possible, more until the rest matches ('-').
static const char *lazy(matcher *m, const char *s, const char *p, const char *ep) {
    int64_t cost = item_cost(p, ep);
    for (;;) {
        const char *end = match(m, s, ep + 1);
        if (end != NULL) return end;
        if (!item_matches(m, s, p, ep)) return NULL;
        step(m, cost);
        s++;
    }
}

static const char *open_capture(matcher *m, const char *s, const char *p, ptrdiff_t kind) {
    if (m->level >= MAX_CAPTURES) luaL_error(m->L, "too many captures");
    m->capture[m->level].start = s;
    m->capture[m->level].len = kind;
    m->level++;
    const char *end = match(m, s, p);
    if (end == NULL) m->level--;
    return end;
}

static const char *close_capture(matcher *m, const char *s, const char *p) {
    int open = m->level - 1;
    while (open >= 0 && m->capture[open].len != CAP_UNFINISHED) open--;
    if (open < 0) luaL_error(m->L, "invalid pattern capture");
    m->capture[open].len = s - m->capture[open].start;
    const char *end = match(m, s, p);
    if (end == NULL) m->capture[open].len = CAP_UNFINISHED;
    return end;
}

/// The index of capture %d (digit d), checked.
static int capture_index(matcher *m, int digit) {
    int i = digit - '1';
    if (i < 0 || i >= m->level || m->capture[i].len == CAP_UNFINISHED) {
        luaL_error(m->L, "invalid capture index %%%d", i + 1);
    }
    return i;
}

/// %1 … %9 at s: the text of an earlier capture again.
static const char *back_reference(matcher *m, const char *s, int digit) {
    int i = capture_index(m, digit);
    size_t len = (size_t)m->capture[i].len; /* a position capture is huge here, and fails */
    if ((size_t)(m->subject_end - s) < len) return NULL;
    step(m, 1 + (int64_t)(len / 16));
    return memcmp(m->capture[i].start, s, len) == 0 ? s + len : NULL;
}

/// Matches pattern p (up to pattern_end) at s: the end of the match, or NULL.
static const char *match(matcher *m, const char *s, const char *p) {
    if (m->depth_left-- == 0) luaL_error(m->L, "pattern too complex");
    while (p != m->pattern_end) {
        step(m, 1);
        if (*p == '(') {
            s = p[1] == ')' ? open_capture(m, s, p + 2, CAP_POSITION) : open_capture(m, s, p + 1, CAP_UNFINISHED);
            break;
        }
        if (*p == ')') {
            s = close_capture(m, s, p + 1);
            break;
        }
        if (*p == '$' && p + 1 == m->pattern_end) {
            if (s != m->subject_end) s = NULL;
            break;
        }
        if (*p == ESC && p[1] == 'b') {
            s = balanced(m, s, p + 2);
            if (s == NULL) break;
            p += 4;
            continue;
        }
        if (*p == ESC && p[1] == 'f') {
            p += 2;
            if (*p != '[') luaL_error(m->L, "missing '[' after '%%f' in pattern");
            const char *ep = item_end(m, p);
            int before = s == m->subject ? '\0' : (unsigned char)s[-1];
            int here = s < m->subject_end ? (unsigned char)*s : '\0';
            if (!in_set(before, p, ep - 1) && in_set(here, p, ep - 1)) {
                p = ep;
                continue;
            }
            s = NULL;
            break;
        }
        if (*p == ESC && p[1] >= '0' && p[1] <= '9') {
            s = back_reference(m, s, (unsigned char)p[1]);
            if (s == NULL) break;
            p += 2;
            continue;
        }
        /* A single-character item, perhaps with a quantifier. */
        const char *ep = item_end(m, p);
        if (!item_matches(m, s, p, ep)) {
            if (*ep == '*' || *ep == '?' || *ep == '-') {
                p = ep + 1; /* zero repetitions are fine */
                continue;
            }
            s = NULL;
            break;
        }
        if (*ep == '?') {
            const char *end = match(m, s + 1, ep + 1);
            if (end != NULL) {
                s = end;
                break;
            }
            p = ep + 1;
            continue;
        }
        if (*ep == '+') {
            s = greedy(m, s + 1, p, ep);
            break;
        }
        if (*ep == '*') {
            s = greedy(m, s, p, ep);
            break;
        }
        if (*ep == '-') {
            s = lazy(m, s, p, ep);
            break;
        }
        s++;
        p = ep;
    }
    m->depth_left++;
    return s;
}

/* ---- Calls ---------------------------------------------------------------------------------- */

static void prepare(matcher *m, lua_State *L, const char *s, size_t ls, const char *p, size_t lp) {
    m->L = L;
    m->subject = s;
    m->subject_end = s + ls;
    m->pattern_end = p + lp;
    m->depth_left = MAX_DEPTH;
    m->level = 0;
    m->pending = 0;
    m->spent = 0;
    m->allowed = dlua_match_step_limit(ls);
}

/// Lua's relative start position (1-based, negative from the end), clipped to 1.
static size_t start_position(lua_Integer pos, size_t len) {
    if (pos > 0) return (size_t)pos;
    if (pos == 0) return 1;
    if (pos < -(lua_Integer)len) return 1;
    return len + (size_t)pos + 1;
}

/// True when p (which may hold NUL bytes) has no special character.
static int is_plain(const char *p, size_t lp) {
    size_t from = 0;
    do {
        if (strpbrk(p + from, SPECIALS)) return 0;
        from += strlen(p + from) + 1;
    } while (from <= lp);
    return 1;
}

/// Capture i (or the whole match s..e when there are none and i is 0): its length and start,
/// or CAP_POSITION after pushing the position.
static ptrdiff_t capture_text(matcher *m, int i, const char *s, const char *e, const char **text) {
    if (i >= m->level) {
        if (i != 0) luaL_error(m->L, "invalid capture index %%%d", i + 1);
        *text = s;
        return e - s;
    }
    ptrdiff_t len = m->capture[i].len;
    *text = m->capture[i].start;
    if (len == CAP_UNFINISHED) luaL_error(m->L, "unfinished capture");
    if (len == CAP_POSITION) lua_pushinteger(m->L, (m->capture[i].start - m->subject) + 1);
    return len;
}

static void push_capture(matcher *m, int i, const char *s, const char *e) {
    const char *text;
    ptrdiff_t len = capture_text(m, i, s, e, &text);
    if (len != CAP_POSITION) lua_pushlstring(m->L, text, (size_t)len);
}

/// Pushes the captures (or the whole match when there are none and s is given).
static int push_captures(matcher *m, const char *s, const char *e) {
    int n = (m->level == 0 && s != NULL) ? 1 : m->level;
    luaL_checkstack(m->L, n, "too many captures");
    for (int i = 0; i < n; i++) push_capture(m, i, s, e);
    return n;
}

static int find_or_match(lua_State *L, int find) {
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = start_position(luaL_optinteger(L, 3, 1), ls) - 1;
    if (init > ls) {
        luaL_pushfail(L);
        return 1;
    }
    if (find && (lua_toboolean(L, 4) || is_plain(p, lp))) {
        const char *hit = memmem(s + init, ls - init, p, lp);
        if (hit != NULL) {
            lua_pushinteger(L, (hit - s) + 1);
            lua_pushinteger(L, (lua_Integer)((hit - s) + lp));
            return 2;
        }
    } else {
        matcher m;
        const char *from = s + init;
        int anchored = *p == '^';
        if (anchored) {
            p++;
            lp--;
        }
        prepare(&m, L, s, ls, p, lp);
        do {
            m.level = 0;
            const char *end = match(&m, from, p);
            if (end != NULL) {
                if (!find) return push_captures(&m, from, end);
                lua_pushinteger(L, (from - s) + 1);
                lua_pushinteger(L, end - s);
                return push_captures(&m, NULL, NULL) + 2;
            }
        } while (from++ < m.subject_end && !anchored);
    }
    luaL_pushfail(L);
    return 1;
}

static int bounded_find(lua_State *L) { return find_or_match(L, 1); }
static int bounded_match(lua_State *L) { return find_or_match(L, 0); }

typedef struct gmatch_state {
    const char *next;
    const char *pattern;
    const char *last_end;
    matcher m;
} gmatch_state;

static int gmatch_next(lua_State *L) {
    gmatch_state *g = (gmatch_state *)lua_touserdata(L, lua_upvalueindex(3));
    g->m.L = L;
    g->m.depth_left = MAX_DEPTH; /* an error in an earlier call may have left it short */
    g->m.pending = 0;
    g->m.spent = 0;
    for (const char *from = g->next; from <= g->m.subject_end; from++) {
        g->m.level = 0;
        const char *end = match(&g->m, from, g->pattern);
        if (end != NULL && end != g->last_end) {
            g->next = g->last_end = end;
            return push_captures(&g->m, from, end);
        }
    }
    return 0;
}

static int bounded_gmatch(lua_State *L) {
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = start_position(luaL_optinteger(L, 3, 1), ls) - 1;
    lua_settop(L, 2); /* the subject and the pattern stay alive as upvalues */
    gmatch_state *g = (gmatch_state *)lua_newuserdatauv(L, sizeof(gmatch_state), 0);
    if (init > ls) init = ls + 1; /* past the end: no match */
    prepare(&g->m, L, s, ls, p, lp);
    g->next = s + init;
    g->pattern = p;
    g->last_end = NULL;
    lua_pushcclosure(L, gmatch_next, 3);
    return 1;
}

/// Appends replacement string (argument 3) with %0-%9 and %% expanded.
static void append_template(matcher *m, luaL_Buffer *b, const char *s, const char *e) {
    lua_State *L = m->L;
    size_t left;
    const char *t = lua_tolstring(L, 3, &left);
    const char *escape;
    while ((escape = (const char *)memchr(t, ESC, left)) != NULL) {
        luaL_addlstring(b, t, (size_t)(escape - t));
        escape++;
        if (*escape == ESC) {
            luaL_addchar(b, *escape);
        } else if (*escape == '0') {
            luaL_addlstring(b, s, (size_t)(e - s));
        } else if (isdigit((unsigned char)*escape)) {
            const char *text;
            ptrdiff_t len = capture_text(m, *escape - '1', s, e, &text);
            if (len == CAP_POSITION) luaL_addvalue(b);
            else luaL_addlstring(b, text, (size_t)len);
        } else {
            luaL_error(L, "invalid use of '%c' in replacement string", ESC);
        }
        left -= (size_t)(escape + 1 - t);
        t = escape + 1;
    }
    luaL_addlstring(b, t, left);
}

/// Appends the replacement of match s..e; false when it kept the original text.
static int append_replacement(matcher *m, luaL_Buffer *b, const char *s, const char *e, int kind) {
    lua_State *L = m->L;
    if (kind == LUA_TFUNCTION) {
        lua_pushvalue(L, 3);
        int n = push_captures(m, s, e);
        lua_call(L, n, 1);
    } else if (kind == LUA_TTABLE) {
        push_capture(m, 0, s, e);
        lua_gettable(L, 3);
    } else {
        append_template(m, b, s, e);
        return 1;
    }
    if (!lua_toboolean(L, -1)) {
        lua_pop(L, 1);
        luaL_addlstring(b, s, (size_t)(e - s));
        return 0;
    }
    if (!lua_isstring(L, -1)) return luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
    luaL_addvalue(b);
    return 1;
}

static int bounded_gsub(lua_State *L) {
    size_t ls, lp;
    const char *src = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    const char *last_end = NULL;
    int kind = lua_type(L, 3);
    lua_Integer most = luaL_optinteger(L, 4, (lua_Integer)ls + 1);
    int anchored = *p == '^';
    lua_Integer n = 0;
    int changed = 0;
    matcher m;
    luaL_Buffer b;
    luaL_argexpected(L, kind == LUA_TNUMBER || kind == LUA_TSTRING || kind == LUA_TFUNCTION || kind == LUA_TTABLE,
                     3, "string/function/table");
    luaL_buffinit(L, &b);
    if (anchored) {
        p++;
        lp--;
    }
    prepare(&m, L, src, ls, p, lp);
    while (n < most) {
        m.level = 0;
        const char *end = match(&m, src, p);
        if (end != NULL && end != last_end) {
            n++;
            changed = append_replacement(&m, &b, src, end, kind) | changed;
            src = last_end = end;
        } else if (src < m.subject_end) {
            luaL_addchar(&b, *src++);
        } else {
            break;
        }
        if (anchored) break;
    }
    if (!changed) {
        lua_pushvalue(L, 1);
    } else {
        luaL_addlstring(&b, src, (size_t)(m.subject_end - src));
        luaL_pushresult(&b);
    }
    lua_pushinteger(L, n);
    return 2;
}

/* ---- Installing ----------------------------------------------------------------------------- */

static const luaL_Reg bounded_functions[] = {
    {"find", bounded_find},
    {"match", bounded_match},
    {"gmatch", bounded_gmatch},
    {"gsub", bounded_gsub},
    {NULL, NULL},
};

void dlua_install_bounded_patterns(lua_State *L) {
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    int kind = lua_getfield(L, -1, LUA_STRLIBNAME);
    lua_remove(L, -2);
    if (kind != LUA_TTABLE) {
        lua_pop(L, 1);
        return;
    }
    lua_createtable(L, 0, 4);
    for (const luaL_Reg *f = bounded_functions; f->name != NULL; f++) {
        lua_getfield(L, -2, f->name);
        lua_setfield(L, -2, f->name);
    }
    lua_setfield(L, LUA_REGISTRYINDEX, ORIGINALS_KEY);
    /* The string metatable's __index is this same table, so s:find(...) uses them too. */
    luaL_setfuncs(L, bounded_functions, 0);
    lua_pop(L, 1);
}

static int expose_originals_body(lua_State *L) {
    const char *name = (const char *)lua_touserdata(L, 1);
    lua_getfield(L, LUA_REGISTRYINDEX, ORIGINALS_KEY);
    lua_setglobal(L, name);
    return 0;
}

int dlua_expose_lua_pattern_functions(lua_State *L, const char *name) {
    if (!lua_checkstack(L, 3)) return LUA_ERRMEM;
    lua_pushcfunction(L, expose_originals_body);
    lua_pushlightuserdata(L, (void *)name);
    int status = lua_pcallk(L, 1, 0, 0, 0, NULL);
    if (status != LUA_OK) lua_pop(L, 1);
    return status;
}
