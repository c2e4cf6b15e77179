/* The same program as fork_catch.c (each test has its own NAME.c). */
#include "fork_catch.c"
