// Every page of the interface: its path, title (a msgid), the roles
// that may open it and how it renders. Pages for later capabilities are
// added here by their issues.
import { N_ } from './i18n.js';
import { ADMIN, CARE, ECONOMY, OVERVIEW, ROTA, ROUTES } from './roles.js';
import { auditPage } from './page_audit.js';
import { dashboardPage } from './page_dashboard.js';
import { economyPage } from './page_economy.js';
import { organisationPage } from './page_organisation.js';
import { programmePage } from './page_programme.js';
import { recipientsPage } from './page_recipients.js';
import { rotaPage } from './page_rota.js';
import { routesPage } from './page_routes.js';

export const pages = [
  { id: 'dashboard', path: '/dashboard', title: N_("Overview"), roles: OVERVIEW, render: dashboardPage },
  { id: 'programme', path: '/programme', title: N_("Programme"), roles: OVERVIEW, render: programmePage },
  { id: 'organisation', path: '/organisation', title: N_("Organisation"), roles: OVERVIEW, render: organisationPage },
  { id: 'economy', path: '/economy', title: N_("Economy"), roles: ECONOMY, render: economyPage },
  { id: 'recipients', path: '/recipients', title: N_("Care recipients"), roles: CARE, render: recipientsPage },
  { id: 'rota', path: '/rota', title: N_("Rota"), roles: ROTA, render: rotaPage },
  { id: 'routes', path: '/routes', title: N_("Routes"), roles: ROUTES, render: routesPage },
  { id: 'audit', path: '/audit', title: N_("Audit trail"), roles: ADMIN, render: auditPage },
];
