/*
 * Memory reads and writes.  At wrote() GDB has read the globals, a heap
 * buffer and an 80 KiB array, and written to them and to code; the program
 * then checks what it finds and stops in verified().
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define BIG_SIZE (80 * 1024 + 13)	/* over 64 KiB, not whole pages */
#define WBUF_SIZE 5000

unsigned char big[BIG_SIZE];		/* big[i] == big_pattern(i) */
uint32_t gword = 0x11223344;
char gstr[16] = "hello, world";
unsigned char *heap;			/* 256 bytes: heap[i] == 255 - i */
unsigned char *edge;			/* a page with nothing mapped after it */
unsigned char wbuf[WBUF_SIZE];		/* GDB writes (i * 7 + 1) & 0xff */

/* What the program finds after GDB's writes. */
uint32_t seen_gword;
char seen_gstr[16];
unsigned char seen_heap[8];
long big_bad = -1, big_first_bad = -1, wbuf_bad = -1;
int seen_ret;
uint32_t seen_code;		/* verified()'s first word, as the program reads it */

static unsigned char big_pattern(long i)
{
	return (unsigned char)(i * 31 + (i >> 8));
}

__attribute__((noinline)) int ret7(void)
{
	return 7;
}

__attribute__((noinline)) void wrote(void)
{
	__asm__ volatile("" ::: "memory");
}

__attribute__((noinline)) void verified(void)
{
	__asm__ volatile("" ::: "memory");
}

int main(void)
{
	for (long i = 0; i < BIG_SIZE; i++)
		big[i] = big_pattern(i);
	heap = malloc(256);
	for (int i = 0; i < 256; i++)
		heap[i] = (unsigned char)(255 - i);
	edge = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (edge == MAP_FAILED)
		return 2;
	munmap(edge + 4096, 4096);
	memset(edge, 0xee, 4096);

	wrote();

	seen_gword = gword;
	memcpy(seen_gstr, gstr, sizeof(gstr));
	memcpy(seen_heap, heap, sizeof(seen_heap));
	big_bad = wbuf_bad = 0;
	for (long i = 0; i < BIG_SIZE; i++) {
		if (big[i] != big_pattern(i)) {
			if (big_first_bad < 0)
				big_first_bad = i;
			big_bad++;
		}
	}
	for (long i = 0; i < WBUF_SIZE; i++)
		wbuf_bad += wbuf[i] != (unsigned char)(i * 7 + 1);
	seen_ret = ret7();
	memcpy(&seen_code, (const void *)verified, sizeof(seen_code));
	verified();
	return 0;
}
