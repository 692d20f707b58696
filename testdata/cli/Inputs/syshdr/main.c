/* testdata/cli/system-headers.test: calls the inline functions of a system and a user header. */
#include <ptrcheck-sys.h>
#include <ptrcheck-user.h>

void *use_system(void *p, int **out) {
  sys_publish(out);
  return sys_tag(p);
}

void *use_user(void *p) { return user_tag(p); }
