/* ptrcheck demo: slice headers that claim more memory than exists. */
#include <stdlib.h>
#include <sys/uio.h>

typedef struct { void *data; long len; long cap; } GoSlice;

GoSlice too_long(void) {
  static char buf[16];
  GoSlice s = {buf, 32, 32};       /* 32 bytes claimed over a 16-byte array */
  return s;
}

struct iovec header(const char *msg) {
  struct iovec v = {(void *)msg, sizeof(msg)};   /* the size of the pointer, not of the data */
  return v;
}

GoSlice fine(size_t n) {
  GoSlice s = {malloc(n), (long)n, (long)n};
  return s;
}
