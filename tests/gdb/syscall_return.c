/* The same program as syscall_entry.c (each test has its own NAME.c). */
#include "syscall_entry.c"
