// A local put in place of a field's pointer and put back under `if (saved)` (musl's vfprintf): it
// stays only when the field held a null pointer; the finding says so, at -O0 and -O2 alike.
// RUN: %clang -c -O0 %ptrcheck_both %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:
// RUN: %clang -c -O2 %ptrcheck_both %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:
struct file { unsigned char *buf; unsigned long size; };
int core(struct file *f);
void flush(struct file *f);

int print(struct file *f) {
  unsigned char internal[80], *saved = 0;
  int ret;
  if (!f->size) {
    saved = f->buf;
    f->buf = internal;
    f->size = sizeof internal;
  }
  ret = core(f);
  if (saved) {
    flush(f);
    f->buf = saved;
    f->size = 0;
  }
  return ret;
}
// CHECK: stack-escape-saved.c:14:12: warning: address of local 'internal' escapes into field 'buf' of 'struct file' through parameter 'f' [ptrcheck-stack-escape]
// CHECK: stack-escape-saved.c:10:17: note: 'internal' declared here; its storage ends when 'print' returns
// CHECK: stack-escape-saved.c:20:12: note: it stays there only if the pointer it replaced was null: the saved pointer is put back here only when it is not null

// the same spelled by macros, the test written `!= 0`
#define SWAP_IN(f, b, s) ((s) = (f)->buf, (f)->buf = (b))
#define SWAP_OUT(f, s) do { if ((s) != 0) (f)->buf = (s); } while (0)
int print_macro(struct file *f) {
  unsigned char internal[16];
  unsigned char *saved;
  SWAP_IN(f, internal, saved);
  int ret = core(f);
  SWAP_OUT(f, saved);
  return ret;
}
// CHECK: stack-escape-saved.c:35:3: warning: address of local 'internal' escapes into field 'buf' of 'struct file' through parameter 'f' [ptrcheck-stack-escape]
// CHECK: stack-escape-saved.c:30:52: note: expanded from macro 'SWAP_IN'
// CHECK: stack-escape-saved.c:33:17: note: 'internal' declared here; its storage ends when 'print_macro' returns
// CHECK: stack-escape-saved.c:37:3: note: it stays there only if the pointer it replaced was null
// CHECK: stack-escape-saved.c:31:52: note: expanded from macro 'SWAP_OUT'

// put back on every path: silent (overwritten on every path)
int print_always(struct file *f) {
  unsigned char internal[16];
  unsigned char *saved = f->buf;
  f->buf = internal;
  int ret = core(f);
  f->buf = saved;
  return ret;
}

// the saved pointer is changed after the swap, or the test is of something else: the plain finding
int print_changed(struct file *f, unsigned char *other) {
  unsigned char internal[16];
  unsigned char *saved = f->buf;
  f->buf = internal;
  int ret = core(f);
  if (ret)
    saved = 0;
  if (saved)
    f->buf = saved;
  return ret;
}
// CHECK: stack-escape-saved.c:60:10: warning: address of local 'internal' escapes into field 'buf' of 'struct file' through parameter 'f' [ptrcheck-stack-escape]
// CHECK: stack-escape-saved.c:58:17: note: 'internal' declared here; its storage ends when 'print_changed' returns
int print_other(struct file *f, unsigned char *other) {
  unsigned char internal[16];
  unsigned char *saved = f->buf;
  f->buf = internal;
  int ret = core(f);
  if (other)
    f->buf = saved;
  return ret;
}
// CHECK: stack-escape-saved.c:73:10: warning: address of local 'internal' escapes into field 'buf' of 'struct file' through parameter 'f' [ptrcheck-stack-escape]
// CHECK: stack-escape-saved.c:71:17: note: 'internal' declared here; its storage ends when 'print_other' returns
// the value saved is read after the swap (it is the local): no such condition
int print_late(struct file *f) {
  unsigned char internal[16];
  f->buf = internal;
  unsigned char *saved = f->buf;
  int ret = core(f);
  if (saved)
    f->buf = 0;
  return ret;
}
// CHECK: stack-escape-saved.c:84:10: warning: address of local 'internal' escapes into field 'buf' of 'struct file' through parameter 'f' [ptrcheck-stack-escape]
// CHECK: stack-escape-saved.c:83:17: note: 'internal' declared here; its storage ends when 'print_late' returns
