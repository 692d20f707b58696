// Array elements reached with constant indices are distinct: one element (or register slot)
// receiving a pointer does not make the others, which only ever hold integers from the kernel or
// the loader, pointer-derived.
// RUN: %clang -c -O0 %ptrcheck_both -Xclang -verify %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -Xclang -verify %s -o %t.o
// expected-no-diagnostics
#include <stddef.h>
#include <stdint.h>

unsigned long getauxval(unsigned long type);

/* a global table: slot 3 keeps a pointer as an integer (never converted back), slot 5 an address
 * the loader gave */
uintptr_t g_aux[8];
void aux_init(void *self) {
  g_aux[3] = (uintptr_t)self;
  g_aux[5] = getauxval(33);
}
void *vdso(void) { return (void *)g_aux[5]; }
int is_self(void *p) { return g_aux[3] == (uintptr_t)p; }

/* a global initializer: element 0 is an object's address, element 1 a plain number */
static char buf[64];
uintptr_t g_init[2] = {(uintptr_t)buf, 0x1000};
void *mmio(void) { return (void *)g_init[1]; }

/* register slots in a struct field */
enum { REG_SP, REG_PC, NREGS };
struct mctx { int flags; uintptr_t gregs[NREGS]; };
void save_sp(struct mctx *c, void *sp) { c->gregs[REG_SP] = (uintptr_t)sp; }
void set_pc(struct mctx *c, unsigned long pc) { c->gregs[REG_PC] = pc; }
void *pc_of(struct mctx *c) { return (void *)c->gregs[REG_PC]; }
#define REG(c, r) ((c)->gregs[r])
void *pc_macro(struct mctx *c) { return (void *)REG(c, REG_PC); }
static uintptr_t pc_raw(const struct mctx *c) { return c->gregs[REG_PC]; }
void *pc_callee(struct mctx *c) { return (void *)pc_raw(c); }

/* a local array */
void *local_slots(void *p, uintptr_t base) {
  uintptr_t s[4];
  s[0] = (uintptr_t)p;
  s[1] = base;
  s[2] = s[0] >> 4;
  return (void *)s[1];
}

/* through a callee: an auxiliary-vector decoder fills the array through its parameter (musl's
 * decode_vec); one element later receives a pointer, the others stay the kernel's numbers */
#define AT_PHDR 3
#define AT_ENTRY 9
#define AT_EXECFN 31
#define AUX_CNT 38
static void decode_vec(size_t *v, size_t *a, size_t cnt) {
  for (size_t i = 0; i < cnt; i++)
    a[i] = 0;
  for (; v[0]; v += 2)
    if (v[0] - 1 < cnt - 1) {
      a[0] |= 1UL << v[0];
      a[v[0]] = v[1];
    }
}
void *entry_of(size_t *sp);
void start(size_t *sp, char **name, void **phdr, void (*go)(size_t)) {
  size_t aux[AUX_CNT];
  decode_vec(sp + 4, aux, AUX_CNT);
  *phdr = (void *)aux[AT_PHDR];
  *name = (char *)aux[AT_EXECFN];
  aux[AT_ENTRY] = (size_t)entry_of(sp);
  go(aux[AT_ENTRY]);
}

/* a callee shared by callers: what one caller's memory holds does not reach another caller's
 * memory unless the callee stores it there (musl's search_vec) */
static int search_vec(size_t *v, size_t *r, size_t key) {
  for (; v[0] != key; v += 2)
    if (!v[0])
      return 0;
  *r = v[1];
  return 1;
}
int has_key(size_t *auxv, void *self) {
  size_t mine = (size_t)self;
  return search_vec(auxv, &mine, 7) && mine != (size_t)self;
}
void *vdso_of(size_t *auxv) {
  size_t base = 0;
  if (!search_vec(auxv, &base, 33) || !base)
    return 0;
  return (void *)(base + 64);
}
