// SPDX-License-Identifier: MIT
#include <string.h>

#include "regs.h"

unsigned char *regs_buf(struct regcache *rc, enum regset_id id)
{
	switch (id) {
	case RS_GPR:
		return rc->gpr;
	case RS_FP:
		return rc->fp;
	case RS_SYSCALL:
		return rc->sysc;
	case RS_TLS:
		return rc->tls;
	case RS_COUNT:
		break;
	}
	return NULL;
}

size_t regs_set_size(enum regset_id id)
{
	static const size_t sizes[RS_COUNT] = {
		[RS_GPR] = RS_GPR_SIZE,
		[RS_FP] = RS_FP_SIZE,
		[RS_SYSCALL] = RS_SYSCALL_SIZE,
		[RS_TLS] = RS_TLS_SIZE,
	};

	return id < RS_COUNT ? sizes[id] : 0;
}

int regs_find(const char *name)
{
	for (unsigned int i = 0; i < regs_count; i++)
		if (!strcmp(regs_table[i].name, name))
			return (int)i;
	return -1;
}

size_t regs_g_size(void)
{
	size_t n = 0;

	for (unsigned int i = 0; i < regs_count; i++)
		n += regs_table[i].bitsize / 8;
	return n;
}
