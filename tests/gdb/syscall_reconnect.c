/* syscall_reconnect: the program of syscall_entry.c. */
#include "syscall_entry.c"
