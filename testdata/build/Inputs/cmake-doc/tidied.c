/* testdata/build/cmake-doc.test: a target created after the doc's set(CMAKE_C_CLANG_TIDY ...). */
#include <stdint.h>
void *bump2(void *p) { return (void *)((uintptr_t)p + 32); }
