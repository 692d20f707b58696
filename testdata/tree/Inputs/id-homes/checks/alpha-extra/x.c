/* Not alpha's folder, and no check name here. */
static int other(void) { return 0; }
