#ifndef OSTROM_CZSTD_H
#define OSTROM_CZSTD_H

/* Zstandard (Debian libzstd-dev), for the long texts kept compressed. */
#include <stddef.h>
#include <zstd.h>

/* The block `block` of `owner` (a number no two owners share),
 * `sourceSize` bytes at `source` that decompress to `length` bytes,
 * decompressed into this thread's buffer: valid until this thread's next
 * call. The thread's last block is kept, so that reading its texts one
 * after another decompresses it once, whatever other threads read. NULL
 * when Zstandard fails or memory runs out. */
const unsigned char *ostrom_zstd_block(unsigned long long owner, long block, const void *source, size_t sourceSize,
                                       size_t length);

#endif
