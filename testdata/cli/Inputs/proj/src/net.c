#include "tagged.h"

#ifndef NET_LONG
#error "compile_commands.json must give -DNET_LONG=long"
#endif

NET_LONG as_long(void *p) {
  return (NET_LONG)p;
}

void *tagged_too(void *p) { return tag_pointer(p); }

/* also built for Windows: ptrcheck counts 64-bit Windows among this file's targets */
#ifdef _WIN32
#endif
