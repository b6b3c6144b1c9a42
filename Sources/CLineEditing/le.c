/*
 * le.c — libedit glue for the REPL. Ctrl-C at the prompt cancels the line; Ctrl-C while a chunk
 * runs asks the host to interrupt it. Reads go through our own getc so that a SIGINT (installed
 * without SA_RESTART) ends the read instead of being retried.
 */
#include "lineediting.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <editline/readline.h>

static le_completer_fn completer = NULL;
static void *completer_context = NULL;
static le_interrupt_fn interrupt_host = NULL;
static volatile sig_atomic_t running = 0;
static volatile sig_atomic_t interrupted = 0;

static char word_breaks[] = " \t\n\"'`@$><=;|&{(,+-*/%^#~[]";
static char **candidates = NULL;
static size_t candidate_count = 0;
static size_t candidate_capacity = 0;

static volatile sig_atomic_t presses = 0;

static void on_sigint(int signo) {
    (void)signo;
    interrupted = 1;
    if (running && interrupt_host) {
        interrupt_host();
        /* A chunk busy in one long host computation never reaches the interrupt check:
           the third press ends the process the usual way. */
        if (++presses >= 3) {
            signal(SIGINT, SIG_DFL);
            raise(SIGINT);
        }
    }
}

static void install_handler(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; /* no SA_RESTART: a pending read returns EINTR */
    sigaction(SIGINT, &action, NULL);
    /* A parent may have started dossier with SIGINT blocked (the mask is inherited across
       exec: Foundation's Process and the threads of a dispatch pool block signals): unblock
       it, or Ctrl-C never arrives. */
    sigset_t interrupt_only;
    sigemptyset(&interrupt_only);
    sigaddset(&interrupt_only, SIGINT);
    pthread_sigmask(SIG_UNBLOCK, &interrupt_only, NULL);
}

void le_install_interrupt(le_interrupt_fn on_interrupt) {
    interrupt_host = on_interrupt;
    install_handler();
}

static int signal_aware_getc(FILE *stream) {
    unsigned char c;
    for (;;) {
        if (interrupted && !running) return EOF;
        ssize_t n = read(fileno(stream), &c, 1);
        if (n == 1) return c;
        if (n == 0) return EOF;
        if (errno == EINTR) {
            if (interrupted) return EOF;
            continue;
        }
        return EOF;
    }
}

static void clear_candidates(void) {
    for (size_t i = 0; i < candidate_count; i++) free(candidates[i]);
    candidate_count = 0;
}

void le_add_completion(const char *candidate) {
    if (candidate_count == candidate_capacity) {
        size_t capacity = candidate_capacity ? candidate_capacity * 2 : 32;
        char **grown = realloc(candidates, capacity * sizeof(char *));
        if (!grown) return;
        candidates = grown;
        candidate_capacity = capacity;
    }
    char *copy = strdup(candidate);
    if (copy) candidates[candidate_count++] = copy;
}

static char *generator(const char *text, int state) {
    static size_t next;
    (void)text;
    if (state == 0) next = 0;
    if (next < candidate_count) return strdup(candidates[next++]);
    return NULL;
}

static char **attempt_completion(const char *text, int start, int end) {
    (void)start;
    clear_candidates();
    if (completer) {
        char *line = strndup(rl_line_buffer ? rl_line_buffer : "", (size_t)end);
        if (line) {
            completer(text, line, completer_context);
            free(line);
        }
    }
    rl_attempted_completion_over = 1;
    if (candidate_count == 0) return NULL;
    return rl_completion_matches(text, generator);
}

void le_init(const char *name, le_completer_fn fn, void *context, le_interrupt_fn on_interrupt) {
    completer = fn;
    completer_context = context;
    interrupt_host = on_interrupt;
    rl_readline_name = name;
    rl_catch_signals = 0;
    rl_getc_function = signal_aware_getc;
    rl_attempted_completion_function = attempt_completion;
    rl_completer_word_break_characters = word_breaks;
    rl_completion_append_character = '\0';
    rl_initialize();
    install_handler();
}

char *le_readline(const char *prompt, int *was_interrupted) {
    interrupted = 0;
    char *line = readline(prompt);
    if (was_interrupted) *was_interrupted = interrupted ? 1 : 0;
    if (interrupted && line) {
        free(line);
        line = NULL;
    }
    interrupted = 0;
    return line;
}

void le_free(char *line) { free(line); }

void le_add_history(const char *line) { add_history(line); }

int le_read_history(const char *path) { return read_history(path); }

int le_write_history(const char *path, int max_entries) {
    int status = write_history(path);
    if (status == 0 && max_entries > 0) history_truncate_file(path, max_entries);
    return status;
}

void le_set_running(int value) {
    interrupted = 0;
    presses = 0;
    running = value;
}

int le_take_interrupt(void) {
    int value = interrupted;
    interrupted = 0;
    return value;
}
