/* A system header (-isystem) that tests _WIN32: that is the library's portability, not the project's. */
#ifdef _WIN32
typedef unsigned long long scope_word;
#else
typedef unsigned long scope_word;
#endif
