/* SPDX-License-Identifier: MIT */
/*
 * The environment of the programs the stub starts, as GDB edits it
 * (QEnvironmentReset, QEnvironmentHexEncoded, QEnvironmentUnset): a
 * NULL-terminated "NAME=VALUE" array that execve() takes as it is.
 */
#ifndef A64STUB_ENVLIST_H
#define A64STUB_ENVLIST_H

#include <stddef.h>

struct envlist {
	char **v;		/* n entries, then NULL; NULL before the first reset */
	size_t n, cap;
};

/* Make @e a copy of @from (NULL-terminated).  Returns: 0 or -ENOMEM. */
int env_reset(struct envlist *e, char *const *from);

/*
 * Set the variable @var ("NAME=VALUE", NAME not empty), replacing one of
 * the same name.  Returns: 0, -EINVAL without '=' or a name, or -ENOMEM.
 */
int env_set(struct envlist *e, const char *var);

/* Remove variable @name, if set.  Returns: 0. */
int env_unset(struct envlist *e, const char *name);

/* Returns: the value of @name in @e, or NULL. */
const char *env_get(const struct envlist *e, const char *name);

/* Free what @e holds. */
void env_free(struct envlist *e);

#endif
