// SPDX-License-Identifier: MIT
/*
 * MTE (QEMU's max CPU): three pages mapped with PROT_MTE, synchronous
 * tag checks on.  Granules 0-3 get allocation tag 7 (stg through a
 * pointer whose logical tag is 7); GDB reads the tags, then sets the tags
 * of four granules across the boundary of pages 2 and 3, which the
 * program reads back (ldg); last, a store through a pointer with logical
 * tag 5 into a granule tagged 7 faults (SIGSEGV, SEGV_MTESERR).
 *
 * Measured: QEMU 7.2's TCG keeps one tag for all the even granules of a
 * page and one for all the odd ones (after a single stg at granule 0,
 * ldg reads that tag at every 32-byte offset of the page).  So the test
 * checks only what holds there and on real hardware alike: no granule
 * is expected to keep a tag other than its page-mates', and the written
 * granules are tagged 1 2 1 2 (even, odd, even, odd) in both pages.
 */
#include <stddef.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/prctl.h>

#define PROT_MTE		0x20
#define PAGE			4096

unsigned char *buf, *p7, *p5;
unsigned long tags_after[4];

static void *with_tag(void *p, unsigned long tag)
{
	return (void *)(((uintptr_t)p & ~(0xfUL << 56)) | (tag << 56));
}

static void set_tag(void *p)
{
	asm volatile("stg %0, [%0]" : : "r"(p) : "memory");
}

static unsigned long get_tag(void *p)
{
	void *r = p;

	asm volatile("ldg %0, [%0]" : "+r"(r));
	return ((uintptr_t)r >> 56) & 0xf;
}

void tagged(void)
{
}

void checked(void)
{
}

int main(void)
{
	if (prctl(PR_SET_TAGGED_ADDR_CTRL, PR_TAGGED_ADDR_ENABLE | PR_MTE_TCF_SYNC |
		  (0xfffeUL << PR_MTE_TAG_SHIFT), 0, 0, 0))
		return 2;
	buf = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE | PROT_MTE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (buf == MAP_FAILED)
		return 3;
	p7 = with_tag(buf, 7);
	for (int i = 0; i < 4; i++)
		set_tag(p7 + 16 * i);
	p7[0] = 1;
	tagged();
	for (int i = 0; i < 4; i++)
		tags_after[i] = get_tag(buf + 2 * PAGE - 32 + 16 * i);
	checked();
	p5 = with_tag(buf, 5);
	p5[16] = 2;	/* L:fault */
	return 0;
}
