// layout-tables: pinned layouts win over computed ones; a table for a target that is not configured is
// a warning (once per TU); a malformed table is one file:line:col error and a failed compile.
// RUN: rm -rf %t && mkdir -p %t/good %t/bad && cp %s %t/good/t.c && cp %s %t/bad/t.c
// RUN: cp %S/Inputs/offset-tables.yaml %t/good/layouts.yaml
// RUN: printf 'targets: [x86_64-linux-gnu, i686-linux-gnu]\nlayout-tables: [layouts.yaml]\nchecks: ["-*", "ptrcheck-offset-assumption"]\n' > %t/good/.ptrcheck.yaml
// RUN: %clang -target x86_64-linux-gnu -fsyntax-only -fplugin=%ptrcheck_plugin %t/good/t.c 2>&1 | FileCheck %s
// RUN: cp %S/Inputs/offset-tables-bad.yaml %t/bad/layouts.yaml
// RUN: printf 'targets: [x86_64-linux-gnu, i686-linux-gnu]\nlayout-tables: [layouts.yaml]\n' > %t/bad/.ptrcheck.yaml
// RUN: not %clang -target x86_64-linux-gnu -fsyntax-only -fplugin=%ptrcheck_plugin %t/bad/t.c 2>&1 | FileCheck %s --check-prefix=BAD
// Without the table the computed i686 layout agrees with x86_64 (b at 4): silent.
// RUN: printf 'targets: [x86_64-linux-gnu, i686-linux-gnu]\n' > %t/good/.ptrcheck.yaml
// RUN: %clang -target x86_64-linux-gnu -fsyntax-only -fplugin=%ptrcheck_plugin %t/good/t.c 2>&1 | FileCheck %s --check-prefix=COMPUTED --allow-empty

struct pinned { int a; int b; };

int b_of(struct pinned *p) { return *(int *)((char *)p + 4); }
int b_again(struct pinned *p) { return *(int *)((char *)p + 4); }

// CHECK: layouts.yaml:11:11: warning: layout table has target 'riscv64-linux-gnu', which is not in the configured 'targets'; its layouts are not used [ptrcheck-offset-assumption]
// CHECK: t.c:16:58: warning: byte offset 4 into 'struct pinned' is field 'b' here but lands in padding on i686-linux-gnu; use offsetof(struct pinned, b) [ptrcheck-offset-assumption]
// CHECK-NOT: layout table has target
// CHECK: t.c:17:61: warning: byte offset 4 into 'struct pinned'
// CHECK-NOT: warning:

// BAD: layouts.yaml:6:11: error: {{.*}} [ptrcheck-offset-assumption]
// BAD-NOT: error:

// COMPUTED-NOT: warning:
