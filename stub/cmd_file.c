// SPDX-License-Identifier: MIT
/*
 * Host I/O: the vFile packets (GDB manual, "Host I/O Packets"), so that
 * GDB with no local copy of a program reads it, its libraries and /proc
 * files from the target, never from the machine GDB runs on.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hex.h"
#include "server.h"

/* open() flags as the protocol numbers them. */
#define FIO_O_WRONLY	0x1
#define FIO_O_RDWR	0x2
#define FIO_O_APPEND	0x8
#define FIO_O_CREAT	0x200
#define FIO_O_TRUNC	0x400
#define FIO_O_EXCL	0x800

#define FIO_ENAMETOOLONG 91
#define FIO_EUNKNOWN	9999

/* The protocol's errno numbers equal Linux's but for these. */
static int fio_errno(int err)
{
	switch (err) {
	case EPERM: case ENOENT: case EINTR: case EBADF: case EACCES:
	case EFAULT: case EBUSY: case EEXIST: case ENODEV: case ENOTDIR:
	case EISDIR: case EINVAL: case ENFILE: case EMFILE: case EFBIG:
	case ENOSPC: case ESPIPE: case EROFS:
		return err;
	case ENAMETOOLONG:
		return FIO_ENAMETOOLONG;
	default:
		return FIO_EUNKNOWN;
	}
}

static int fio_fail(struct reply *out, int err)
{
	return reply_printf(out, "F-1,%x", fio_errno(err));
}

/* Decode a hex-encoded path argument up to ',' or the end. */
static int parse_path(const char **a, char *path, size_t len)
{
	const char *end = strchr(*a, ',');
	size_t hlen = end ? (size_t)(end - *a) : strlen(*a);

	if (hlen % 2 || hlen / 2 >= len || hex_decode(path, *a, hlen / 2))
		return -EINVAL;
	path[hlen / 2] = '\0';
	*a += hlen;
	return 0;
}

/* Paths are looked up in the file system of the setfs process. */
static const char *fs_path(struct session *s, const char *path, char *buf,
			   size_t len)
{
	if (s->fs_pid <= 0 || path[0] != '/')
		return path;
	snprintf(buf, len, "/proc/%d/root%s", s->fs_pid, path);
	return buf;
}

static int next_hex(const char **a, uint64_t *v)
{
	if (**a == ',')
		(*a)++;
	return hex_parse_u64(a, v);
}

/* vFile:setfs:pid */
static int cmd_setfs(struct session *s, const char *a, size_t n,
		     struct reply *out)
{
	uint64_t pid;

	(void)n;
	if (hex_parse_u64_all(a, &pid))
		return -EINVAL;
	s->fs_pid = (pid_t)pid;
	return reply_str(out, "F0");
}

/* vFile:open:filename,flags,mode */
static int cmd_open(struct session *s, const char *a, size_t n,
		    struct reply *out)
{
	char path[PATH_MAX], buf[PATH_MAX + 32];
	uint64_t fflags, mode;
	int flags = O_CLOEXEC, fd;

	(void)n;
	if (parse_path(&a, path, sizeof(path)) || next_hex(&a, &fflags) ||
	    next_hex(&a, &mode) || *a)
		return -EINVAL;
	flags |= (fflags & FIO_O_RDWR) ? O_RDWR :
		 (fflags & FIO_O_WRONLY) ? O_WRONLY : O_RDONLY;
	if (fflags & FIO_O_APPEND)
		flags |= O_APPEND;
	if (fflags & FIO_O_CREAT)
		flags |= O_CREAT;
	if (fflags & FIO_O_TRUNC)
		flags |= O_TRUNC;
	if (fflags & FIO_O_EXCL)
		flags |= O_EXCL;
	if (s->fio_nfds == FIO_MAX_FDS)
		return fio_fail(out, EMFILE);
	fd = open(fs_path(s, path, buf, sizeof(buf)), flags, (mode_t)(mode & 0777));
	if (fd < 0)
		return fio_fail(out, errno);
	s->fio_fds[s->fio_nfds++] = fd;
	return reply_printf(out, "F%x", fd);
}

/*
 * Only descriptors this protocol opened may be used, never the stub's own
 * (its sockets, /proc/PID/mem, stdio): an exact list, not a guess from
 * what a descriptor points at.
 */
static int fio_find(struct session *s, int fd)
{
	for (int i = 0; i < s->fio_nfds; i++)
		if (s->fio_fds[i] == fd)
			return i;
	return -1;
}

static void fio_forget(struct session *s, int fd)
{
	int i = fio_find(s, fd);

	if (i >= 0)
		s->fio_fds[i] = s->fio_fds[--s->fio_nfds];
}

void fio_close_all(struct session *s)
{
	while (s->fio_nfds > 0)
		close(s->fio_fds[--s->fio_nfds]);
}

static int parse_fd(struct session *s, const char **a, int *fd)
{
	uint64_t v;

	if (hex_parse_u64(a, &v) || v > INT_MAX || fio_find(s, (int)v) < 0)
		return -EBADF;
	*fd = (int)v;
	return 0;
}

/* vFile:close:fd */
static int cmd_close(struct session *s, const char *a, size_t n,
		     struct reply *out)
{
	int fd;

	(void)n;
	if (parse_fd(s, &a, &fd) || *a)
		return fio_fail(out, EBADF);
	/* Forgotten whatever close() says: the descriptor is gone (POSIX). */
	fio_forget(s, fd);
	if (close(fd))
		return fio_fail(out, errno);
	return reply_str(out, "F0");
}

/* vFile:pread:fd,count,offset */
static int cmd_pread(struct session *s, const char *a, size_t n,
		     struct reply *out)
{
	static char buf[PKT_MAX / 2];
	uint64_t count, off;
	size_t consumed, mark;
	ssize_t got;
	int fd;

	(void)n;
	if (parse_fd(s, &a, &fd))
		return fio_fail(out, EBADF);
	if (next_hex(&a, &count) || next_hex(&a, &off) || *a)
		return -EINVAL;
	if (count > sizeof(buf))
		count = sizeof(buf);
	got = pread(fd, buf, count, (off_t)off);
	if (got < 0)
		return fio_fail(out, errno);
	/* Escaping may need more room than the data: send what fits. */
	mark = out->len;
	reply_printf(out, "F%zx;", (size_t)got);
	reply_binary(out, buf, (size_t)got, &consumed);
	if (consumed < (size_t)got) {
		out->len = mark;
		reply_printf(out, "F%zx;", consumed);
		reply_binary(out, buf, consumed, &consumed);
	}
	return 0;
}

/* vFile:pwrite:fd,offset,data */
static int cmd_pwrite(struct session *s, const char *a, size_t n,
		      struct reply *out)
{
	const char *start = a;
	uint64_t off;
	ssize_t put;
	int fd;

	if (parse_fd(s, &a, &fd))
		return fio_fail(out, EBADF);
	if (next_hex(&a, &off) || *a != ',')
		return -EINVAL;
	a++;
	put = pwrite(fd, a, n - (size_t)(a - start), (off_t)off);
	if (put < 0)
		return fio_fail(out, errno);
	return reply_printf(out, "F%zx", (size_t)put);
}

static void put_be(unsigned char *p, uint64_t v, int bytes)
{
	for (int i = bytes - 1; i >= 0; i--, v >>= 8)
		p[i] = (unsigned char)v;
}

/* vFile:fstat:fd  A struct stat in the protocol's big-endian layout. */
static int cmd_fstat(struct session *s, const char *a, size_t n,
		     struct reply *out)
{
	unsigned char st[64];
	struct stat sb;
	size_t consumed;
	int fd;

	(void)n;
	if (parse_fd(s, &a, &fd) || *a)
		return fio_fail(out, EBADF);
	if (fstat(fd, &sb))
		return fio_fail(out, errno);
	put_be(st + 0, sb.st_dev, 4);
	put_be(st + 4, sb.st_ino, 4);
	put_be(st + 8, sb.st_mode, 4);
	put_be(st + 12, sb.st_nlink, 4);
	put_be(st + 16, sb.st_uid, 4);
	put_be(st + 20, sb.st_gid, 4);
	put_be(st + 24, sb.st_rdev, 4);
	put_be(st + 28, (uint64_t)sb.st_size, 8);
	put_be(st + 36, (uint64_t)sb.st_blksize, 8);
	put_be(st + 44, (uint64_t)sb.st_blocks, 8);
	put_be(st + 52, (uint64_t)sb.st_atime, 4);
	put_be(st + 56, (uint64_t)sb.st_mtime, 4);
	put_be(st + 60, (uint64_t)sb.st_ctime, 4);
	reply_printf(out, "F%zx;", sizeof(st));
	return reply_binary(out, st, sizeof(st), &consumed);
}

/* vFile:unlink:filename */
static int cmd_unlink(struct session *s, const char *a, size_t n,
		      struct reply *out)
{
	char path[PATH_MAX], buf[PATH_MAX + 32];

	(void)n;
	if (parse_path(&a, path, sizeof(path)) || *a)
		return -EINVAL;
	if (unlink(fs_path(s, path, buf, sizeof(buf))))
		return fio_fail(out, errno);
	return reply_str(out, "F0");
}

/* vFile:readlink:filename */
static int cmd_readlink(struct session *s, const char *a, size_t n,
			struct reply *out)
{
	char path[PATH_MAX], buf[PATH_MAX + 32], target[PATH_MAX];
	size_t consumed;
	ssize_t len;

	(void)n;
	if (parse_path(&a, path, sizeof(path)) || *a)
		return -EINVAL;
	len = readlink(fs_path(s, path, buf, sizeof(buf)), target, sizeof(target));
	if (len < 0)
		return fio_fail(out, errno);
	reply_printf(out, "F%zx;", (size_t)len);
	return reply_binary(out, target, (size_t)len, &consumed);
}

const struct cmd cmd_file_table[] = {
	{ "vFile:setfs:", cmd_setfs },
	{ "vFile:open:", cmd_open },
	{ "vFile:close:", cmd_close },
	{ "vFile:pread:", cmd_pread },
	{ "vFile:pwrite:", cmd_pwrite },
	{ "vFile:fstat:", cmd_fstat },
	{ "vFile:unlink:", cmd_unlink },
	{ "vFile:readlink:", cmd_readlink },
	{ NULL, NULL },
};
