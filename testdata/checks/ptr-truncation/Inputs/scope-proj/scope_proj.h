/* A project header (-I) that tests _WIN64: every file that includes it is written for Windows too. */
typedef int scope_flag;
#if !defined(_WIN64)
#define SCOPE_UNIX 1
#endif
