/* A header with AST findings (testdata/tidy/system-headers.test), included as a system header
   (-isystem) or as the project's own (-I). */
#include <stddef.h>
#include <stdint.h>
struct ev { char t; long n; double w; };
struct sl { char *data; size_t len; };
static char sbuf[4];
static inline double sys_w(struct ev *e) { return *(double *)((char *)e + 16); }
static inline struct sl sys_sl(void) { struct sl s = { sbuf, 64 }; return s; }
static inline void *sys_rt(void *p) { return (void *)((uintptr_t)p | 1); }
