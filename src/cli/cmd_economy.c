/* cmd_economy.c - placeholder until the module's command lands. */
#include "cli.h"
int cmd_economy_summary(cli_ctx *ctx, int argc, char **argv) { (void)ctx; (void)argc; (void)argv; return 2; }
