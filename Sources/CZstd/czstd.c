#include "czstd.h"

#include <pthread.h>
#include <stdlib.h>

/* A thread's decompression context and last block, freed when it ends. */
struct last_block {
    unsigned long long owner;
    long block;
    unsigned char *bytes;
    size_t capacity;
    ZSTD_DCtx *context;
};

static pthread_key_t last_block_key;
static pthread_once_t last_block_once = PTHREAD_ONCE_INIT;

static void release_last_block(void *pointer) {
    struct last_block *last = pointer;
    free(last->bytes);
    ZSTD_freeDCtx(last->context);
    free(last);
}

static void make_last_block_key(void) {
    pthread_key_create(&last_block_key, release_last_block);
}

const unsigned char *ostrom_zstd_block(unsigned long long owner, long block, const void *source, size_t sourceSize,
                                       size_t length) {
    pthread_once(&last_block_once, make_last_block_key);
    struct last_block *last = pthread_getspecific(last_block_key);
    if (last == NULL) {
        last = calloc(1, sizeof *last);
        if (last == NULL || pthread_setspecific(last_block_key, last) != 0) {
            free(last);
            return NULL;
        }
    }
    if (last->bytes != NULL && last->owner == owner && last->block == block) return last->bytes;
    if (last->context == NULL && (last->context = ZSTD_createDCtx()) == NULL) return NULL;
    if (last->capacity < length || last->bytes == NULL) {
        unsigned char *grown = realloc(last->bytes, length > 0 ? length : 1);
        if (grown == NULL) return NULL;
        last->bytes = grown;
        last->capacity = length > 0 ? length : 1;
    }
    last->owner = 0; /* no owner's: the bytes are being overwritten */
    size_t written = ZSTD_decompressDCtx(last->context, last->bytes, length, source, sourceSize);
    if (ZSTD_isError(written) || written != length) return NULL;
    last->owner = owner;
    last->block = block;
    return last->bytes;
}
