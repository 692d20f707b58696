/* ptrcheck demo: hard-coded struct offsets that differ between targets. */
#include <stdint.h>
#include <string.h>

struct event { char tag; long id; double when; };

/* 'id' is at 8 on LP64 targets but at 4 on i686, armv7 and 64-bit Windows (a 4-byte long). */
long event_id(const struct event *e) { return *(const long *)((const char *)e + 8); }

_Static_assert(sizeof(struct event) == 24, "wire size");   /* 16 where long is 4 bytes */
