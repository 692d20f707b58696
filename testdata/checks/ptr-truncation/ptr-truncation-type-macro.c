// A cast's type spelled by an object-like macro is the macro's definition: when that definition sits
// under a condition on the target (lzo's `lzo_uintptr_t`, chosen by `#if (LZO_SIZEOF_LONG >=
// LZO_SIZEOF_VOID_P)`), another target may define the macro as another type, so the cast is judged
// only where the condition is known to hold.  A macro defined unconditionally, or under a condition
// that holds on Windows too, names the same type there: still reported.  The file tests _WIN64, so
// 64-bit Windows is a target.
// RUN: %clang -target x86_64-linux-gnu -ffreestanding -fsyntax-only -Wno-pointer-to-int-cast -fplugin=%ptrcheck_plugin -fplugin-arg-ptrcheck-checks=-*,ptrcheck-ptr-truncation -Xclang -verify %s
// RUN: %clang -target x86_64-linux-gnu -ffreestanding -O2 -c -o /dev/null -Wno-pointer-to-int-cast -fplugin=%ptrcheck_plugin -fpass-plugin=%ptrcheck_plugin -fplugin-arg-ptrcheck-checks=-*,ptrcheck-ptr-truncation -Xclang -verify %s

#if defined(_WIN64) // expected-note 0+ {{x86_64-pc-windows-msvc is checked because this translation unit tests '_WIN64' here}}
#define MY_SIZEOF_LONG 4
#else
#define MY_SIZEOF_LONG __SIZEOF_LONG__
#endif

/* the project's pointer-sized word, chosen by the data model */
#if (MY_SIZEOF_LONG >= __SIZEOF_POINTER__)
#define my_uintptr_t unsigned long
#define my_intptr_t long
#else
#define my_uintptr_t unsigned long long
#define my_intptr_t long long
#endif
#define PTR_WORD(p) ((my_uintptr_t)(p))

struct node { my_uintptr_t bits; };

my_uintptr_t as_word(void *p) { return (my_uintptr_t)p; }
void keep(struct node *n, void *p) { n->bits = (my_uintptr_t)p; }
my_intptr_t signed_word(const char *p) { return (my_intptr_t)p; }
my_uintptr_t through_macro(void *p) { return PTR_WORD(p); }
void *round_trip(void *p) {
  my_uintptr_t w = (my_uintptr_t)p;
  return (void *)(w + 1);
}

/* still reported: the same types spelled by macros that every target defines alike */
#define plain_word unsigned long
#if defined(__x86_64__) || defined(_M_X64)
#define amd64_word long
#endif
unsigned long plain(void *p) {
  return (plain_word)p; // expected-warning {{pointer converted to 'unsigned long', which is narrower than a pointer on x86_64-pc-windows-msvc (32 < 64 bits)}} expected-note {{use 'uintptr_t'}}
}
long amd64(void *p) {
  return (amd64_word)p; // expected-warning {{pointer converted to 'long', which is narrower than a pointer on x86_64-pc-windows-msvc (32 < 64 bits)}} expected-note {{use 'uintptr_t'}}
}
