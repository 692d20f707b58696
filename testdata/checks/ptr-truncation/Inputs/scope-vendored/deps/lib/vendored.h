/* A vendored library's header, found on the include path (-I deps/lib) from a sibling directory: its
 * portability is the library's, not the including project's. */
#if defined(_WIN32)
#define VENDORED_EXPORT __declspec(dllexport)
#else
#define VENDORED_EXPORT
#endif
