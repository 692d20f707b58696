// The arms of an if statement are alternatives: a pointer set to a block's local in one arm is
// not what a use in the other arm reads, however the source orders them (dash's umask: `ap = buf`
// in the then arm, `*ap` in the else arm).  Silent in every shape; stack-escape-arms.c has the
// uses that do follow the assignment.
// RUN: %clang -c -O0 %ptrcheck_both -Xclang -verify %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -Xclang -verify %s -o %t.o
// expected-no-diagnostics
int puts(const char *);
int use(const char *);
#define SCAN(p) do { while (*(p)) (p)++; } while (0)

// the dash shape: nested arms, the use in the outer else
int umask_like(char *arg, int sym) {
  char *ap;
  if ((ap = arg) == 0) {
    if (sym) {
      char buf[18];
      ap = buf;
      *ap++ = 'a';
      *ap = 0;
      puts(buf);
    } else {
      puts("x");
    }
  } else {
    while (*ap)
      ap++;
  }
  return 0;
}

// a plain if/else, the use in the else arm
int plain(const char *s, int c) {
  const char *p = s;
  if (c) {
    char tmp[8] = "abc";
    p = tmp;
    use(p);
  } else {
    use(p);
  }
  return 0;
}

// an else-if chain: each later arm starts from the state before the first
int chain(const char *s, int c) {
  const char *p = s;
  if (c == 1) {
    char a[4] = "a";
    p = a;
    use(p);
  } else if (c == 2) {
    use(p);
  } else {
    use(p);
  }
  return 0;
}

// through a copy and a macro
int copied(char *s, int c) {
  char *p = s, *q = s;
  if (c) {
    char buf[4] = "xy";
    q = buf;
    p = q;
    use(p);
  } else {
    SCAN(p);
    use(p);
  }
  return 0;
}

// the then arm has no braces of its own around the block
int unbraced(char *s, int c) {
  char *p = s;
  if (c)
    { char t[2] = "t"; p = t; use(p); }
  else
    use(p);
  return 0;
}
