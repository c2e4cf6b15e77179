// SPDX-License-Identifier: MIT
/*
 * qGetTLSAddr: where a thread-local variable of any module is, in any
 * thread, found from memory the way glibc's own __tls_get_addr does,
 * with no libthread_db.
 *
 * glibc on arm64 (TLS variant I, sysdeps/aarch64/nptl/tls.h): tpidr_el0
 * points at the thread control block, whose first word is the DTV
 * pointer; DTV entry N (16 bytes each, from that pointer; entry -1 holds
 * the DTV's length) holds module N's TLS block in this thread.  The
 * program is module 1.  A library's module id is l_tls_modid in glibc's
 * private part of its struct link_map, whose offset changes between
 * glibc builds; it is found by content: struct link_map (include/link.h)
 * has, in this order,
 *	l_tls_initimage, l_tls_initimage_size, l_tls_blocksize,
 *	l_tls_align, l_tls_firstbyte_offset, l_tls_offset, l_tls_modid
 * and the first four are the module's PT_TLS header (p_vaddr relocated
 * by l_addr, p_filesz, p_memsz, p_align), read from the module's own
 * program headers in memory.  The module id found must be within the
 * DTV, and where the module is in static TLS (l_tls_offset set) the DTV
 * entry must be tp + l_tls_offset, as glibc sets it up
 * (_dl_allocate_tls_init in elf/dl-tls.c).
 *
 * Limits: glibc only (musl or bionic lay out their TLS differently);
 * the ELF header of a library must be mapped at its l_addr (true of
 * ordinary shared objects, linked at 0); a module loaded by dlopen whose
 * TLS this thread has not touched yet has no block: the error says so.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <string.h>

#include "hex.h"
#include "server.h"

#define PT_TLS_TYPE	7
#define LM_SCAN_BYTES	4096		/* struct link_map is ~1.1 KiB in glibc 2.36 */
#define TLS_UNALLOCATED	UINT64_MAX	/* TLS_DTV_UNALLOCATED */

struct tls_phdr {
	uint64_t vaddr, filesz, memsz, align;
};

static int peek(struct session *s, struct process *p, uint64_t addr,
		void *buf, size_t len)
{
	return target_read_mem(s->t, p, addr, buf, len) == (ssize_t)len ? 0 : -EIO;
}

/* The PT_TLS header of the module whose ELF header is at @base.  Returns: 0, -ENOENT (none) or -EIO. */
static int module_pt_tls(struct session *s, struct process *p, uint64_t base,
			 struct tls_phdr *tls)
{
	unsigned char eh[64];
	uint64_t phoff;
	uint16_t phentsize, phnum;

	if (peek(s, p, base, eh, sizeof(eh)))
		return -EIO;
	if (memcmp(eh, "\177ELF", 4) || eh[4] != 2 /* ELFCLASS64 */)
		return -EIO;
	memcpy(&phoff, eh + 32, 8);
	memcpy(&phentsize, eh + 54, 2);
	memcpy(&phnum, eh + 56, 2);
	if (phentsize < 56)
		return -EIO;
	for (unsigned int i = 0; i < phnum && i < 256; i++) {
		unsigned char ph[56];
		uint32_t type;

		if (peek(s, p, base + phoff + (uint64_t)i * phentsize, ph, sizeof(ph)))
			return -EIO;
		memcpy(&type, ph, 4);
		if (type != PT_TLS_TYPE)
			continue;
		memcpy(&tls->vaddr, ph + 16, 8);
		memcpy(&tls->filesz, ph + 32, 8);
		memcpy(&tls->memsz, ph + 40, 8);
		memcpy(&tls->align, ph + 48, 8);
		return 0;
	}
	return -ENOENT;
}

/*
 * The TLS block of the module at link_map @lm (l_addr @l_addr) in the
 * thread whose thread pointer is @tp and DTV @dtv.
 * Returns: 0 with *@block, or -errno with out->errmsg set.
 */
static int library_block(struct session *s, struct process *p, uint64_t lm,
			 uint64_t l_addr, uint64_t tp, uint64_t dtv,
			 uint64_t *block, struct reply *out)
{
	uint64_t words[LM_SCAN_BYTES / 8], dtv_len;
	struct tls_phdr tls;
	ssize_t got;
	int err;

	err = module_pt_tls(s, p, l_addr, &tls);
	if (err) {
		out->errmsg = err == -ENOENT ? "the library has no thread-local storage (no PT_TLS)" :
			      "cannot read the library's program headers";
		return err;
	}
	if (peek(s, p, dtv - 16, &dtv_len, 8))
		return -EIO;
	got = target_read_mem(s->t, p, lm, words, sizeof(words));
	if (got < 0)
		return -EIO;
	/* Past the public head (l_addr, l_name, l_ld, l_next, l_prev). */
	for (size_t i = 5; i + 7 <= (size_t)got / 8; i++) {
		uint64_t modid = words[i + 6], off = words[i + 5], entry;

		if ((words[i] != l_addr + tls.vaddr && words[i] != tls.vaddr) ||
		    words[i + 1] != tls.filesz || words[i + 2] != tls.memsz ||
		    words[i + 3] != tls.align)
			continue;
		if (modid < 1 || modid > dtv_len || peek(s, p, dtv + 16 * modid, &entry, 8))
			continue;
		/* In static TLS (offset neither 0 nor -1): the block is there. */
		if (off != 0 && off != UINT64_MAX && entry != tp + off &&
		    entry != TLS_UNALLOCATED)
			continue;
		if (entry == TLS_UNALLOCATED || entry == 0) {
			out->errmsg = "the thread has no TLS block of this library yet (loaded by dlopen, not used in this thread)";
			return -EAGAIN;
		}
		*block = entry;
		return 0;
	}
	out->errmsg = "cannot find the library's TLS module id in its link_map (not glibc?)";
	return -ENOENT;
}

/* qGetTLSAddr:thread-id,offset,lm  The address of a thread-local variable. */
int cmd_tls_addr(struct session *s, const char *a, size_t n, struct reply *out)
{
	uint64_t off, lm, tp, dtv, block, l_addr = 0, name_ptr = 0;
	struct process *p;
	struct ptid id;
	struct thread *th;
	char c = 0;
	int err;

	(void)n;
	if (*a++ != ':' || ptid_parse(&a, &id) || *a++ != ',' ||
	    hex_parse_u64(&a, &off) || *a++ != ',' || hex_parse_u64_all(a, &lm))
		return -EINVAL;
	th = session_thread(s, id.tid > 0 ? id.tid : s->g_tid);
	if (!th)
		return -ESRCH;
	p = th->proc;
	/* struct link_map's public head: l_addr, l_name: "" names the program. */
	if (lm && (peek(s, p, lm, &l_addr, 8) || peek(s, p, lm + 8, &name_ptr, 8) ||
		   (name_ptr && peek(s, p, name_ptr, &c, 1))))
		return -EIO;
	if (target_reg_read(s->t, th, (unsigned int)target_reg_number(s->t, th, "tpidr"), &tp) ||
	    peek(s, p, tp, &dtv, 8))
		return -EIO;
	if (lm && c) {
		err = library_block(s, p, lm, l_addr, tp, dtv, &block, out);
		if (err)
			return err;
	} else if (peek(s, p, dtv + 16, &block, 8)) {
		return -EIO;
	}
	if (block == 0 || block == TLS_UNALLOCATED) {
		out->errmsg = "the thread's TLS block is not allocated yet";
		return -EAGAIN;
	}
	return reply_printf(out, "%" PRIx64, block + off);
}
