#ifndef OSTROM_CPSEUDOTERMINAL_H
#define OSTROM_CPSEUDOTERMINAL_H

#include <stddef.h>

/* A new pseudo-terminal's master side, its slave's name written to
   `name`; -1 with errno set on failure. (posix_openpt and ptsname are not
   in Swift's Glibc module.) */
int ostrom_open_pseudo_terminal(char *name, size_t size);

/* posix_spawn's flag for a child in a session of its own (glibc 2.26). */
short ostrom_spawn_setsid_flag(void);

#endif
