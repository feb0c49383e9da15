#ifndef OSTROM_CNCURSES_H
#define OSTROM_CNCURSES_H

#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <signal.h>

/* ncurses macros and globals Swift cannot import. */
static inline WINDOW *ostrom_stdscr(void) { return stdscr; }
static inline int ostrom_colors(void) { return COLORS; }
static inline attr_t ostrom_a_bold(void) { return A_BOLD; }
static inline attr_t ostrom_a_reverse(void) { return A_REVERSE; }
static inline attr_t ostrom_a_underline(void) { return A_UNDERLINE; }
static inline attr_t ostrom_a_dim(void) { return A_DIM; }
static inline attr_t ostrom_a_normal(void) { return A_NORMAL; }
static inline int ostrom_key_code_yes(void) { return KEY_CODE_YES; }
static inline int ostrom_key_f(int n) { return KEY_F(n); }
static inline mmask_t ostrom_mouse_mask(void) { return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED; }
static inline int ostrom_is_press(mmask_t state) { return (state & (BUTTON1_PRESSED | BUTTON1_CLICKED)) != 0; }
static inline int ostrom_is_wheel_up(mmask_t state) { return (state & BUTTON4_PRESSED) != 0; }
static inline int ostrom_is_wheel_down(mmask_t state) { return (state & BUTTON5_PRESSED) != 0; }
static inline int ostrom_attr_set(WINDOW *window, attr_t attributes, short pair) { return wattr_set(window, attributes, pair, NULL); }

/* Signals: the handlers only record the signal; the main loop acts. */
void ostrom_install_signal_handlers(void);
/* The last SIGINT, SIGTERM or SIGHUP received, or 0. */
int ostrom_exit_signal(void);
/* Forgets a SIGINT that was used for something else (cancelling a search). */
void ostrom_clear_exit_signal(void);
/* Whether Ctrl-Z (SIGTSTP) asked to suspend since the last call. */
int ostrom_take_suspend_request(void);
/* Stops the process until SIGCONT, with the default SIGTSTP action. */
void ostrom_stop_self(void);

/* Crashes: restore the saved terminal state, then let the signal go on. */
void ostrom_save_terminal_state(void);
void ostrom_install_crash_handler(void);
/* Restores the saved terminal modes (also used on orderly exits). */
void ostrom_restore_terminal_state(void);

/* Whether stdin's terminal has hung up. */
int ostrom_input_hung_up(void);
/* Unblocks every signal for the calling thread (test runners block some). */
void ostrom_unblock_signals(void);

#endif
