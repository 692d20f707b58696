// Text output of ptrcheck-stack-escape without -g, at -O0 and -O2: file:line:col, names, notes.
// RUN: %clang -c -O0 %ptrcheck_both -Wno-return-stack-address %s -o %t.o 2>&1 | FileCheck %s
// RUN: %clang -c -O2 %ptrcheck_both -Wno-return-stack-address %s -o %t.o 2>&1 | FileCheck %s
int *g_saved;
void keep(int *p) { g_saved = p; }
void forward(int *p) { keep(p); }

void escape(void) {
  int x = 0;
  forward(&x);
}
// CHECK: stack-escape-text.c:10:3: warning: address of local 'x' escapes into global 'g_saved' via call to 'forward' [ptrcheck-stack-escape]
// CHECK: stack-escape-text.c:9:7: note: 'x' declared here; its storage ends when 'escape' returns
// CHECK: stack-escape-text.c:6:24: note: 'forward' passes its parameter 'p' to 'keep' here
// CHECK: stack-escape-text.c:5:29: note: 'keep' lets its parameter 'p' escape into global 'g_saved' here

int *ret(int c) {
  int a = 1, b = 2;
  int *p = c ? &a : &b;
  return p;
}
// CHECK: stack-escape-text.c:20:3: warning: address of local 'a' escapes through the return value of 'ret' [ptrcheck-stack-escape]
// CHECK: stack-escape-text.c:18:7: note: 'a' declared here; its storage ends when 'ret' returns

struct node { struct node *next; };
void link(struct node **head) {
  struct node n;
  n.next = *head;
  *head = &n;
}
// CHECK: stack-escape-text.c:29:9: warning: address of local 'n' escapes into the memory parameter 'head' points to [ptrcheck-stack-escape]
// CHECK: stack-escape-text.c:27:15: note: 'n' declared here; its storage ends when 'link' returns
// CHECK-NOT: warning:
