// A local's address stored by callees into the memory another parameter points to: the notes
// follow the calls down to the store and name the field (libpng's write_png -> display_start_write
// -> `dp->output_file = filename`), as they do for escapes into globals.
// RUN: %clang -c -O0 %ptrcheck_both -fplugin-arg-ptrcheck-checks=-*,ptrcheck-stack-escape -Xclang -verify %s -o %t.o
// RUN: %clang -c -O2 %ptrcheck_both -fplugin-arg-ptrcheck-checks=-*,ptrcheck-stack-escape -Xclang -verify %s -o %t.o
struct display { const char *output_file; int n; };

static void start(struct display *dp, const char *filename) {
  dp->output_file = filename; // expected-note 2 {{'start' lets its parameter 'filename' escape into field 'output_file' of 'struct display' through parameter 'dp' here}}
}
static void write_png(struct display *dp, const char *name) {
  start(dp, name); // expected-note {{'write_png' passes its parameter 'name' to 'start' here}}
  dp->n++;
}

void one(struct display *dp) {
  char tmpbuf[64]; // expected-note {{'tmpbuf' declared here; its storage ends when 'one' returns}}
  write_png(dp, tmpbuf); // expected-warning {{address of local 'tmpbuf' escapes into the memory parameter 'dp' points to via call to 'write_png'}}
}

void two(struct display *dp) {
  char name[16]; // expected-note {{'name' declared here; its storage ends when 'two' returns}}
  start(dp, name); // expected-warning {{address of local 'name' escapes into the memory parameter 'dp' points to via call to 'start'}}
}
