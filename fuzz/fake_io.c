// SPDX-License-Identifier: MIT
/*
 * The file system the fuzzed protocol code sees (see fake_io.h): a few
 * files held in memfds, everything else ENOENT.  Descriptors are real
 * memfds, so read/pread/fstat behave as on a file, but only descriptors
 * handed out here may be closed, read or written.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fake_io.h"

/* This file implements the fakes: it calls the real functions. */
#undef open
#undef close
#undef pread
#undef pwrite
#undef fstat
#undef unlink
#undef readlink
#undef fprintf

#define FAKE_MAX_FDS 16

static int fake_fds[FAKE_MAX_FDS];
static int fake_nfds;

static bool fake_owned(int fd)
{
	for (int i = 0; i < fake_nfds; i++)
		if (fake_fds[i] == fd)
			return true;
	return false;
}

/* The files there are: auxv of any process, and one program file. */
static const char *fake_content(const char *path, size_t *len)
{
	static const unsigned char auxv[] = {
		6, 0, 0, 0, 0, 0, 0, 0, 0, 0x10, 0, 0, 0, 0, 0, 0,	/* AT_PAGESZ */
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,		/* AT_NULL */
	};
	static const char prog[] = "\177ELF fake program for the fuzzer";

	if (!strncmp(path, "/proc/", 6) && strstr(path, "/auxv")) {
		*len = sizeof(auxv);
		return (const char *)auxv;
	}
	if (!strcmp(path, "/fuzz/prog") || !strncmp(path, "/proc/", 6)) {
		*len = sizeof(prog) - 1;
		return prog;
	}
	return NULL;
}

int fuzz_open(const char *path, int flags, ...)
{
	const char *data;
	size_t len;
	int fd;

	(void)flags;
	data = fake_content(path, &len);
	if (!data) {
		errno = ENOENT;
		return -1;
	}
	if (fake_nfds == FAKE_MAX_FDS) {
		errno = EMFILE;
		return -1;
	}
	fd = memfd_create("fuzz-file", MFD_CLOEXEC);
	if (fd < 0)
		return -1;
	if (write(fd, data, len) != (ssize_t)len || lseek(fd, 0, SEEK_SET)) {
		close(fd);
		errno = EIO;
		return -1;
	}
	fake_fds[fake_nfds++] = fd;
	return fd;
}

int fuzz_close(int fd)
{
	for (int i = 0; i < fake_nfds; i++) {
		if (fake_fds[i] == fd) {
			fake_fds[i] = fake_fds[--fake_nfds];
			return close(fd);
		}
	}
	errno = EBADF;
	return -1;
}

ssize_t fuzz_pread(int fd, void *buf, size_t len, off_t off)
{
	if (!fake_owned(fd)) {
		errno = EBADF;
		return -1;
	}
	return pread(fd, buf, len, off);
}

ssize_t fuzz_pwrite(int fd, const void *buf, size_t len, off_t off)
{
	if (!fake_owned(fd)) {
		errno = EBADF;
		return -1;
	}
	/* Keep the memfds small whatever offset the input asks for. */
	if (off < 0 || (size_t)off > 65536 || len > 65536) {
		errno = EFBIG;
		return -1;
	}
	return pwrite(fd, buf, len, off);
}

int fuzz_fstat(int fd, struct stat *st)
{
	if (!fake_owned(fd)) {
		errno = EBADF;
		return -1;
	}
	return fstat(fd, st);
}

int fuzz_unlink(const char *path)
{
	size_t len;

	if (!fake_content(path, &len)) {
		errno = ENOENT;
		return -1;
	}
	errno = EACCES;
	return -1;
}

ssize_t fuzz_readlink(const char *path, char *buf, size_t len)
{
	const char *target;
	size_t n;
	int fd;

	if (sscanf(path, "/proc/self/fd/%d", &fd) == 1)
		/* Ours look like files; every other descriptor is the stub's. */
		target = fake_owned(fd) ? "/fuzz/prog" : "socket:[1]";
	else if (!strncmp(path, "/proc/", 6) && strstr(path, "/exe"))
		target = "/fuzz/prog";
	else if (!strcmp(path, "/fuzz/link"))
		target = "/fuzz/prog";
	else {
		errno = ENOENT;
		return -1;
	}
	n = strlen(target);
	if (n > len)
		n = len;
	memcpy(buf, target, n);
	return (ssize_t)n;
}

/* Messages are formatted (a bad format is a bug too) but not printed. */
int fuzz_fprintf(FILE *f, const char *fmt, ...)
{
	static int verbose = -1;
	char buf[4096];
	va_list ap;
	int n;

	if (verbose < 0)
		verbose = getenv("FUZZ_VERBOSE") != NULL;
	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (verbose)
		fputs(buf, f);
	return n;
}

void fake_io_reset(void)
{
	while (fake_nfds)
		close(fake_fds[--fake_nfds]);
}
