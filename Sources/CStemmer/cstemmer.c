/* The module is the header; SwiftPM wants one source file in a C target. */
#include "cstemmer.h"
