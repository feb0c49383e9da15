#define _GNU_SOURCE
#include "cmappedfiles.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

enum { slot_count = 64 };

/* A slot is free while its start is 0; taken by compare-and-swap, so that
 * the handler, which may run on any thread, reads only whole entries. */
static struct {
    _Atomic uintptr_t start;
    _Atomic size_t length;
    _Atomic int cut;
} slots[slot_count];

/* What had SIGBUS when the handler was last put on top, and when it was
 * first installed. */
static struct sigaction previous, first_previous;
static int installed;
/* Set once a signal is passed on: a handler passed to that hands it back
 * here (the terminal's crash handler, whose own previous one this is) is
 * then followed by the first one, not by itself again. */
static volatile sig_atomic_t passing_on;
static pthread_mutex_t install_lock = PTHREAD_MUTEX_INITIALIZER;
static uintptr_t page_size;

static void on_bus_error(int signal_number, siginfo_t *info, void *context) {
    (void)context;
    uintptr_t address = (uintptr_t)info->si_addr;
    if (info->si_code > 0) {
        for (int index = 0; index < slot_count; index++) {
            uintptr_t start = atomic_load(&slots[index].start);
            size_t length = atomic_load(&slots[index].length);
            if (start == 0 || address < start || address >= start + length) continue;
            uintptr_t first = address & ~(page_size - 1);
            /* mmap is a system call: safe here in practice, though POSIX does not list it. */
            void *zeros = mmap((void *)first, start + length - first, PROT_READ | PROT_WRITE,
                               MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
            if (zeros == MAP_FAILED) break;
            atomic_store(&slots[index].cut, 1);
            return; /* The read is made again, on zeros. */
        }
    }
    /* Not a watched mapping's: as if this handler had never been there. A
     * fault happens again on return; a signal sent is sent again. */
    const struct sigaction *next = passing_on ? &first_previous : &previous;
    passing_on = 1;
    sigaction(signal_number, next, NULL);
    if (info->si_code <= 0) raise(signal_number);
}

void ostrom_mapped_handle_bus_errors(void) {
    pthread_mutex_lock(&install_lock);
    page_size = (uintptr_t)sysconf(_SC_PAGESIZE);
    struct sigaction current;
    sigaction(SIGBUS, NULL, &current);
    if (!(current.sa_flags & SA_SIGINFO) || current.sa_sigaction != on_bus_error) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_sigaction = on_bus_error;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_SIGINFO | SA_NODEFER;
        sigaction(SIGBUS, &action, &previous);
        if (!installed) first_previous = previous;
        installed = 1;
    }
    pthread_mutex_unlock(&install_lock);
}

int ostrom_mapped_watch(void *start, size_t length) {
    ostrom_mapped_handle_bus_errors();
    for (int index = 0; index < slot_count; index++) {
        uintptr_t free_slot = 0;
        if (atomic_compare_exchange_strong(&slots[index].start, &free_slot, (uintptr_t)start)) {
            atomic_store(&slots[index].cut, 0);
            atomic_store(&slots[index].length, length);
            return 1;
        }
    }
    return 0;
}

int ostrom_mapped_unwatch(void *start) {
    for (int index = 0; index < slot_count; index++) {
        if (atomic_load(&slots[index].start) != (uintptr_t)start) continue;
        int cut = atomic_load(&slots[index].cut);
        atomic_store(&slots[index].length, 0);
        atomic_store(&slots[index].start, 0);
        return cut;
    }
    return 0;
}

/* The slot of the watched mapping holding `address`, or -1. */
static int slot_holding(const void *address) {
    for (int index = 0; index < slot_count; index++) {
        uintptr_t start = atomic_load(&slots[index].start);
        if (start != 0 && (uintptr_t)address >= start && (uintptr_t)address < start + atomic_load(&slots[index].length)) return index;
    }
    return -1;
}

int ostrom_mapped_holds(const void *address) {
    return slot_holding(address) >= 0;
}

int ostrom_mapped_was_cut_short(const void *address) {
    int index = slot_holding(address);
    return index >= 0 && atomic_load(&slots[index].cut);
}
