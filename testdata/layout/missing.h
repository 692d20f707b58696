/* Includes a header that does not exist in a freestanding environment. */
#include <sys/types.h>

struct uses_system { pid_t pid; };
