# ovttas - build, test and translation rules. `make` builds build/ovttas;
# `make test` builds everything again under AddressSanitizer and
# UndefinedBehaviorSanitizer and runs the whole test suite.

CC      ?= cc
# Build directory; give each concurrent build its own (make B=build-x).
B       ?= build
PKGS    := sqlite3 jansson xlsxwriter libical libsodium libmicrohttpd
STD     := -std=c17 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wvla
CFLAGS_COMMON = $(STD) $(WARN) $(shell pkg-config --cflags $(PKGS)) \
	-DOV_LOCALEDIR='"$(abspath $(B)/locale)"' -Isrc -I$(B)/gen
LIBS    := $(shell pkg-config --libs $(PKGS)) -lglpk -lm
REL_FLAGS  := -O2 -g
ASAN_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=all

SRC      := $(sort $(wildcard src/*/*.c))
MAIN     := src/cli/main.c
LIB_SRC  := $(filter-out $(MAIN),$(SRC))
MIGR     := $(sort $(wildcard src/db/migrations/*.sql))
GEN      := $(B)/gen/db_migrations_gen.c
# The front-end: bundled by esbuild from npm packages pinned in
# web/package-lock.json, then embedded in the binary with its texts.
WEB_SRC  := $(sort $(wildcard web/src/*)) web/index.html web/build.mjs \
	web/package.json web/package-lock.json
WEB_GEN  := $(B)/gen/web_assets_gen.c
TEST_SRC := $(sort $(wildcard tests/*/test_*.c))
SUPPORT  := $(sort $(wildcard tests/support/*.c))
LANGS    := nb se
MO       := $(LANGS:%=$(B)/locale/%/LC_MESSAGES/ovttas.mo)

REL_OBJ  := $(LIB_SRC:%.c=$(B)/rel/%.o) $(B)/rel/gen/db_migrations_gen.o \
	$(B)/rel/gen/web_assets_gen.o
ASAN_OBJ := $(LIB_SRC:%.c=$(B)/asan/%.o) $(B)/asan/gen/db_migrations_gen.o \
	$(B)/asan/gen/web_assets_gen.o
TESTS    := $(TEST_SRC:%.c=$(B)/asan/%)

.PHONY: all test pot clean bench-dp bench-http
# Keep the test support objects between runs (make would delete them as
# intermediates).
.SECONDARY:
all: $(B)/ovttas $(MO)

$(GEN): $(MIGR) tools/embed-migrations.sh
	@mkdir -p $(dir $@)
	tools/embed-migrations.sh $@ $(MIGR)

# npm ci only when the lockfile changed (npm writes the hidden lockfile).
web/node_modules/.package-lock.json: web/package-lock.json web/package.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(B)/web/app.js: $(WEB_SRC) web/node_modules/.package-lock.json
	cd web && OUT=$(abspath $(B)/web) node build.mjs

$(WEB_GEN): $(B)/web/app.js tools/embed-web.sh
	@mkdir -p $(dir $@)
	tools/embed-web.sh $@ $(B)/web web/src

$(B)/rel/gen/%.o: $(B)/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COMMON) $(REL_FLAGS) -Isrc/db -MMD -MP -c $< -o $@
$(B)/asan/gen/%.o: $(B)/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COMMON) $(ASAN_FLAGS) -Isrc/db -MMD -MP -c $< -o $@

$(B)/rel/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COMMON) $(REL_FLAGS) -MMD -MP -c $< -o $@
$(B)/asan/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COMMON) $(ASAN_FLAGS) -MMD -MP -c $< -o $@

$(B)/ovttas: $(B)/rel/$(MAIN:.c=.o) $(REL_OBJ)
	$(CC) $(REL_FLAGS) -o $@ $^ $(LIBS)

$(B)/asan/ovttas: $(B)/asan/$(MAIN:.c=.o) $(ASAN_OBJ)
	$(CC) $(ASAN_FLAGS) -o $@ $^ $(LIBS)

$(B)/asan/tests/%: tests/%.c $(SUPPORT:%.c=$(B)/asan/%.o) $(ASAN_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COMMON) $(ASAN_FLAGS) -Itests -o $@ $^ $(LIBS) -lcmocka

$(B)/locale/%/LC_MESSAGES/ovttas.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

# The release binary looks for its catalogues beside itself.
$(B)/ovttas: | $(B)/locale
$(B)/locale:
	@mkdir -p $@

test: $(TESTS) $(B)/asan/ovttas $(MO)
	@B=$(B) tests/run.sh $(TESTS)

# Regenerates the template from the sources; then update po/*.po with
# `msgmerge --update po/LANG.po po/ovttas.pot`.
# The DP's speed benchmark (bench/rostering/dp_speed.c), release flags.
bench-dp: $(B)/dp_speed
$(B)/dp_speed: bench/rostering/dp_speed.c $(REL_OBJ)
	$(CC) $(CFLAGS_COMMON) $(REL_FLAGS) -o $@ $^ $(LIBS)

# The HTTP benchmark (bench/http/): builds the bare libmicrohttpd peer
# (bench/http/bare.c) with release flags and runs bench/http/run.sh
# against $(B)/ovttas: HTTP_SECONDS per endpoint, HTTP_ROUNDS rounds.
HTTP_SECONDS ?= 10
HTTP_ROUNDS ?= 3
bench-http: $(B)/ovttas $(B)/http_bare
	bench/http/run.sh --seconds $(HTTP_SECONDS) --rounds $(HTTP_ROUNDS) $(B)/ovttas $(B)/http_bare
$(B)/http_bare: bench/http/bare.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COMMON) $(REL_FLAGS) -o $@ $< \
		$(shell pkg-config --libs libmicrohttpd) -lpthread

pot:
	xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=ngettext:1,2 \
		--add-comments=TRANSLATORS: --package-name=ovttas \
		--sort-by-file -o po/ovttas.pot $(SRC)
	xgettext --from-code=UTF-8 --language=JavaScript --keyword=t --keyword=tf --keyword=N_ \
		--package-name=ovttas --sort-by-file --join-existing \
		-o po/ovttas.pot $(wildcard web/src/*.js)

clean:
	rm -rf $(B)

-include $(shell find $(B) -name '*.d' 2>/dev/null)
