/* cmd_org.c - placeholder until the module's command lands. */
#include "cli.h"
int cmd_org_units(cli_ctx *ctx, int argc, char **argv) { (void)ctx; (void)argc; (void)argv; return 2; }
int cmd_org_employees(cli_ctx *ctx, int argc, char **argv) { (void)ctx; (void)argc; (void)argv; return 2; }
