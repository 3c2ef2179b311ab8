// Runs a plan button's job: starts it, then follows GET /api/v1/jobs/{id}
// twice a second, showing the solver's progress in `status` (a live
// region, so a screen reader hears it too), until it is done or failed.
import { api } from './api.js';
import { num } from './format.js';
import { t, tf } from './i18n.js';

function progressText(job) {
  const p = job.progress;
  const s = job.seconds.toFixed(1).replace('.', ',');
  if (!p) return tf("Working… %s s", s);
  if (p.objective !== undefined) return tf("Working… %s s, best rota so far costs %s", s, num(p.objective));
  return tf("Working… %s s, %d lists, %s min driving", s, p.vehicles, num(Math.round(p.distance)));
}

export async function runJob(path, body, status) {
  status.setAttribute('role', 'status');
  status.className = 'job running';
  status.textContent = t("Starting…");
  const { job } = await api('POST', path, body);
  for (;;) {
    await new Promise((ok) => setTimeout(ok, 500));
    const j = await api('GET', `/api/v1/jobs/${job}`);
    if (j.state === 'running') {
      status.textContent = progressText(j);
      continue;
    }
    if (j.state === 'done') {
      status.className = 'job done';
      status.textContent = tf("Done in %s s.", j.seconds.toFixed(1).replace('.', ','));
      return j.result;
    }
    status.className = 'job failed';
    status.textContent = (j.error && j.error.message) || t("The job failed.");
    throw new Error(status.textContent);
  }
}
