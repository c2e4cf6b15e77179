/*
 * Register writes reach the program.  GDB stops at regprobe_bp and writes
 * every register; the probe then stores what it finds in x0-x30, v0-v31,
 * NZCV, FPSR, FPCR and TPIDR_EL0 into seen_*, and puts back what the C
 * code around it needs.  pcprobe returns 1, or 2 if GDB moved its pc to
 * pcprobe_alt; spprobe returns the sp it finds after GDB lowered it.
 */
#include <stdint.h>

uint64_t seen_x[31];
uint64_t seen_v[64];		/* v0.d[0], v0.d[1], v1.d[0], ... */
uint64_t seen_sys[4];		/* nzcv, fpsr, fpcr, tpidr_el0 */
long pc_result;
uint64_t seen_sp;

long regprobe(void);
long pcprobe(void);
uint64_t spprobe(void);

__asm__(
"	.text\n"
"	.globl	regprobe\n"
"	.type	regprobe, %function\n"
"regprobe:\n"
"	stp	x29, x30, [sp, #-176]!\n"
"	mov	x29, sp\n"
"	stp	x19, x20, [sp, #16]\n"
"	stp	x21, x22, [sp, #32]\n"
"	stp	x23, x24, [sp, #48]\n"
"	stp	x25, x26, [sp, #64]\n"
"	stp	x27, x28, [sp, #80]\n"
"	stp	d8, d9, [sp, #96]\n"
"	stp	d10, d11, [sp, #112]\n"
"	stp	d12, d13, [sp, #128]\n"
"	stp	d14, d15, [sp, #144]\n"
"	mrs	x9, fpcr\n"
"	mrs	x10, tpidr_el0\n"
"	stp	x9, x10, [sp, #160]\n"
"	.globl	regprobe_bp\n"
"regprobe_bp:\n"
"	nop\n"
	/* Nothing below may change a register before it is stored. */
"	sub	sp, sp, #256\n"
"	stp	x0, x1, [sp, #0]\n"
"	stp	x2, x3, [sp, #16]\n"
"	stp	x4, x5, [sp, #32]\n"
"	stp	x6, x7, [sp, #48]\n"
"	stp	x8, x9, [sp, #64]\n"
"	stp	x10, x11, [sp, #80]\n"
"	stp	x12, x13, [sp, #96]\n"
"	stp	x14, x15, [sp, #112]\n"
"	stp	x16, x17, [sp, #128]\n"
"	stp	x18, x19, [sp, #144]\n"
"	stp	x20, x21, [sp, #160]\n"
"	stp	x22, x23, [sp, #176]\n"
"	stp	x24, x25, [sp, #192]\n"
"	stp	x26, x27, [sp, #208]\n"
"	stp	x28, x29, [sp, #224]\n"
"	str	x30, [sp, #240]\n"
"	mrs	x0, nzcv\n"
"	mrs	x1, fpsr\n"
"	mrs	x2, fpcr\n"
"	mrs	x3, tpidr_el0\n"
"	adrp	x4, seen_sys\n"
"	add	x4, x4, :lo12:seen_sys\n"
"	stp	x0, x1, [x4]\n"
"	stp	x2, x3, [x4, #16]\n"
"	adrp	x0, seen_v\n"
"	add	x0, x0, :lo12:seen_v\n"
"	stp	q0, q1, [x0, #0]\n"
"	stp	q2, q3, [x0, #32]\n"
"	stp	q4, q5, [x0, #64]\n"
"	stp	q6, q7, [x0, #96]\n"
"	stp	q8, q9, [x0, #128]\n"
"	stp	q10, q11, [x0, #160]\n"
"	stp	q12, q13, [x0, #192]\n"
"	stp	q14, q15, [x0, #224]\n"
"	stp	q16, q17, [x0, #256]\n"
"	stp	q18, q19, [x0, #288]\n"
"	stp	q20, q21, [x0, #320]\n"
"	stp	q22, q23, [x0, #352]\n"
"	stp	q24, q25, [x0, #384]\n"
"	stp	q26, q27, [x0, #416]\n"
"	stp	q28, q29, [x0, #448]\n"
"	stp	q30, q31, [x0, #480]\n"
"	adrp	x0, seen_x\n"
"	add	x0, x0, :lo12:seen_x\n"
"	mov	x1, #0\n"
"1:	ldr	x2, [sp, x1, lsl #3]\n"
"	str	x2, [x0, x1, lsl #3]\n"
"	add	x1, x1, #1\n"
"	cmp	x1, #31\n"
"	b.ne	1b\n"
"	add	sp, sp, #256\n"
"	ldp	x9, x10, [sp, #160]\n"
"	msr	fpcr, x9\n"
"	msr	tpidr_el0, x10\n"
"	msr	fpsr, xzr\n"
"	ldp	d14, d15, [sp, #144]\n"
"	ldp	d12, d13, [sp, #128]\n"
"	ldp	d10, d11, [sp, #112]\n"
"	ldp	d8, d9, [sp, #96]\n"
"	ldp	x27, x28, [sp, #80]\n"
"	ldp	x25, x26, [sp, #64]\n"
"	ldp	x23, x24, [sp, #48]\n"
"	ldp	x21, x22, [sp, #32]\n"
"	ldp	x19, x20, [sp, #16]\n"
"	ldp	x29, x30, [sp], #176\n"
"	mov	x0, #0\n"
"	ret\n"
"	.size	regprobe, . - regprobe\n"
"\n"
"	.globl	pcprobe\n"
"	.type	pcprobe, %function\n"
"pcprobe:\n"
"	.globl	pcprobe_bp\n"
"pcprobe_bp:\n"
"	mov	x0, #1\n"
"	ret\n"
"	.globl	pcprobe_alt\n"
"pcprobe_alt:\n"
"	mov	x0, #2\n"
"	ret\n"
"	.size	pcprobe, . - pcprobe\n"
"\n"
"	.globl	spprobe\n"
"	.type	spprobe, %function\n"
"spprobe:\n"
"	mov	x9, sp\n"
"	.globl	spprobe_bp\n"
"spprobe_bp:\n"
"	mov	x0, sp\n"
"	mov	sp, x9\n"
"	ret\n"
"	.size	spprobe, . - spprobe\n"
);

__attribute__((noinline)) void checked(void)
{
	__asm__ volatile("" ::: "memory");
}

int main(void)
{
	regprobe();
	pc_result = pcprobe();
	seen_sp = spprobe();
	checked();
	return 0;
}
