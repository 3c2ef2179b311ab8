// Which role may open which page: the same sets as the server's route
// table (src/web/web_routes.c), which decides; this only hides links a
// user cannot follow.
export const EVERYONE = ['admin', 'leader', 'budget_holder', 'rota_planner',
  'homecare_coordinator', 'case_worker', 'employee', 'steering_group'];
export const OVERVIEW = EVERYONE.filter((r) => r !== 'employee');
export const ECONOMY = ['admin', 'leader', 'budget_holder', 'steering_group'];
export const CARE = ['homecare_coordinator', 'case_worker'];
export const ADMIN = ['admin'];
export const ROUTES = ['homecare_coordinator', 'employee'];
export const ROTA = ['rota_planner', 'leader', 'homecare_coordinator', 'employee'];

export function holds(me, roles) {
  return !!me && me.roles.some((g) => roles.includes(g.role));
}
