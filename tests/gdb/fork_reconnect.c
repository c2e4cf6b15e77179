/* fork_reconnect: the program of fork_catch.c. */
#include "fork_catch.c"
