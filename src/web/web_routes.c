/*
 * web_routes.c - the API's one route table: method, path, who may call
 * it, and whether it writes (and so needs the CSRF token). docs/api/
 * openapi.json describes the same routes; a test checks the two agree.
 */
#include "web_int.h"

/* Who may read what. No role implies another (see auth_may). */
#define EVERYONE AUTH_ANY_ROLE
/* The overview pages: all but the employee, who sees their own. */
#define OVERVIEW (AUTH_ANY_ROLE & ~AUTH_BIT(AUTH_EMPLOYEE))
/* Personal data of staff. */
#define STAFF                                                                 \
	(AUTH_BIT(AUTH_ADMIN) | AUTH_BIT(AUTH_LEADER) |                       \
	 AUTH_BIT(AUTH_ROTA_PLANNER) | AUTH_BIT(AUTH_HOMECARE_COORDINATOR))
/* Health data of care recipients. */
#define CARE                                                                  \
	(AUTH_BIT(AUTH_HOMECARE_COORDINATOR) | AUTH_BIT(AUTH_CASE_WORKER))
/* Budgets and accounts. */
#define ECONOMY                                                               \
	(AUTH_BIT(AUTH_ADMIN) | AUTH_BIT(AUTH_LEADER) |                       \
	 AUTH_BIT(AUTH_BUDGET_HOLDER) | AUTH_BIT(AUTH_STEERING_GROUP))
#define ADMIN AUTH_BIT(AUTH_ADMIN)
/* Stored rotas. */
#define ROTA_READ                                                             \
	(AUTH_BIT(AUTH_ROTA_PLANNER) | AUTH_BIT(AUTH_LEADER) |                \
	 AUTH_BIT(AUTH_HOMECARE_COORDINATOR))

const web_route web_routes[] = {
	{"GET", "/api/v1/health", 0, 0, web_api_health},
	{"GET", "/api/v1/i18n", 0, 0, web_api_i18n},
	{"POST", "/api/v1/session", 0, 1, web_api_login},
	{"DELETE", "/api/v1/session", EVERYONE, 1, web_api_logout},
	{"GET", "/api/v1/me", EVERYONE, 0, web_api_me},
	{"GET", "/api/v1/municipalities", EVERYONE, 0,
	 web_api_municipalities},
	{"GET", "/api/v1/dashboard", OVERVIEW, 0, web_api_dashboard},
	{"GET", "/api/v1/units", OVERVIEW, 0, web_api_units},
	{"GET", "/api/v1/employees", STAFF, 0, web_api_employees},
	{"GET", "/api/v1/recipients", CARE, 0, web_api_recipients},
	{"GET", "/api/v1/programme", OVERVIEW, 0, web_api_programme},
	{"GET", "/api/v1/economy", ECONOMY, 0, web_api_economy},
	{"GET", "/api/v1/audit", ADMIN, 0, web_api_audit},
	{"GET", "/api/v1/users", ADMIN, 0, web_api_users},
	{"POST", "/api/v1/rota/plan", AUTH_BIT(AUTH_ROTA_PLANNER), 1,
	 web_api_rota_plan},
	{"POST", "/api/v1/routes/plan", AUTH_BIT(AUTH_HOMECARE_COORDINATOR), 1,
	 web_api_routes_plan},
	{"POST", "/api/v1/routes/replan", AUTH_BIT(AUTH_HOMECARE_COORDINATOR),
	 1, web_api_routes_replan},
	{"GET", "/api/v1/jobs/{id}", EVERYONE, 0, web_api_job},
	{"GET", "/api/v1/rota", ROTA_READ, 0, web_api_rota_grid},
	{"GET", "/api/v1/rota/{unit}", ROTA_READ | AUTH_BIT(AUTH_EMPLOYEE), 0,
	 web_api_rota_unit},
	{"GET", "/api/v1/routes",
	 AUTH_BIT(AUTH_HOMECARE_COORDINATOR) | AUTH_BIT(AUTH_EMPLOYEE), 0,
	 web_api_routes},
	{NULL, NULL, 0, 0, NULL},
};
