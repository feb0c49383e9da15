#ifndef OSTROM_CMAPPEDFILES_H
#define OSTROM_CMAPPEDFILES_H

/* Files mapped for reading. Another program may cut a file short while it
 * is mapped: reading past its new end would raise SIGBUS and end ostrom.
 * While a mapping is watched, SIGBUS there puts zero pages in its place
 * from that page to the mapping's end, and marks it cut short, so that the
 * load goes on and can say so. Any other SIGBUS goes to whoever had it
 * before. At most 64 mappings are watched at once. */
#include <stddef.h>

/* Watches `length` bytes at `start` (a mapping's start); 0 when all slots are taken. */
int ostrom_mapped_watch(void *start, size_t length);

/* Stops watching the mapping at `start`, before it is unmapped; whether it was cut short. */
int ostrom_mapped_unwatch(void *start);

/* Whether `address` is in a watched mapping. */
int ostrom_mapped_holds(const void *address);

/* Whether the watched mapping holding `address` was cut short. */
int ostrom_mapped_was_cut_short(const void *address);

/* Puts the handler on top of SIGBUS's handlers again, when another was
 * installed since (the terminal's crash handler). */
void ostrom_mapped_handle_bus_errors(void);

#endif
