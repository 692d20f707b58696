/* alpha's own folder names alpha. */
static int mine(void) { return PTRCHECK_ALPHA; }
