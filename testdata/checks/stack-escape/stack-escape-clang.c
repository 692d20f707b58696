// Clang's Sema already warns on `return &x` (-Wreturn-stack-address).  ptrcheck reports the same
// escape too, consistently (so NOLINT, SARIF and the CLI see every escape, and -Wno-return-stack-address
// does not hide it); the two warnings carry different tags.
// RUN: %clang -c -O0 %ptrcheck_both -Xclang -verify -Xclang -verify-ignore-unexpected=note %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -Xclang -verify -Xclang -verify-ignore-unexpected=note %s -o %t.o
int *direct(void) {
  int x = 0;
  return &x; // expected-warning {{address of stack memory associated with local variable 'x' returned}} expected-warning {{address of local 'x' escapes through the return value of 'direct'}}
}
