// SPDX-License-Identifier: MIT
/*
 * GDB's "info os" tables (qXfer:osdata:read) from the target's /proc:
 * the tables and columns of GDB's own Linux implementation
 * (gdb/nat/linux-osdata.c), so that `info os` looks the same as with
 * gdbserver.  Only the tables below; GDB lists them with `info os`.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "target.h"
#include "target_int.h"

struct doc {
	char *buf;
	size_t len, cap;
	bool failed;
};

static void doc_add(struct doc *d, const char *s, size_t n)
{
	if (d->failed)
		return;
	if (d->len + n + 1 > d->cap) {
		size_t cap = d->cap ? d->cap : 4096;
		char *nb;

		while (d->len + n + 1 > cap)
			cap *= 2;
		nb = realloc(d->buf, cap);
		if (!nb) {
			d->failed = true;
			return;
		}
		d->buf = nb;
		d->cap = cap;
	}
	memcpy(d->buf + d->len, s, n);
	d->len += n;
	d->buf[d->len] = '\0';
}

static void doc_str(struct doc *d, const char *s)
{
	doc_add(d, s, strlen(s));
}

/* One <column>, its text escaped for XML. */
static void doc_col(struct doc *d, const char *name, const char *text)
{
	doc_str(d, "<column name=\"");
	doc_str(d, name);
	doc_str(d, "\">");
	for (const char *c = text; *c; c++) {
		switch (*c) {
		case '<': doc_str(d, "&lt;"); break;
		case '>': doc_str(d, "&gt;"); break;
		case '&': doc_str(d, "&amp;"); break;
		case '"': doc_str(d, "&quot;"); break;
		case '\'': doc_str(d, "&apos;"); break;
		default:
			/* Control bytes would make the XML invalid. */
			doc_add(d, iscntrl((unsigned char)*c) ? "?" : c, 1);
		}
	}
	doc_str(d, "</column>");
}

static void doc_col_int(struct doc *d, const char *name, long long v)
{
	char num[24];

	snprintf(num, sizeof(num), "%lld", v);
	doc_col(d, name, num);
}

/* Read a small /proc file into @buf as a string.  Returns: its length or -1. */
static ssize_t read_small(const char *path, char *buf, size_t len)
{
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	n = read(fd, buf, len - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = '\0';
	return n;
}

/* The process's command name (comm), as GDB's command_from_pid(). */
static void comm_of(const char *pid, char *buf, size_t len)
{
	char path[64];
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%s/comm", pid);
	n = read_small(path, buf, len);
	if (n < 0)
		n = 0;
	while (n > 0 && buf[n - 1] == '\n')
		n--;
	buf[n] = '\0';
}

/* The command line, arguments separated by spaces; else "[comm]". */
static void cmdline_of(const char *pid, char *buf, size_t len)
{
	char path[64];
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%s/cmdline", pid);
	n = read_small(path, buf, len);
	if (n <= 0) {
		char comm[32];

		comm_of(pid, comm, sizeof(comm));
		snprintf(buf, len, "[%s]", comm);
		return;
	}
	while (n > 0 && buf[n - 1] == '\0')
		n--;
	for (ssize_t i = 0; i < n; i++)
		if (buf[i] == '\0')
			buf[i] = ' ';
	buf[n] = '\0';
}

/* The user name of @uid from /etc/passwd (no NSS in a static stub). */
static void user_of(uid_t uid, char *buf, size_t len)
{
	char line[512];
	FILE *f = fopen("/etc/passwd", "re");

	snprintf(buf, len, "%u", (unsigned)uid);
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		char *name = strtok(line, ":"), *id;

		if (name && strtok(NULL, ":") && (id = strtok(NULL, ":")) &&
		    (uid_t)strtoul(id, NULL, 10) == uid) {
			snprintf(buf, len, "%s", name);
			break;
		}
	}
	fclose(f);
}

/* The "processor" field of a /proc stat file, or -1. */
/* The CPU a task last ran on: "processor", field 39 of its stat file. */
static int core_of(const char *statpath)
{
	return (int)proc_stat_field(statpath, 39);
}

static bool is_pid(const char *name)
{
	if (!*name || strlen(name) > 10)
		return false;
	for (; *name; name++)
		if (!isdigit((unsigned char)*name))
			return false;
	return true;
}

#define MAX_CORES 1024

/* The cores any thread of @pid last ran on, "0,1" (GDB's "cores"). */
static void cores_of(const char *pid, char *buf, size_t len)
{
	static bool used[MAX_CORES];
	char path[300];
	struct dirent *e;
	size_t n = 0;
	DIR *dir;

	memset(used, 0, sizeof(used));
	buf[0] = '\0';
	snprintf(path, sizeof(path), "/proc/%s/task", pid);
	dir = opendir(path);
	if (!dir)
		return;
	while ((e = readdir(dir))) {
		int core;

		if (!is_pid(e->d_name))
			continue;
		snprintf(path, sizeof(path), "/proc/%s/task/%s/stat", pid, e->d_name);
		core = core_of(path);
		if (core >= 0 && core < MAX_CORES)
			used[core] = true;
	}
	closedir(dir);
	for (int c = 0; c < MAX_CORES && n + 12 < len; c++)
		if (used[c])
			n += (size_t)snprintf(buf + n, len - n, "%s%d", n ? "," : "", c);
}

static void table_processes(struct doc *d, const char *pid)
{
	char path[64], cmd[4096], user[64], cores[256];
	struct stat st;

	snprintf(path, sizeof(path), "/proc/%s", pid);
	if (stat(path, &st))
		return;
	cmdline_of(pid, cmd, sizeof(cmd));
	user_of(st.st_uid, user, sizeof(user));
	cores_of(pid, cores, sizeof(cores));
	doc_str(d, "<item>");
	doc_col(d, "pid", pid);
	doc_col(d, "user", user);
	doc_col(d, "command", cmd);
	doc_col(d, "cores", cores);
	doc_str(d, "</item>");
}

static void table_threads(struct doc *d, const char *pid)
{
	char path[300], comm[32];
	struct dirent *e;
	DIR *dir;

	comm_of(pid, comm, sizeof(comm));
	snprintf(path, sizeof(path), "/proc/%s/task", pid);
	dir = opendir(path);
	if (!dir)
		return;
	while ((e = readdir(dir))) {
		if (!is_pid(e->d_name))
			continue;
		snprintf(path, sizeof(path), "/proc/%s/task/%s/stat", pid, e->d_name);
		doc_str(d, "<item>");
		doc_col(d, "pid", pid);
		doc_col(d, "command", comm);
		doc_col(d, "tid", e->d_name);
		doc_col_int(d, "core", core_of(path));
		doc_str(d, "</item>");
	}
	closedir(dir);
}

static void table_files(struct doc *d, const char *pid)
{
	char path[300], comm[32], name[1000];
	struct dirent *e;
	DIR *dir;

	comm_of(pid, comm, sizeof(comm));
	snprintf(path, sizeof(path), "/proc/%s/fd", pid);
	dir = opendir(path);
	if (!dir)
		return;
	while ((e = readdir(dir))) {
		ssize_t n;

		if (!is_pid(e->d_name))
			continue;
		snprintf(path, sizeof(path), "/proc/%s/fd/%s", pid, e->d_name);
		n = readlink(path, name, sizeof(name) - 1);
		if (n < 0)
			snprintf(name, sizeof(name), "%s", e->d_name);
		else
			name[n] = '\0';
		doc_str(d, "<item>");
		doc_col(d, "pid", pid);
		doc_col(d, "command", comm);
		doc_col(d, "file descriptor", e->d_name);
		doc_col(d, "name", name);
		doc_str(d, "</item>");
	}
	closedir(dir);
}

/* Every process, in /proc's order, as @row puts it. */
static void each_process(struct doc *d, void (*row)(struct doc *, const char *))
{
	struct dirent *e;
	DIR *dir = opendir("/proc");

	if (!dir)
		return;
	while ((e = readdir(dir)))
		if (is_pid(e->d_name))
			row(d, e->d_name);
	closedir(dir);
}

static void table_cpus(struct doc *d)
{
	char line[1024];
	bool open_item = false;
	FILE *f = fopen("/proc/cpuinfo", "re");

	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		char *colon = strchr(line, ':'), *key = line, *val, *e;

		if (!colon)
			continue;
		*colon = '\0';
		val = colon + 1 + strspn(colon + 1, " \t");
		val[strcspn(val, "\n")] = '\0';
		for (e = colon; e > key && isspace((unsigned char)e[-1]); e--)
			;
		*e = '\0';
		if (!strcmp(key, "processor")) {
			doc_str(d, open_item ? "</item><item>" : "<item>");
			open_item = true;
		}
		if (open_item)
			doc_col(d, key, val);
	}
	fclose(f);
	if (open_item)
		doc_str(d, "</item>");
}

static const struct {
	const char *type, *title, *description;
} tables[] = {
	{ "cpus", "CPUs", "Listing of all cpus/cores on the system" },
	{ "files", "File descriptors", "Listing of all file descriptors" },
	{ "processes", "Processes", "Listing of all processes" },
	{ "threads", "Threads", "Listing of all threads" },
};

char *target_osdata(const char *type, size_t *len)
{
	struct doc d = { 0 };

	if (!*type || !strcmp(type, "types")) {
		doc_str(&d, "<osdata type=\"types\">\n");
		for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
			doc_str(&d, "<item>");
			doc_col(&d, "Type", tables[i].type);
			doc_col(&d, "Description", tables[i].description);
			doc_col(&d, "Title", tables[i].title);
			doc_str(&d, "</item>");
		}
	} else if (!strcmp(type, "processes") || !strcmp(type, "threads") ||
		   !strcmp(type, "files") || !strcmp(type, "cpus")) {
		doc_str(&d, "<osdata type=\"");
		doc_str(&d, type);
		doc_str(&d, "\">\n");
		if (!strcmp(type, "processes"))
			each_process(&d, table_processes);
		else if (!strcmp(type, "threads"))
			each_process(&d, table_threads);
		else if (!strcmp(type, "files"))
			each_process(&d, table_files);
		else
			table_cpus(&d);
	} else {
		errno = ENOENT;
		return NULL;
	}
	doc_str(&d, "</osdata>\n");
	if (d.failed) {
		free(d.buf);
		errno = ENOMEM;
		return NULL;
	}
	*len = d.len;
	return d.buf;
}
