// SPDX-License-Identifier: MIT
/* The environment GDB gives the programs the stub starts (envlist.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "envlist.h"

/* Returns: the index of the entry named @name (@len bytes), or -1. */
static long find(const struct envlist *e, const char *name, size_t len)
{
	for (size_t i = 0; i < e->n; i++)
		if (!strncmp(e->v[i], name, len) && e->v[i][len] == '=')
			return (long)i;
	return -1;
}

void env_free(struct envlist *e)
{
	for (size_t i = 0; i < e->n; i++)
		free(e->v[i]);
	free(e->v);
	e->v = NULL;
	e->n = e->cap = 0;
}

static int append(struct envlist *e, char *var)
{
	if (e->n + 1 >= e->cap) {
		size_t cap = e->cap ? e->cap * 2 : 32;
		char **nv = realloc(e->v, cap * sizeof(*nv));

		if (!nv)
			return -ENOMEM;
		e->v = nv;
		e->cap = cap;
	}
	e->v[e->n++] = var;
	e->v[e->n] = NULL;
	return 0;
}

int env_reset(struct envlist *e, char *const *from)
{
	env_free(e);
	if (append(e, NULL))	/* an empty list still ends in NULL */
		return -ENOMEM;
	e->n = 0;
	for (size_t i = 0; from && from[i]; i++) {
		char *dup = strdup(from[i]);

		if (!dup || append(e, dup)) {
			free(dup);
			return -ENOMEM;
		}
	}
	return 0;
}

int env_set(struct envlist *e, const char *var)
{
	const char *eq = strchr(var, '=');
	char *dup;
	long i;

	if (!eq || eq == var)
		return -EINVAL;
	if (!e->v && env_reset(e, NULL))
		return -ENOMEM;
	dup = strdup(var);
	if (!dup)
		return -ENOMEM;
	i = find(e, var, (size_t)(eq - var));
	if (i >= 0) {
		free(e->v[i]);
		e->v[i] = dup;
		return 0;
	}
	if (append(e, dup)) {
		free(dup);
		return -ENOMEM;
	}
	return 0;
}

int env_unset(struct envlist *e, const char *name)
{
	long i = e->v ? find(e, name, strlen(name)) : -1;

	if (i < 0)
		return 0;
	free(e->v[i]);
	/* Keep the order: the program's environ reads like the stub's. */
	memmove(&e->v[i], &e->v[i + 1], (e->n - (size_t)i) * sizeof(*e->v));
	e->n--;
	return 0;
}

const char *env_get(const struct envlist *e, const char *name)
{
	long i = e->v ? find(e, name, strlen(name)) : -1;

	return i < 0 ? NULL : e->v[i] + strlen(name) + 1;
}
