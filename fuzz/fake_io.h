/* SPDX-License-Identifier: MIT */
/*
 * Force-included (-include) into the stub's protocol files in the fuzz
 * build only: the file calls that vFile and the /proc readers make go to
 * fake_io.c, so that a fuzzer can never open, write or unlink a real file
 * of the machine it runs on, nor close one of libFuzzer's descriptors.
 * The system headers come first so that their own declarations are not
 * renamed.
 */
#ifndef A64STUB_FUZZ_FAKE_IO_H
#define A64STUB_FUZZ_FAKE_IO_H

#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

int fuzz_open(const char *path, int flags, ...);
int fuzz_close(int fd);
ssize_t fuzz_pread(int fd, void *buf, size_t len, off_t off);
ssize_t fuzz_pwrite(int fd, const void *buf, size_t len, off_t off);
int fuzz_fstat(int fd, struct stat *st);
int fuzz_unlink(const char *path);
ssize_t fuzz_readlink(const char *path, char *buf, size_t len);
int fuzz_fprintf(FILE *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#define open fuzz_open
#define close fuzz_close
#define pread fuzz_pread
#define pwrite fuzz_pwrite
#define fstat fuzz_fstat
#define unlink fuzz_unlink
#define readlink fuzz_readlink
#define fprintf fuzz_fprintf

/* Close every descriptor fake_io.c handed out (end of one fuzz input). */
void fake_io_reset(void);

#endif
