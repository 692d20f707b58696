// Twins of stack-escape-arms-good.c whose use does follow the assignment: after the if statement
// (the then arm's assignment reaches it when the else arm leaves the pointer alone), inside the
// same arm, or in an else arm that itself points the pointer at a block's local.
// RUN: %clang -c -O0 %ptrcheck_both -Xclang -verify -Xclang -verify-ignore-unexpected=note %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -Xclang -verify -Xclang -verify-ignore-unexpected=note %s -o %t.o
int use(const char *);

int after_if(const char *s, int c) {
  const char *p = s;
  if (c) {
    char tmp[8] = "abc";
    p = tmp;
  } else {
    use(s);
  }
  return use(p); // expected-warning {{address of local 'tmp' is used through 'p' after the block of 'tmp' ends}}
}

int nested_then(const char *s, int c, int d) {
  const char *p = s;
  if (c) {
    if (d) {
      char a[4] = "a";
      p = a;
    } else {
      use(s);
    }
    use(p); // expected-warning {{address of local 'a' is used through 'p' after the block of 'a' ends}}
  } else {
    use(p);
  }
  return 0;
}

int else_arm_local(const char *s, int c) {
  const char *p = s;
  if (c) {
    use(p);
  } else {
    char b[4] = "b";
    p = b;
  }
  return use(p); // expected-warning {{address of local 'b' is used through 'p' after the block of 'b' ends}}
}

int both_arms(const char *s, int c) {
  const char *p = s;
  if (c) {
    char x[4] = "x";
    p = x;
  } else {
    char y[4] = "y";
    p = y;
  }
  return use(p); // expected-warning {{address of local 'y' is used through 'p' after the block of 'y' ends}}
}
