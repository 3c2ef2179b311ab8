/*
 * demo_users.c - the demo's web users: one per role in each
 * municipality, so every page can be tried as every kind of user. Each is
 * an employee of the municipality's mobile home care (KOSTRA 258), the
 * unit whose rota and routes the demo plans, so the "employee" user has a
 * rota and a route of their own. It reads org/ and writes auth/.
 */
#include <stdio.h>
#include <string.h>

#include "auth/auth.h"
#include "demo_int.h"
#include "org/org.h"

/* The first home-care unit of municipality m, or 0. */
static int64_t home_care_unit(db *d, int64_t m, ov_err *err)
{
	org_unit *u = NULL;
	size_t n = 0;
	int64_t id = 0;
	if (org_units_list(d, m, &u, &n, err) != OV_OK)
		return 0;
	for (size_t i = 0; i < n && !id; i++)
		if (!strcmp(u[i].funksjon, "258"))
			id = u[i].id;
	free(u);
	return id;
}

static ov_status municipality_users(db *d,
				    const org_municipality *m,
				    demo_logins *out, ov_err *err)
{
	int64_t unit = home_care_unit(d, m->id, err);
	org_employee *e = NULL;
	size_t ne = 0;
	ov_status rc = unit ? org_employees_list(d, m->id, unit, &e, &ne, err)
			    : OV_FAIL(err, OV_E_INTERNAL, "",
				      "no home-care unit in %s", m->code);
	/* a municipality's name in lower case ASCII for the username */
	const char *slug = !strcmp(m->code, "5610") ? "karasjok" : "kautokeino";
	const auth_actor who = {0, "demo"};
	for (int r = 1; rc == OV_OK && r < AUTH_ROLE_END; r++) {
		if ((size_t)r > ne) {
			rc = OV_FAIL(err, OV_E_INTERNAL, "",
				     "too few home-care employees in %s",
				     m->code);
			break;
		}
		const org_employee *em = &e[r - 1];
		demo_login l = {0};
		snprintf(l.username, sizeof l.username, "%s.%s", slug,
			 auth_role_code(r));
		/* from the system's random source, not the seed: a demo
		 * served somewhere must not open with passwords anyone can
		 * compute from the source */
		rc = auth_random_password(l.password, 12, err);
		if (rc != OV_OK)
			break;
		snprintf(l.role, sizeof l.role, "%s", auth_role_code(r));
		snprintf(l.municipality, sizeof l.municipality, "%s", m->code);
		snprintf(l.full_name, sizeof l.full_name, "%s %s",
			 em->given_name, em->family_name);
		auth_grant g = {r, m->id};
		auth_user_spec spec = {l.username, l.full_name, l.password,
				       em->employee_id, 1, &g};
		rc = auth_user_add(d, &who, &spec, NULL, err);
		if (rc == OV_OK && out && out->n < DEMO_MAX_LOGINS)
			out->login[out->n++] = l;
	}
	free(e);
	return rc;
}

ov_status demo_users_load(db *d, ov_rng *rng, demo_logins *out, ov_err *err)
{
	(void)rng; /* the passwords are not the seed's (see above) */
	org_municipality *m = NULL;
	size_t n = 0;
	if (out)
		out->n = 0;
	ov_status rc = org_municipality_list(d, &m, &n, err);
	for (size_t i = 0; rc == OV_OK && i < n; i++)
		rc = municipality_users(d, &m[i], out, err);
	free(m);
	return rc;
}
