/* SPDX-License-Identifier: MIT */
/*
 * The target description files, compiled in so that the stub reads no
 * file at run time.  Each file becomes <sym>_start .. <sym>_end in
 * .rodata, followed by a NUL that is not part of it (so a blob can also
 * be read as a C string).  Paths are relative to the repository top,
 * where make runs.  Plain GNU as directives only: this assembles for
 * aarch64 (the stub) and for the host (the unit tests).
 */
	.macro	tdesc_blob sym, path
	.globl	\sym\()_start
	.globl	\sym\()_end
	.type	\sym\()_start, %object
	.type	\sym\()_end, %object
\sym\()_start:
	.incbin	"\path"
\sym\()_end:
	.byte	0
	.size	\sym\()_start, \sym\()_end - \sym\()_start
	.endm

	.section .rodata
	tdesc_blob tdesc_core_xml, "xml/aarch64-core.xml"
	tdesc_blob tdesc_fpu_xml, "xml/aarch64-fpu.xml"
	tdesc_blob tdesc_syscall_xml, "xml/a64stub-syscall.xml"
	tdesc_blob tdesc_tls_xml, "xml/aarch64-tls.xml"
	tdesc_blob tdesc_tls2_xml, "xml/aarch64-tls2.xml"
	tdesc_blob tdesc_pauth_xml, "xml/aarch64-pauth.xml"
	tdesc_blob tdesc_mte_xml, "xml/aarch64-mte.xml"

	/* No executable stack wanted. */
	.section .note.GNU-stack,"",%progbits
