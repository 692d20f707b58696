// ptrcheck-stack-escape, AST part: addresses used after their block ends, in the shapes the
// replay must follow (issue 12): compound literals, both arms of a conditional, copies.
// RUN: %clang -c -O0 %ptrcheck_both -Xclang -verify -Xclang -verify-ignore-unexpected=note %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -Xclang -verify -Xclang -verify-ignore-unexpected=note %s -o %t.o
#include <string.h>
struct pt { int x, y; };
int pick(int);
void sink(const void *);

int literal_after_block(int c) {
  int *p = 0;
  if (c) {
    p = (int[]){1, 2, 3};
  }
  return *p; // expected-warning {{address of a compound literal is used through 'p' after the block of the compound literal ends}}
}
int struct_literal_after_block(int c) {
  struct pt *q = 0;
  {
    q = &(struct pt){c, 2};
    q->y = 3;
  }
  return q->x; // expected-warning {{address of a compound literal is used through 'q' after the block of the compound literal ends}}
}
#define TMP_ARRAY(...) ((int[]){__VA_ARGS__})
int literal_macro(void) {
  int *p;
  {
    p = TMP_ARRAY(4, 5);
  }
  return p[1]; // expected-warning {{address of a compound literal is used through 'p' after the block}}
}
int cond_after_block(int c) {
  int *p;
  {
    int a = 1, b = 2;
    p = c ? &a : &b;
  }
  return *p; // expected-warning {{address of local 'a' is used through 'p' after the block of 'a' ends}}
}
int cond_arrays_after_block(int c) {
  char *p;
  {
    char a[4] = "a", b[4] = "b";
    p = pick(c) ? a : b;
  }
  return p[0]; // expected-warning {{address of local 'a' is used through 'p' after the block of 'a' ends}}
}
int cond_one_arm(int c, int *other) {
  int *p;
  {
    int a = 1;
    p = c ? other : &a;
  }
  return *p; // expected-warning {{address of local 'a' is used through 'p' after the block of 'a' ends}}
}
int cond_copy(int c, int *other) {
  int *p, *q;
  {
    int a = 1;
    q = &a;
    p = c ? q : other;
  }
  return *p; // expected-warning {{address of local 'a' is used through 'p' after the block of 'a' ends}}
}
// the block returns on one path only: the other path falls through
int returns_sometimes(int c) {
  int *p = 0;
  {
    int x = c;
    p = &x;
    if (c)
      return *p;
  }
  return *p; // expected-warning {{address of local 'x' is used through 'p' after the block of 'x' ends}}
}
// a pointer into the local returned by a library function, or moved along it, still points into it
void search_after_block(const char *s) {
  char *t;
  {
    char a[] = "123";
    t = strstr(a, s);
    sink(t++);
  }
  sink(t); // expected-warning {{address of local 'a' is used through 't' after the block of 'a' ends}}
}
int advanced_after_block(void) {
  int *p;
  {
    int a[4] = {0};
    p = a;
    p += 2;
  }
  return *p; // expected-warning {{address of local 'a' is used through 'p' after the block of 'a' ends}}
}
