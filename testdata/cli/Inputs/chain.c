/* Input of sarif-codeflow.test: a stack escape through a chain of calls (three notes) and a round
 * trip through a local (one note). */
#include <stdint.h>

int *g_saved;

void keep(int *p) { g_saved = p; }
void forward(int *p) { keep(p); }

void escape(void) {
  int x = 1;
  forward(&x);
}

void *tag(void *p) {
  uintptr_t u = (uintptr_t)p;
  u |= 1;
  return (void *)u;
}
