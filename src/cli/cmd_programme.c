/* cmd_programme.c - placeholder until the module's command lands. */
#include "cli.h"
int cmd_programme_show(cli_ctx *ctx, int argc, char **argv) { (void)ctx; (void)argc; (void)argv; return 2; }
