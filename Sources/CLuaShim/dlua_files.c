/*
 * dlua_files.c — the sandbox's file opener.
 *
 * The sandbox decides in Swift which path may be opened and how; this function then opens
 * exactly that path without following a symbolic link in its last component (O_NOFOLLOW), so
 * a link put in place after the check still cannot lead the write elsewhere, and without
 * waiting on a FIFO or device (O_NONBLOCK, then only regular files and folders are kept). The
 * result is an ordinary Lua file handle, as io.open returns.
 */
#include "dlua_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int close_stream(lua_State *L) {
    luaL_Stream *stream = (luaL_Stream *)luaL_checkudata(L, 1, LUA_FILEHANDLE);
    errno = 0;
    return luaL_fileresult(L, fclose(stream->f) == 0, NULL);
}

/// open(2) flags for a Lua mode ("r", "w", "a", each maybe with "+", then any "b"s); -1 when
/// the mode is not one.
static int flags_for(const char *mode) {
    int flags;
    switch (*mode++) {
    case 'r': flags = O_RDONLY; break;
    case 'w': flags = O_WRONLY | O_CREAT | O_TRUNC; break;
    case 'a': flags = O_WRONLY | O_CREAT | O_APPEND; break;
    default: return -1;
    }
    if (*mode == '+') {
        flags = (flags & ~(O_RDONLY | O_WRONLY)) | O_RDWR;
        mode++;
    }
    while (*mode == 'b') mode++;
    return *mode == '\0' ? flags : -1;
}

/// nil, "shown: reason", errno, reason: io.open's failure values plus the bare reason.
static int failure(lua_State *L, const char *shown, int code, const char *reason) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", shown, reason);
    lua_pushinteger(L, code);
    lua_pushstring(L, reason);
    return 4;
}

int dlua_open_file(lua_State *L) {
    const char *path = luaL_checkstring(L, 1);
    const char *mode = luaL_optstring(L, 2, "r");
    const char *shown = luaL_optstring(L, 3, path);
    int flags = flags_for(mode);
    luaL_argcheck(L, flags != -1, 2, "invalid mode");
    /* The handle first (it may raise a memory error), then the descriptor. */
    luaL_Stream *stream = (luaL_Stream *)lua_newuserdatauv(L, sizeof(luaL_Stream), 0);
    stream->f = NULL;
    stream->closef = NULL; /* a closed file until the open succeeds */
    luaL_setmetatable(L, LUA_FILEHANDLE);

    int fd = open(path, flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0666);
    if (fd < 0) {
        int code = errno;
        if (code == ELOOP) return failure(L, shown, code, "is a symbolic link (the sandbox does not follow it)");
        return failure(L, shown, code, strerror(code));
    }
    struct stat info;
    if (fstat(fd, &info) != 0) {
        int code = errno;
        close(fd);
        return failure(L, shown, code, strerror(code));
    }
    if (!S_ISREG(info.st_mode) && !S_ISDIR(info.st_mode)) {
        close(fd);
        return failure(L, shown, EINVAL, "is not a regular file (the sandbox opens only files and folders)");
    }
    int status = fcntl(fd, F_GETFL);
    if (status != -1) fcntl(fd, F_SETFL, status & ~O_NONBLOCK);
    FILE *file = fdopen(fd, mode);
    if (file == NULL) {
        int code = errno;
        close(fd);
        return failure(L, shown, code, strerror(code));
    }
    stream->f = file;
    stream->closef = close_stream;
    return 1;
}
