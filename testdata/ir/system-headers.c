// IR findings in inline functions of headers carry the header's file:line:col (not the .c file at
// line 0); those in system headers (-isystem) are dropped, as clang drops its own warnings there,
// unless -fplugin-arg-ptrcheck-system-headers, `system-headers: true` or -Wsystem-headers asks for
// them.  At -O0 and -O2, without -g.
// RUN: %clang -c -O0 %ptrcheck_both -isystem %S/Inputs/sys -I %S/Inputs/user %s -o %t.o 2>&1 | FileCheck %s --check-prefix=DEFAULT --implicit-check-not=warning:
// RUN: %clang -c -O2 %ptrcheck_both -isystem %S/Inputs/sys -I %S/Inputs/user %s -o %t.o 2>&1 | FileCheck %s --check-prefix=DEFAULT --implicit-check-not=warning:
// DEFAULT-DAG: ptrcheck-user.h:9:10: warning: pointer bits set with '|' and used as a pointer through local 'u'{{.*}} [ptrcheck-int-roundtrip]
// DEFAULT-DAG: ptrcheck-user.h:7:17: note: pointer converted to integer here
//
// Only system-header findings: -Werror builds stay green.
// RUN: %clang -c -O0 -Werror %ptrcheck_both -DONLY_SYSTEM -isystem %S/Inputs/sys -I %S/Inputs/user %s -o %t.o 2>&1 | count 0
// RUN: %clang -c -O2 -Werror %ptrcheck_both -DONLY_SYSTEM -isystem %S/Inputs/sys -I %S/Inputs/user %s -o %t.o 2>&1 | count 0
//
// Asked for, they are shown at their own location in the system header.
// RUN: %clang -c -O0 %ptrcheck_both -fplugin-arg-ptrcheck-system-headers -isystem %S/Inputs/sys -I %S/Inputs/user %s -o %t.o 2>&1 | FileCheck %s --check-prefixes=DEFAULT,SYSTEM --implicit-check-not=warning:
// RUN: %clang -c -O2 %ptrcheck_both -fplugin-arg-ptrcheck-system-headers=true -isystem %S/Inputs/sys -I %S/Inputs/user %s -o %t.o 2>&1 | FileCheck %s --check-prefixes=DEFAULT,SYSTEM --implicit-check-not=warning:
// RUN: %clang -c -O0 %ptrcheck_both -fplugin-arg-ptrcheck-config=%S/Inputs/system-headers.ptrcheck.yaml -isystem %S/Inputs/sys -I %S/Inputs/user %s -o %t.o 2>&1 | FileCheck %s --check-prefixes=DEFAULT,SYSTEM --implicit-check-not=warning:
// RUN: %clang -c -O2 %ptrcheck_both -Wsystem-headers -Wno-macro-redefined -isystem %S/Inputs/sys -I %S/Inputs/user %s -o %t.o 2>&1 | FileCheck %s --check-prefixes=DEFAULT,SYSTEM --implicit-check-not=warning:
// SYSTEM-DAG: ptrcheck-sys.h:10:10: warning: pointer bits set with '|' and used as a pointer through local 'u'{{.*}} [ptrcheck-int-roundtrip]
// SYSTEM-DAG: ptrcheck-sys.h:8:17: note: pointer converted to integer here
// SYSTEM-DAG: ptrcheck-sys.h:15:8: warning: address of local 'x' escapes {{.*}}[ptrcheck-stack-escape]
//
// The plugin argument wins over the configuration file.
// RUN: %clang -c -O0 %ptrcheck_both -fplugin-arg-ptrcheck-config=%S/Inputs/system-headers.ptrcheck.yaml -fplugin-arg-ptrcheck-system-headers=false -isystem %S/Inputs/sys -I %S/Inputs/user %s -o %t.o 2>&1 | FileCheck %s --check-prefix=DEFAULT --implicit-check-not=warning:
// RUN: not %clang -c -O0 %ptrcheck_both -fplugin-arg-ptrcheck-system-headers=maybe %s -o %t.o 2>&1 | FileCheck %s --check-prefix=BADARG
// BADARG: error: ptrcheck: unknown plugin argument 'system-headers=maybe' (expected config=FILE, checks=GLOBS, output=FILE, system-headers[=true|false] or analysis-only)
#include <ptrcheck-sys.h>
#include <ptrcheck-user.h>

void *use_system(void *p, int **out) {
  sys_publish(out);
  return sys_tag(p);
}

#ifndef ONLY_SYSTEM
void *use_user(void *p) { return user_tag(p); }
#endif
