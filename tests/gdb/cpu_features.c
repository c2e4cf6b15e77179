/*
 * What the kernel tells a program about the CPU (AT_HWCAP, AT_HWCAP2),
 * for the test of the VM_CPU=max lane: the program records both words and
 * the kernel's SVE vector length, then stops in seen().
 */
#include <sys/auxv.h>
#include <sys/prctl.h>

#ifndef PR_SVE_GET_VL
#define PR_SVE_GET_VL 51
#endif
#define PR_SVE_VL_LEN_MASK 0xffff

unsigned long hwcap, hwcap2;
long sve_vl;		/* bytes, or -1 (EINVAL) without SVE */

__attribute__((noinline)) void seen(void)
{
	__asm__ volatile("" ::: "memory");
}

int main(void)
{
	long vl;

	hwcap = getauxval(AT_HWCAP);
	hwcap2 = getauxval(AT_HWCAP2);
	vl = prctl(PR_SVE_GET_VL, 0, 0, 0, 0);
	sve_vl = vl < 0 ? -1 : (vl & PR_SVE_VL_LEN_MASK);
	seen();
	return 0;
}
