// C calling Go through cgo's _cgo_export.h: slice and string headers built in C, where Go cannot
// check them (Go trusts len and cap of a slice that comes from C).
// RUN: %clang -fsyntax-only -fplugin=%ptrcheck_plugin -Xclang -verify %s
// RUN: %clang -c -O0 %ptrcheck_both -Xclang -verify=expected,ir %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -Xclang -verify=expected,ir %s -o %t.o
#include <stdlib.h>
#include <string.h>

#include "_cgo_export.h"

void send_packet(void) {
  unsigned char pkt[64]; // expected-note {{'pkt' has 64 bytes}}
  GoSlice b = {pkt, 128, 128}; // expected-warning {{'GoSlice' header claims len 128, which exceeds the 64 bytes of 'pkt' [ptrcheck-slice-forge]}}
  Consume(b);
}

void send_words(void) {
  GoUint32 words[4]; // expected-note {{'words' has 16 bytes}}
  GoSlice ok = {words, 4, 16}; // void *data: an element is at least one byte, and 16 bytes are there
  (void)ok;
  GoSlice s = {words, 4, 32}; // expected-warning {{'GoSlice' header claims cap 32, which exceeds the 16 bytes of 'words'}}
  (void)s;
}

void log_message(const char *msg) { // expected-note {{'msg' is declared here as a pointer}}
  GoString m = {msg, sizeof(msg)}; // expected-warning {{'_GoString_' header's n is sizeof(msg), the size of the pointer}}
  Log(m);
}

void send_copy(size_t n) {
  GoSlice b = {malloc(n), (GoInt)n, (GoInt)n}; // fine: len = cap = n bytes from malloc(n)
  Consume(b);
  char *tmp = malloc(32); // ir-note {{32 bytes allocated here}}
  GoSlice c = {tmp, 32, 64}; // ir-warning {{'GoSlice' header claims cap 64, which exceeds the 32 bytes of the block from 'malloc'}}
  Consume(c);
}

void log_ok(void) {
  Log((GoString){"ready", 5});
  const char *m = "done";
  GoString g = {m, (ptrdiff_t)strlen(m)};
  Log(g);
}

void grow(GoSlice *s) {
  s->len = s->cap + 1; // expected-warning {{'GoSlice' header: len set to cap + 1 makes len > cap}}
}

void from_wire(const unsigned char *wire) {
  GoSlice s;
  memcpy(&s, wire, sizeof s); // expected-warning {{'GoSlice' header filled with raw bytes}}
  Consume(s);
}

void interface_not_a_slice(void) {
  int x;
  GoInterface v = {&x, &x}; // two pointers: not a header
  Keep(v);
}
