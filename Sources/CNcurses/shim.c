#include "CNcurses.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <pthread.h>

static volatile sig_atomic_t exit_signal = 0;
static volatile sig_atomic_t suspend_requested = 0;
static struct termios saved_termios;
static volatile sig_atomic_t have_saved_termios = 0;

static void record_exit_signal(int signal_number) { exit_signal = signal_number; }
static void record_suspend(int signal_number) { (void)signal_number; suspend_requested = 1; }

static void install(int signal_number, void (*handler)(int)) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    sigaction(signal_number, &action, NULL);
}

void ostrom_install_signal_handlers(void) {
    install(SIGINT, record_exit_signal);
    install(SIGTERM, record_exit_signal);
    install(SIGHUP, record_exit_signal);
    install(SIGTSTP, record_suspend);
}

int ostrom_exit_signal(void) { return exit_signal; }

void ostrom_clear_exit_signal(void) { exit_signal = 0; }

int ostrom_take_suspend_request(void) {
    int requested = suspend_requested;
    suspend_requested = 0;
    return requested;
}

void ostrom_stop_self(void) {
    install(SIGTSTP, SIG_DFL);
    raise(SIGTSTP);
    /* Running again after SIGCONT. */
    install(SIGTSTP, record_suspend);
}

void ostrom_save_terminal_state(void) {
    if (tcgetattr(STDIN_FILENO, &saved_termios) == 0) have_saved_termios = 1;
}

void ostrom_restore_terminal_state(void) {
    if (have_saved_termios) tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
}

/* Attributes off, mouse reporting off, cursor on, leave the alternate screen. */
static const char reset_sequence[] = "\033[0m\033[?1000l\033[?1002l\033[?1006l\033[?25h\033[?1049l\r\n";

static const int crash_signals[] = { SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGQUIT, SIGSYS, SIGXCPU, SIGXFSZ };
static struct sigaction previous_crash_actions[sizeof crash_signals / sizeof crash_signals[0]];

static void restore_terminal_after_crash(int signal_number) {
    ostrom_restore_terminal_state();
    ssize_t ignored = write(STDOUT_FILENO, reset_sequence, sizeof reset_sequence - 1);
    (void)ignored;
    /* Hand the signal to whoever had it before (the Swift runtime's
       backtracer, or the default action) so a crash report still appears. */
    for (size_t index = 0; index < sizeof crash_signals / sizeof crash_signals[0]; index++) {
        if (crash_signals[index] == signal_number) sigaction(signal_number, &previous_crash_actions[index], NULL);
    }
    raise(signal_number);
    /* A handler that returned (the backtracer, for a signal another
       process sent) must not leave the program running without its
       terminal: end it with the signal's own status. */
    struct sigaction default_action;
    memset(&default_action, 0, sizeof default_action);
    default_action.sa_handler = SIG_DFL;
    sigemptyset(&default_action.sa_mask);
    sigaction(signal_number, &default_action, NULL);
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, signal_number);
    pthread_sigmask(SIG_UNBLOCK, &only, NULL);
    raise(signal_number);
    _exit(128 + signal_number);
}

void ostrom_install_crash_handler(void) {
    for (size_t index = 0; index < sizeof crash_signals / sizeof crash_signals[0]; index++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = restore_terminal_after_crash;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_NODEFER | SA_RESETHAND;
        sigaction(crash_signals[index], &action, &previous_crash_actions[index]);
    }
}

int ostrom_input_hung_up(void) {
    struct pollfd descriptor = { .fd = STDIN_FILENO, .events = POLLIN, .revents = 0 };
    if (poll(&descriptor, 1, 0) < 0) return errno != EINTR;
    return (descriptor.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

void ostrom_unblock_signals(void) {
    sigset_t empty;
    sigemptyset(&empty);
    pthread_sigmask(SIG_SETMASK, &empty, NULL);
}
