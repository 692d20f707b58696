/* beta's own folder names beta; PTRCHECK_BETA_MSG_X and PTRCHECK_ALPHA_H are other names. */
#define PTRCHECK_ALPHA_H 1
static int mine(void) { return PTRCHECK_BETA; }
