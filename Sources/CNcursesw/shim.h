#ifndef RESPOND_CNCURSESW_SHIM_H
#define RESPOND_CNCURSESW_SHIM_H

// The wide-character API (get_wch, mvadd_wch, setcchar, cchar_t) is only declared with these defines.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Swift cannot import these macros and globals; accessors stand in for them.
static inline attr_t respond_a_normal(void) { return A_NORMAL; }
static inline attr_t respond_a_bold(void) { return A_BOLD; }
static inline attr_t respond_a_dim(void) { return A_DIM; }
static inline attr_t respond_a_reverse(void) { return A_REVERSE; }
static inline attr_t respond_a_underline(void) { return A_UNDERLINE; }
static inline attr_t respond_a_italic(void) { return A_ITALIC; }
static inline int respond_color_pair(int n) { return COLOR_PAIR(n); }
static inline WINDOW *respond_stdscr(void) { return stdscr; }
static inline WINDOW *respond_curscr(void) { return curscr; }
static inline int respond_lines(void) { return LINES; }
static inline int respond_cols(void) { return COLS; }
static inline int respond_colors(void) { return COLORS; }
static inline int respond_color_pairs(void) { return COLOR_PAIRS; }
static inline int respond_maxy(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)x; return y; }
static inline int respond_maxx(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)y; return x; }

// Asks terminfo whether it knows a terminal type, without letting ncurses print or exit on failure.
// Returns 1 when known, 0 when the type is unknown, -1 when no terminfo database was found.
static inline int respond_terminfo_status(const char *term, int fd) {
    int status = 0;
    if (setupterm(term, fd, &status) == OK) {
        del_curterm(cur_term);
        return 1;
    }
    return status;
}
static inline int respond_key_f(int n) { return KEY_F(n); }

#endif
