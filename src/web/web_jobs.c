/*
 * web_jobs.c - long work started from the browser (planning a rota or a
 * day's routes) runs as this very program in a child process: the same
 * command a planner would type, with --json, so the command line's
 * checks, transactions and audit rows hold unchanged. The server keeps
 * answering meanwhile (its one thread never waits for a solver), and a
 * solver's crash cannot take the server down. The child's output goes
 * to two temporary files, unlinked as soon as the child has them (they
 * may name recipients): only the two descriptors the server keeps lead
 * to them. Each poll of GET /api/v1/jobs/{id} reads the progress lines
 * written so far and, once the child has exited, its JSON answer.
 * Finished children are reaped whenever a job starts or is polled, so
 * a job nobody follows frees its place; a user runs at most
 * WEB_JOBS_PER_USER at once.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/ov_i18n.h"
#include "web_int.h"

extern char **environ;

struct web_job {
	int id;
	pid_t pid;         /* 0 once reaped */
	int64_t user_id;   /* only its starter may read it */
	char kind[24];     /* "rota.plan", "routes.plan", ... */
	int out_fd;        /* the child's stdout and stderr, unlinked */
	int err_fd;
	struct timespec started;
	double seconds;    /* run time, fixed when it ends */
	int exit_code;     /* valid once pid is 0 */
};

static double since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) +
	       (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Everything written to fd so far (it is read from the start). */
static char *slurp(int fd)
{
	ov_buf b = OV_BUF_INIT;
	char chunk[4096];
	ssize_t n;
	off_t at = 0;
	while ((n = pread(fd, chunk, sizeof chunk, at)) > 0) {
		ov_buf_add(&b, chunk, (size_t)n);
		at += n;
	}
	char *s = strdup(ov_buf_str(&b));
	ov_buf_free(&b);
	return s;
}

/* A temporary file for the child, already unlinked; its descriptor (not
 * inherited by children but through the file actions), or -1. */
static int temp_file(void)
{
	const char *dir = getenv("TMPDIR");
	char path[4096];
	snprintf(path, sizeof path, "%s/ovttas-job-XXXXXX",
		 dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path);
	if (fd >= 0) {
		unlink(path);
		fcntl(fd, F_SETFD, FD_CLOEXEC);
	}
	return fd;
}

/* Notes the end of a child that has exited; nonzero if it has. */
static int reap(web_job *j)
{
	int st = 0;
	if (j->pid > 0 && waitpid(j->pid, &st, WNOHANG) == j->pid) {
		j->pid = 0;
		j->exit_code = WIFEXITED(st) ? WEXITSTATUS(st) : 2;
		j->seconds = since(&j->started);
	}
	return j->pid == 0;
}

static void job_free(web_job *j)
{
	if (!j)
		return;
	if (j->pid > 0) {
		kill(j->pid, SIGTERM);
		waitpid(j->pid, NULL, 0);
	}
	if (j->out_fd >= 0)
		close(j->out_fd);
	if (j->err_fd >= 0)
		close(j->err_fd);
	free(j);
}

void web_jobs_free(web_app *app)
{
	for (int i = 0; i < WEB_MAX_JOBS; i++) {
		job_free(app->jobs[i]);
		app->jobs[i] = NULL;
	}
}

/* A slot for a new job: a free one, else the oldest finished one. */
static int free_slot(web_app *app)
{
	int oldest = -1;
	for (int i = 0; i < WEB_MAX_JOBS; i++) {
		web_job *j = app->jobs[i];
		if (!j)
			return i;
		reap(j);
		if (j->pid == 0 && (oldest < 0 || j->id < app->jobs[oldest]->id))
			oldest = i;
	}
	if (oldest >= 0) {
		job_free(app->jobs[oldest]);
		app->jobs[oldest] = NULL;
	}
	return oldest;
}

int web_job_start(web_ctx *c, const char *kind, const char *const *args)
{
	web_app *app = c->app;
	int mine = 0;
	for (int i = 0; i < WEB_MAX_JOBS; i++)
		if (app->jobs[i] && !reap(app->jobs[i]) &&
		    app->jobs[i]->user_id == c->who->user_id)
			mine++;
	if (mine >= WEB_JOBS_PER_USER) {
		web_error(c, 429, "busy", "", "%s",
			  _("You have plans running already; wait until one "
			    "is done."));
		return -1;
	}
	int slot = free_slot(app);
	if (slot < 0) {
		web_error(c, 503, "busy", "", "%s",
			  _("Too many plans are running; try again in a "
			    "minute."));
		return -1;
	}
	web_job *j = calloc(1, sizeof *j);
	if (j) {
		j->out_fd = temp_file();
		j->err_fd = temp_file();
	}
	if (!j || j->out_fd < 0 || j->err_fd < 0) {
		job_free(j);
		web_error(c, 500, "OV_E_IO", "", "%s",
			  _("Cannot start the job."));
		return -1;
	}
	snprintf(j->kind, sizeof j->kind, "%s", kind);
	j->user_id = c->who->user_id;

	/* argv: the program, the database, the user's language, --json,
	 * then the command */
	const char *argv[32];
	int n = 0;
	argv[n++] = app->exe;
	argv[n++] = "--db";
	argv[n++] = app->db_path;
	argv[n++] = "--lang";
	argv[n++] = ov_i18n_lang();
	argv[n++] = "--json";
	for (int i = 0; args[i] && n < 31; i++)
		argv[n++] = args[i];
	argv[n] = NULL;

	/* the environment, plus who acts, for the audit trail */
	char actor[96], actor_id[48];
	snprintf(actor, sizeof actor, "OVTTAS_ACTOR=%s", c->who->username);
	snprintf(actor_id, sizeof actor_id, "OVTTAS_ACTOR_ID=%lld",
		 (long long)c->who->user_id);
	size_t ne = 0;
	while (environ[ne])
		ne++;
	char **env = calloc(ne + 3, sizeof *env);
	size_t k = 0;
	for (size_t i = 0; env && i < ne; i++)
		if (strncmp(environ[i], "OVTTAS_ACTOR", 12) != 0)
			env[k++] = environ[i];
	if (env) {
		env[k++] = actor;
		env[k++] = actor_id;
	}

	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null",
					 O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, j->out_fd, STDOUT_FILENO);
	posix_spawn_file_actions_adddup2(&fa, j->err_fd, STDERR_FILENO);
	int rc = env ? posix_spawn(&j->pid, app->exe, &fa, NULL,
				   (char *const *)argv, env)
		     : ENOMEM;
	posix_spawn_file_actions_destroy(&fa);
	free(env);
	if (rc != 0) {
		j->pid = 0;
		job_free(j);
		web_error(c, 500, "OV_E_IO", "", _("Cannot start the job: %s"),
			  strerror(rc));
		return -1;
	}
	clock_gettime(CLOCK_MONOTONIC, &j->started);
	j->id = ++app->last_job;
	app->jobs[slot] = j;
	return j->id;
}

/* The last {"progress": ...} line of the child's stderr, and the error
 * document it printed last, if any. */
static void read_err(const char *text, json_t **progress, json_t **error)
{
	*progress = NULL;
	*error = NULL;
	for (const char *line = text; line && *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		if (!strncmp(line, "{\"progress\":", 12)) {
			json_t *p = json_loadb(line, len, 0, NULL);
			if (p) {
				json_decref(*progress);
				*progress = json_incref(json_object_get(p, "progress"));
				json_decref(p);
			}
		} else if (len == 1 && line[0] == '{') {
			/* an indented document: cli_fail's error */
			json_t *e = json_loads(line, JSON_DISABLE_EOF_CHECK,
					       NULL);
			if (e && json_object_get(e, "error")) {
				json_decref(*error);
				*error = json_incref(json_object_get(e, "error"));
			}
			json_decref(e);
		}
		line = end ? end + 1 : NULL;
	}
}

static web_job *find_job(web_app *app, int id)
{
	for (int i = 0; i < WEB_MAX_JOBS; i++)
		if (app->jobs[i] && app->jobs[i]->id == id)
			return app->jobs[i];
	return NULL;
}

json_t *web_job_state(web_app *app, int id, int64_t user_id)
{
	web_job *j = find_job(app, id);
	if (!j || j->user_id != user_id)
		return NULL;
	int running = !reap(j);
	char *err_text = slurp(j->err_fd);
	json_t *progress, *error;
	read_err(err_text, &progress, &error);
	free(err_text);
	json_t *o = json_pack("{s:i,s:s,s:s,s:f}", "id", j->id, "kind",
			      j->kind, "state",
			      running ? "running"
			      : j->exit_code == 0 ? "done"
						  : "failed",
			      "seconds",
			      running ? since(&j->started) : j->seconds);
	json_object_set_new(o, "progress", progress ? progress : json_null());
	json_t *result = NULL;
	if (!running && j->exit_code == 0) {
		char *out = slurp(j->out_fd);
		result = out ? json_loads(out, 0, NULL) : NULL;
		free(out);
	}
	json_object_set_new(o, "result", result ? result : json_null());
	if (!running && j->exit_code != 0 && !error)
		error = json_pack("{s:s,s:s}", "code", "OV_E_INTERNAL",
				  "message", _("The job stopped unexpectedly."));
	json_object_set_new(o, "error", error ? error : json_null());
	return o;
}
