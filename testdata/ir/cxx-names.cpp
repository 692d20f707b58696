// C++: messages name functions, callees, globals and static members as the source spells them
// (demangled through the host LLVM on the IR side, qualified names on the AST side), never by their
// mangled symbols; `this` is named; lambda bodies have their own locations.  -O0 and -O2, both
// plugins; the pass plugin alone names functions the same way (cxx-names-alone.test).
// RUN: %clang -x c++ -c -O0 %ptrcheck_both -Wno-return-stack-address %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=_Z
// RUN: %clang -x c++ -c -O2 %ptrcheck_both -Wno-return-stack-address %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=_Z
// RUN: %clang -x c++ -fsyntax-only -fplugin=%ptrcheck_plugin %s 2>&1 | FileCheck %s --check-prefix=AST --implicit-check-not=_Z
#include <stdint.h>
#include <stdlib.h>

static int *saved;
void keep(int *p) { saved = p; }
void g() {
  int x = 0;
  keep(&x);
}
// CHECK-DAG: cxx-names.cpp:[[@LINE-2]]:3: warning: address of local 'x' escapes into global 'saved' via call to 'keep(int*)' [ptrcheck-stack-escape]
// CHECK-DAG: cxx-names.cpp:[[@LINE-4]]:7: note: 'x' declared here; its storage ends when 'g()' returns
// CHECK-DAG: cxx-names.cpp:[[@LINE-7]]:27: note: 'keep(int*)' lets its parameter 'p' escape into global 'saved' here
// ALONE-DAG: warning: address of a local variable escapes into global 'saved' via call to 'keep(int*)' [ptrcheck-stack-escape]
// ALONE-DAG: note: the local variable declared here; its storage ends when 'g()' returns

struct S {
  int *m;
  void f();
  static uintptr_t bits;
};
void S::f() {
  int z = 0;
  m = &z;
}
// CHECK-DAG: cxx-names.cpp:[[@LINE-2]]:5: warning: address of local 'z' escapes into field 'm' of 'struct S' through parameter 'this' [ptrcheck-stack-escape]
// CHECK-DAG: cxx-names.cpp:[[@LINE-4]]:7: note: 'z' declared here; its storage ends when 'S::f()' returns
uintptr_t S::bits;
void set_bits(void *p) { S::bits = (uintptr_t)p; }
void *from_bits() { return (void *)S::bits; }
// CHECK-DAG: cxx-names.cpp:[[@LINE-1]]:28: warning: pointer converted to an integer and back to a pointer through global 'S::bits' [ptrcheck-int-roundtrip]
// ALONE-DAG: warning: pointer converted to an integer and back to a pointer through global 'S::bits' (in function 'from_bits()') [ptrcheck-int-roundtrip]

namespace ns {
uintptr_t raw;
void put(void *p) { raw = (uintptr_t)p; }
void *get() { return (void *)raw; }
// CHECK-DAG: cxx-names.cpp:[[@LINE-1]]:22: warning: pointer converted to an integer and back to a pointer through global 'ns::raw' [ptrcheck-int-roundtrip]
// ALONE-DAG: warning: pointer converted to an integer and back to a pointer through global 'ns::raw' (in function 'ns::get()') [ptrcheck-int-roundtrip]
} // namespace ns

inline void *lam(void *p) {
  auto f = [](void *q) {
    uintptr_t u = (uintptr_t)q;
    u |= 1;
    return (void *)u;
  };
  return f(p);
}
void *use_lam(void *p) { return lam(p); }
// CHECK-DAG: cxx-names.cpp:[[@LINE-5]]:12: warning: pointer bits set with '|' and used as a pointer through local 'u'{{.*}} [ptrcheck-int-roundtrip]

// Lambdas of a non-inline function are numbered by clang's code generator in its own order ($_0,
// $_1), which the AST cannot know: their IR findings name the lambda but claim no line (here the
// order of emission differs between -O0 and -O2), never another lambda's line.
void *two(void *p, int c) {
  auto a = [](void *q) {
    uintptr_t u2 = (uintptr_t)q;
    u2 |= 1;
    return (void *)u2;
  };
  auto b = [](void *q) {
    uintptr_t v2 = (uintptr_t)q;
    v2 += 16;
    return (void *)v2;
  };
  void *r = b(p);
  return c ? a(r) : r;
}
// CHECK-DAG: warning: pointer bits set with '|' and used as a pointer through a local variable{{.*}} (in function 'two(void*, int)::$_{{[0-9]+}}::operator()(void*) const') [ptrcheck-int-roundtrip]
// CHECK-DAG: warning: pointer arithmetic done on an integer and converted back to a pointer through a local variable; do the arithmetic on a 'char *' instead (in function 'two(void*, int)::$_{{[0-9]+}}::operator()(void*) const') [ptrcheck-int-roundtrip]

// AST side: a slice header over a namespace-scope array names it qualified.
struct span { char *data; size_t len; };
namespace ns {
char buf[8];
}
span whole() { return span{ns::buf, 16}; }
// CHECK-DAG: cxx-names.cpp:[[@LINE-1]]:{{[0-9]+}}: warning: {{.*}}'ns::buf'{{.*}} [ptrcheck-slice-forge]
// AST: cxx-names.cpp:[[@LINE-2]]:{{[0-9]+}}: warning: {{.*}}'ns::buf'{{.*}} [ptrcheck-slice-forge]
