/*
 * ov_file.c - files put in place whole (see ov_file.h). Shared by the
 * rota exports (staffing/) and the route exports (cli/).
 */
#include "ov_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ov_i18n.h"
#include "ov_str.h"

ov_status ov_file_error(const char *path, int e, const char *field,
			ov_err *err)
{
	if (e == ENOMEM)
		return OV_FAIL(err, OV_E_NOMEM, NULL, "%s", _("out of memory"));
	return OV_FAIL_AT(err, OV_E_IO, path, 0, field,
			  _("cannot write %s: %s"), path, strerror(e));
}

static ov_status exists(const char *path, const char *field, ov_err *err)
{
	return OV_FAIL_AT(err, OV_E_EXISTS, path, 0, field,
			  _("%s already exists; choose another name or use "
			    "--force"),
			  path);
}

ov_status ov_file_check(const char *path, int force, const char *field,
			ov_err *err)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return OV_OK;
	if (!S_ISREG(st.st_mode))
		return OV_FAIL_AT(err, OV_E_INPUT, path, 0, field,
				  _("%s is not a file"), path);
	return force ? OV_OK : exists(path, field, err);
}

ov_status ov_file_temp(const char *path, const char *field, char **tmp,
		       FILE **f, ov_err *err)
{
	*tmp = NULL;
	*f = NULL;
	for (int i = 0; i < 100; i++) {
		ov_buf b = OV_BUF_INIT;
		if (ov_buf_printf(&b, "%s.tmp-%ld-%d", path, (long)getpid(),
				  i))
			return ov_file_error(path, ENOMEM, field, err);
		int fd = open(ov_buf_str(&b), O_WRONLY | O_CREAT | O_EXCL,
			      0666);
		if (fd < 0) {
			int e = errno;
			ov_buf_free(&b);
			if (e == EEXIST)
				continue;
			return OV_FAIL_AT(err, OV_E_INPUT, path, 0, field,
					  _("cannot write %s: %s"), path,
					  strerror(e));
		}
		*f = fdopen(fd, "wb");
		if (!*f) {
			close(fd);
			unlink(b.data);
			ov_buf_free(&b);
			return ov_file_error(path, ENOMEM, field, err);
		}
		*tmp = b.data; /* the buffer's storage becomes the name */
		return OV_OK;
	}
	return ov_file_error(path, EEXIST, field, err);
}

ov_status ov_file_close(FILE *f, const char *path, const char *field,
			ov_err *err)
{
	int bad = fflush(f) != 0 || ferror(f);
	int e = bad ? errno : 0;
	if (!bad && fsync(fileno(f)) != 0 && errno != EINVAL) {
		bad = 1;
		e = errno;
	}
	if (fclose(f) != 0 && !bad) {
		bad = 1;
		e = errno;
	}
	return bad ? ov_file_error(path, e ? e : EIO, field, err) : OV_OK;
}

ov_status ov_file_commit(const char *tmp, const char *path, int force,
			 const char *field, ov_err *err)
{
	ov_status rc = OV_OK;
	if (!force) {
		if (link(tmp, path) == 0) {
			unlink(tmp);
			return OV_OK;
		}
		int e = errno;
		if (e == EEXIST)
			rc = exists(path, field, err);
		else if (e != EPERM && e != ENOTSUP && e != EOPNOTSUPP &&
			 e != EMLINK && e != ENOSYS)
			rc = ov_file_error(path, e, field, err);
		else
			rc = ov_file_check(path, 0, field, err);
	}
	if (rc == OV_OK && rename(tmp, path) != 0)
		rc = ov_file_error(path, errno, field, err);
	if (rc != OV_OK)
		unlink(tmp);
	return rc;
}

ov_status ov_file_write(const char *path, const char *data, size_t len,
			int force, const char *field, ov_err *err)
{
	ov_status rc = ov_file_check(path, force, field, err);
	char *tmp = NULL;
	FILE *f = NULL;
	if (rc == OV_OK)
		rc = ov_file_temp(path, field, &tmp, &f, err);
	if (rc != OV_OK)
		return rc;
	if (len && fwrite(data, 1, len, f) != len) {
		int e = errno ? errno : EIO;
		fclose(f);
		unlink(tmp);
		free(tmp);
		return ov_file_error(path, e, field, err);
	}
	rc = ov_file_close(f, path, field, err);
	if (rc == OV_OK)
		rc = ov_file_commit(tmp, path, force, field, err);
	else
		unlink(tmp);
	free(tmp);
	return rc;
}
