// Silent twins of stack-escape-blocks.c: the address does not outlive its block, or the block's
// assignment cannot reach the use.
// RUN: %clang -c -O0 %ptrcheck_both -Xclang -verify %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -Xclang -verify %s -o %t.o
// expected-no-diagnostics
#include <stdlib.h>
#include <string.h>
struct pt { int x, y; };
int use(int *p);
int g_fallback;

// a compound literal used inside its block, or one of the function's top-level block
int literal_in_block(int c) {
  int r = 0;
  if (c) {
    int *p = (int[]){1, 2, 3};
    r = p[1];
  }
  return r;
}
int literal_top(void) {
  int *p = (int[]){1, 2};
  return p[0];
}
// re-pointed before the block ends
int cond_repointed(int c) {
  int *p = &g_fallback;
  {
    int a = 1, b = 2;
    p = c ? &a : &b;
    use(p);
    p = &g_fallback;
  }
  return *p;
}
// a block that always returns: what it assigned never reaches the code after it
int block_returns(int c) {
  int *p = &g_fallback;
  if (c) {
    int x = c;
    p = &x;
    return use(p);
  }
  return *p;
}
#define FAIL_WITH(v) do { return (v); } while (0)
int block_returns_nested(int c) {
  int *p = &g_fallback;
  while (c > 0) {
    int x = c;
    p = &x;
    {
      use(p);
      return 1;
    }
  }
  return *p;
}
int block_aborts(int c) {
  int *p = &g_fallback;
  if (c) {
    int x = c;
    p = (int[]){x};
    use(p);
    abort();
  }
  return *p;
}
int literal_returns(int c) {
  struct pt *q = 0;
  if (c) {
    q = &(struct pt){c, 2};
    return q->x;
  }
  return q ? q->y : 0;
}
int block_returns_macro(int c) {
  int *p = &g_fallback;
  if (c) {
    int x = c;
    p = &x;
    use(p);
    FAIL_WITH(-1);
  }
  return *p;
}
// a library search in memory that is not the block's
static char g_text[16] = "abc";
int search_global(void) {
  char *t;
  {
    char a[4] = "b";
    t = strchr(g_text, a[0]);
  }
  return t ? *t : 0;
}
