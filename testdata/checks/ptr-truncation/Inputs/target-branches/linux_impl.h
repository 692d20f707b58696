/* Included only under `#ifdef __linux__`: nothing here is built for Windows or macOS. */
static inline unsigned long linux_cookie(void *p) { return (unsigned long)p; }
