#ifndef OSTROM_CSTEMMER_H
#define OSTROM_CSTEMMER_H

/* Snowball's stemmers (Debian libstemmer-dev). */
#include <libstemmer.h>

#endif
