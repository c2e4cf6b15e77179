# libFuzzer targets for the protocol side (included by the top Makefile).
#
#   make fuzz [FUZZ_SECONDS=600]   run every target that long (in parallel,
#                                  FUZZ_JOBS at a time), growing the corpus
#                                  in $(BUILD)/fuzz/corpus/
#   make fuzz-check                what make check runs: the seed corpus
#                                  as a regression test, then a short run
#                                  (FUZZ_CHECK_SECONDS) of each target
#   make fuzz-corpus-merge         fold $(BUILD)/fuzz/corpus into fuzz/corpus
#
# Host clang with -fsanitize=fuzzer,address,undefined; the stub's protocol
# files over fuzz/fake_target.c (no ptrace: see that file).  Without clang
# and libFuzzer, fuzz-check prints SKIP lines.  Every run appends its
# execution counts to $(BUILD)/fuzz/stats.log; fuzz/run.sh totals them.

FUZZ_CC        ?= clang
FUZZ_SECONDS   ?= 600
FUZZ_CHECK_SECONDS ?= 20
FUZZ_JOBS      ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_DIR       := $(BUILD)/fuzz
FUZZ_TARGETS   := framing packet session
FUZZ_BINS      := $(patsubst %,$(FUZZ_DIR)/fuzz_%,$(FUZZ_TARGETS))
FUZZ_MODULES   := server cmd_file cmd_mem cmd_query cmd_regs cmd_run conn \
		  packet hex regs arm64 tdesc signals target_list envlist cmd_tls
FUZZ_OBJS      := $(patsubst %,$(FUZZ_DIR)/stub/%.o,$(FUZZ_MODULES)) \
		  $(FUZZ_DIR)/stub/tdesc_blob.o \
		  $(patsubst %,$(FUZZ_DIR)/%.o,harness fake_target fake_io)
FUZZ_SAN       := -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS    := $(CSTD) $(WARN) -g -O1 -D_GNU_SOURCE $(FUZZ_SAN) \
		  -fsanitize=fuzzer-no-link -Istub -Ifuzz
FUZZ_HDRS      := $(wildcard stub/*.h fuzz/*.h)
FUZZ_ENV        = BUILD='$(BUILD)' FUZZ_CC='$(FUZZ_CC)' FUZZ_JOBS='$(FUZZ_JOBS)' \
		  FUZZ_TARGETS='$(FUZZ_TARGETS)' MAKE='$(MAKE)'

.PHONY: fuzz fuzz-check fuzz-build fuzz-corpus-merge
.SECONDARY: $(FUZZ_OBJS)

fuzz-build: $(FUZZ_BINS)

fuzz:
	@$(FUZZ_ENV) fuzz/run.sh long $(FUZZ_SECONDS)

fuzz-check:
	@$(FUZZ_ENV) fuzz/run.sh check $(FUZZ_CHECK_SECONDS)

fuzz-corpus-merge: $(FUZZ_BINS)
	@$(FUZZ_ENV) fuzz/run.sh merge 0

$(FUZZ_DIR)/fuzz_%: fuzz/fuzz_%.c $(FUZZ_OBJS) $(FUZZ_HDRS) | $(FUZZ_DIR)/stub
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJS)

# The stub's files, with their file calls sent to fuzz/fake_io.c.
$(FUZZ_DIR)/stub/%.o: stub/%.c $(FUZZ_HDRS) | $(FUZZ_DIR)/stub
	$(FUZZ_CC) $(FUZZ_CFLAGS) -include fuzz/fake_io.h -c -o $@ $<

$(FUZZ_DIR)/stub/tdesc_blob.o: stub/tdesc_blob.S $(XML_FILES) | $(FUZZ_DIR)/stub
	$(FUZZ_CC) -c -o $@ $<

# The harness itself is not under test: no coverage feedback from it.
$(FUZZ_DIR)/%.o: fuzz/%.c $(FUZZ_HDRS) | $(FUZZ_DIR)/stub
	$(FUZZ_CC) $(filter-out -fsanitize=fuzzer-no-link,$(FUZZ_CFLAGS)) -c -o $@ $<

$(FUZZ_DIR)/stub:
	mkdir -p $@
