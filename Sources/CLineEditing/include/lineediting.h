/*
 * lineediting.h — the REPL's line input: libedit's readline API with Ctrl-C handling and
 * completion supplied by the host.
 */
#ifndef LINEEDITING_H
#define LINEEDITING_H

#ifdef __cplusplus
extern "C" {
#endif

/// Called on Tab with the text before the cursor that completion replaces (`word`) and the
/// whole line up to the cursor; the host answers with le_add_completion for each candidate.
typedef void (*le_completer_fn)(const char *word, const char *line, void *context);
/// Called from the SIGINT handler while a chunk runs (must be async-signal-safe).
typedef void (*le_interrupt_fn)(void);

/// Sets up libedit (program name for ~/.editrc, completion) and the SIGINT handler.
void le_init(const char *name, le_completer_fn completer, void *context, le_interrupt_fn on_interrupt);

/// Reads one line with the prompt. Returns a malloc'd line (free with le_free) or NULL at end
/// of input; *interrupted is set when Ctrl-C cancelled the line instead.
char *le_readline(const char *prompt, int *interrupted);
void le_free(char *line);

/// Adds a candidate during a completer call.
void le_add_completion(const char *candidate);

void le_add_history(const char *line);
int le_read_history(const char *path);
int le_write_history(const char *path, int max_entries);

/// Installs only the SIGINT handler (for `run` and `eval`, which read no lines).
void le_install_interrupt(le_interrupt_fn on_interrupt);

/// Marks whether a chunk is running: Ctrl-C then interrupts it instead of the input line.
void le_set_running(int running);

/// True (and cleared) when Ctrl-C was pressed since the last call.
int le_take_interrupt(void);

#ifdef __cplusplus
}
#endif
#endif
