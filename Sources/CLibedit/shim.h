#ifndef SANDTABLE_CLIBEDIT_SHIM_H
#define SANDTABLE_CLIBEDIT_SHIM_H

/*
 * Fixed-arity wrappers over libedit for the LineEditor module.
 *
 * el_set(), el_get() and history() are C variadic functions, which Swift
 * cannot call. A system-library target cannot hold .c files, so every
 * variant LineEditor needs is a `static inline` function here; the Clang
 * importer compiles them into the importing module.
 *
 * Glibc's `stdin`/`stdout` are mutable globals that Swift 6 rejects as not
 * concurrency-safe, so they are touched only from this header.
 *
 * Nothing but Sources/LineEditor imports this module.
 */

#include <histedit.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

/* Callback types, named so that Swift sees plain function pointers. */
typedef char *(*st_prompt_fn)(EditLine *);
typedef unsigned char (*st_command_fn)(EditLine *, int);

/* ---- locale ----------------------------------------------------------- */

/*
 * libedit decides at el_init() whether input is multibyte: unless LC_CTYPE
 * names a UTF-8 codeset by then, every non-ASCII byte is silently dropped.
 * Adopt the environment's LC_CTYPE; if that is not UTF-8 (e.g. LANG unset),
 * fall back to C.UTF-8. Returns 1 when LC_CTYPE ends up UTF-8.
 */
static inline int st_adopt_utf8_ctype(void) {
    setlocale(LC_CTYPE, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset != NULL && strcmp(codeset, "UTF-8") == 0) {
        return 1;
    }
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) {
        return 0;
    }
    codeset = nl_langinfo(CODESET);
    return codeset != NULL && strcmp(codeset, "UTF-8") == 0;
}

/* ---- EditLine ---------------------------------------------------------- */

static inline EditLine *st_el_init(const char *program) {
    return el_init(program, stdin, stdout, stderr);
}

/* Write text where libedit writes (stdout), and flush so it is ordered with
 * libedit's own output. */
static inline void st_write_stdout(const char *text) {
    fputs(text, stdout);
    fflush(stdout);
}

/* Prompt whose bytes between two `delimiter` bytes take no columns. */
static inline int st_el_set_prompt_esc(EditLine *el, st_prompt_fn fn, char delimiter) {
    return el_set(el, EL_PROMPT_ESC, fn, delimiter);
}

/* "emacs" or "vi". */
static inline int st_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

/* When on, libedit handles SIGWINCH/SIGTSTP/SIGCONT while editing. */
static inline int st_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}

static inline int st_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}

static inline int st_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

static inline void *st_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) {
        return NULL;
    }
    return data;
}

/* Register a named editor function (bindable with st_el_bind). */
static inline int st_el_add_function(EditLine *el, const char *name, const char *help, st_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

/* bind KEY COMMAND, e.g. ("^I", "sandtable-complete"). */
static inline int st_el_bind(EditLine *el, const char *key, const char *command) {
    return el_set(el, EL_BIND, key, command, (const char *)NULL);
}

/* setty -d MODE: a tty mode applied while editing, e.g. "-isig". */
static inline int st_el_setty_edit(EditLine *el, const char *mode) {
    return el_set(el, EL_SETTY, "-d", mode, (const char *)NULL);
}

/* settc CAP VALUE: override a terminal capability; an empty value removes it. */
static inline int st_el_settc(EditLine *el, const char *cap, const char *value) {
    return el_set(el, EL_SETTC, cap, value, (const char *)NULL);
}

/* Terminal width in columns as libedit sees it; 0 when unknown. */
static inline int st_el_columns(EditLine *el) {
    int columns = 0;
    if (el_get(el, EL_GETTC, "co", &columns) != 0) {
        return 0;
    }
    return columns;
}

/* ---- History ------------------------------------------------------------ */

static inline int st_history_set_size(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}

static inline int st_history_set_unique(History *h, int unique) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, unique);
}

static inline int st_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}

/* Returns the number of entries read, or -1. */
static inline int st_history_load(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}

/* Returns the number of entries written, or -1. */
static inline int st_history_save(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}

static inline int st_history_count(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_GETSIZE) != 0) {
        return 0;
    }
    return ev.num;
}

/* Newest entry's text, or NULL when empty; valid until the next call. */
static inline const char *st_history_newest(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_FIRST) != 0) {
        return NULL;
    }
    return ev.str;
}

#endif
