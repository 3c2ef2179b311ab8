/*
 * auth_role.c - role codes and the one authorisation rule: a role is
 * held in a municipality, or in both (shared services). No role implies
 * another: an admin manages users and reads the audit trail, but reads
 * health data only if also given a role that may.
 */
#include <string.h>

#include "auth.h"

static const char *const codes[AUTH_ROLE_END] = {
	[AUTH_ADMIN] = "admin",
	[AUTH_LEADER] = "leader",
	[AUTH_BUDGET_HOLDER] = "budget_holder",
	[AUTH_ROTA_PLANNER] = "rota_planner",
	[AUTH_HOMECARE_COORDINATOR] = "homecare_coordinator",
	[AUTH_CASE_WORKER] = "case_worker",
	[AUTH_EMPLOYEE] = "employee",
	[AUTH_STEERING_GROUP] = "steering_group",
};

const char *auth_role_code(int role)
{
	return (role > 0 && role < AUTH_ROLE_END) ? codes[role] : "";
}

int auth_role_from_code(const char *code)
{
	for (int r = 1; code && r < AUTH_ROLE_END; r++)
		if (!strcmp(codes[r], code))
			return r;
	return 0;
}

static int grant_allows(const auth_grant *g, unsigned mask)
{
	return g->role > 0 && g->role < AUTH_ROLE_END &&
	       (mask & AUTH_BIT(g->role)) != 0;
}

int auth_may(const auth_principal *p, unsigned mask, int64_t m)
{
	for (int i = 0; p && i < p->ngrants; i++) {
		const auth_grant *g = &p->grants[i];
		if (grant_allows(g, mask) &&
		    (g->municipality_id == 0 || g->municipality_id == m))
			return 1;
	}
	return 0;
}

int auth_may_somewhere(const auth_principal *p, unsigned mask)
{
	for (int i = 0; p && i < p->ngrants; i++)
		if (grant_allows(&p->grants[i], mask))
			return 1;
	return 0;
}
