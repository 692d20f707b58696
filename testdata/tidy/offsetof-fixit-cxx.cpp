// The offsetof fix-it in C++ names the record with its scope and kind ('struct net::Buf',
// 'class net::Conn', 'struct net::Conn::In', 'struct V<double>', 'n2::TD2'), so the fixed code
// compiles outside the namespace, and adds #include <stddef.h> to a file that includes nothing:
// through the plugin (clang -Xclang -fixit) and clang-tidy --fix; the fixed file compiles with
// -Werror -Wall -Wextra and both plugins, silently.  Records that need no scope (anonymous
// namespace, extern "C", file scope, function-local) keep their plain name.
// REQUIRES: ptrcheck-tidy
// RUN: rm -rf %t && mkdir -p %t && grep -v '^//' %s > %t/plugin.cpp && cp %t/plugin.cpp %t/tidy.cpp
// RUN: %clang -target x86_64-linux-gnu -fsyntax-only -fplugin=%ptrcheck_plugin -Xclang -fixit %t/plugin.cpp 2>&1 | FileCheck %s --check-prefix=WARN
// RUN: FileCheck %s --check-prefix=FIXED --input-file=%t/plugin.cpp
// RUN: %clang -target x86_64-linux-gnu -c -Wall -Wextra -Werror %ptrcheck_both %t/plugin.cpp -o %t/plugin.o 2>&1 | count 0
//
// RUN: %clang_tidy --load=%ptrcheck_tidy --checks='-*,ptrcheck-*' --config='{}' --fix %t/tidy.cpp -- -target x86_64-linux-gnu > %t/tidy.out 2>&1
// RUN: FileCheck %s --check-prefix=FIXED --input-file=%t/tidy.cpp
// RUN: %clang -target x86_64-linux-gnu -c -Wall -Wextra -Werror %ptrcheck_both %t/tidy.cpp -o %t/tidy.o 2>&1 | count 0
//
// WARN-DAG: warning: byte offset 8 into 'struct net::Buf' is field 'len' here {{.*}}; use offsetof(struct net::Buf, len) [ptrcheck-offset-assumption]
// WARN-DAG: warning: byte offset 8 into 'class net::Conn' is field 'id' here {{.*}}; use offsetof(class net::Conn, id) [ptrcheck-offset-assumption]
// WARN-DAG: warning: byte offset 8 into 'struct net::Conn::In' is field 'b' here {{.*}}; use offsetof(struct net::Conn::In, b) [ptrcheck-offset-assumption]
// WARN-DAG: warning: byte offset 8 into 'struct V<double>' is field 't' here {{.*}}; use offsetof(struct V<double>, t) [ptrcheck-offset-assumption]
// WARN-DAG: warning: byte offset 8 into 'n2::TD2' is field 'x' here {{.*}}; use offsetof(n2::TD2, x) [ptrcheck-offset-assumption]
// WARN-DAG: warning: byte offset 8 into 'struct Anon' is field 'x' here {{.*}}; use offsetof(struct Anon, x) [ptrcheck-offset-assumption]
// WARN-DAG: warning: byte offset 8 into 'struct Cs' is field 'x' here {{.*}}; use offsetof(struct Cs, x) [ptrcheck-offset-assumption]
// WARN-DAG: warning: byte offset 8 into 'TD' is field 'x' here {{.*}}; use offsetof(TD, x) [ptrcheck-offset-assumption]
// WARN-DAG: warning: byte offset 8 into 'struct L' is field 'x' here {{.*}}; use offsetof(struct L, x) [ptrcheck-offset-assumption]
//
// FIXED:      {{^}}#include <stddef.h>
// FIXED-NEXT: {{^}}namespace net {
// FIXED:      {{^}}double off(net::Buf *b) { return *(double *)((char *)b + offsetof(struct net::Buf, len)); }
// FIXED-NEXT: {{^}}double off2(net::Conn *b) { return *(double *)((char *)b + offsetof(class net::Conn, id)); }
// FIXED-NEXT: {{^}}double off3(net::Conn::In *b) { return *(double *)((char *)b + offsetof(struct net::Conn::In, b)); }
// FIXED-NEXT: {{^}}double off4(V<double> *b) { return *(double *)((char *)b + offsetof(struct V<double>, t)); }
// FIXED-NEXT: {{^}}double off5(Anon *b) { return *(double *)((char *)b + offsetof(struct Anon, x)); }
// FIXED-NEXT: {{^}}double off6(Cs *b) { return *(double *)((char *)b + offsetof(struct Cs, x)); }
// FIXED-NEXT: {{^}}double off7(TD *b) { return *(double *)((char *)b + offsetof(TD, x)); }
// FIXED-NEXT: {{^}}double off8(n2::TD2 *b) { return *(double *)((char *)b + offsetof(n2::TD2, x)); }
// FIXED-NEXT: {{^}}double off9(void *p) { struct L { char c; double x; }; return *(double *)((char *)(L *)p + offsetof(struct L, x)); }
namespace net {
struct Buf { char *data; double len; };
class Conn {
public:
  char tag;
  double id;
  struct In { char a; double b; };
};
} // namespace net
template <class T> struct V { char c; T t; };
namespace { struct Anon { char c; double x; }; }
extern "C" { struct Cs { char c; double x; }; }
typedef struct { char c; double x; } TD;
namespace n2 { typedef struct { char c; double x; } TD2; }
double off(net::Buf *b) { return *(double *)((char *)b + 8); }
double off2(net::Conn *b) { return *(double *)((char *)b + 8); }
double off3(net::Conn::In *b) { return *(double *)((char *)b + 8); }
double off4(V<double> *b) { return *(double *)((char *)b + 8); }
double off5(Anon *b) { return *(double *)((char *)b + 8); }
double off6(Cs *b) { return *(double *)((char *)b + 8); }
double off7(TD *b) { return *(double *)((char *)b + 8); }
double off8(n2::TD2 *b) { return *(double *)((char *)b + 8); }
double off9(void *p) { struct L { char c; double x; }; return *(double *)((char *)(L *)p + 8); }
double use5(void *p) { return off5(static_cast<Anon *>(p)); }
