/*
 * auth_password.c - password hashes and random tokens, both from
 * libsodium: argon2id (crypto_pwhash with its interactive limits, 64 MiB
 * and two passes) in the encoded "$argon2id$v=19$m=...$salt$hash" form,
 * which carries its own salt and parameters, and randombytes for tokens.
 */
#include <sodium.h>
#include <string.h>

#include "auth.h"
#include "base/ov_i18n.h"

static ov_status ready(ov_err *err)
{
	/* sodium_init is idempotent and thread-safe; 1 = already done. */
	if (sodium_init() < 0)
		return OV_FAIL(err, OV_E_INTERNAL, "",
			       _("The cryptography library could not start."));
	return OV_OK;
}

ov_status auth_password_policy(const char *password, ov_err *err)
{
	if (!password || strlen(password) < AUTH_PASSWORD_MIN)
		return OV_FAIL(err, OV_E_INPUT, "password",
			       _("A password needs at least %d characters."),
			       AUTH_PASSWORD_MIN);
	if (strlen(password) > AUTH_PASSWORD_MAX)
		return OV_FAIL(err, OV_E_INPUT, "password",
			       _("A password has at most %d characters."),
			       AUTH_PASSWORD_MAX);
	return OV_OK;
}

ov_status auth_password_hash(const char *password, char out[AUTH_HASH_SIZE],
			     ov_err *err)
{
	_Static_assert(AUTH_HASH_SIZE >= crypto_pwhash_STRBYTES,
		       "AUTH_HASH_SIZE holds an encoded hash");
	ov_status rc = ready(err);
	if (rc != OV_OK)
		return rc;
	if (crypto_pwhash_str_alg(out, password, strlen(password),
				  crypto_pwhash_OPSLIMIT_INTERACTIVE,
				  crypto_pwhash_MEMLIMIT_INTERACTIVE,
				  crypto_pwhash_ALG_ARGON2ID13) != 0)
		return OV_FAIL(err, OV_E_NOMEM, "",
			       _("Out of memory while hashing a password."));
	return OV_OK;
}

int auth_password_verify(const char *hash, const char *password)
{
	if (!hash || !*hash || !password || sodium_init() < 0)
		return 0;
	return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

ov_status auth_random_hex(char *out, size_t n, ov_err *err)
{
	ov_status rc = ready(err);
	if (rc != OV_OK)
		return rc;
	unsigned char bytes[64];
	if (n > sizeof bytes)
		return OV_FAIL(err, OV_E_INTERNAL, "", "token too long");
	randombytes_buf(bytes, n);
	sodium_bin2hex(out, 2 * n + 1, bytes, n);
	sodium_memzero(bytes, sizeof bytes);
	return OV_OK;
}

ov_status auth_random_password(char *out, size_t len, ov_err *err)
{
	/* letters and digits that cannot be mistaken for one another */
	static const char alphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";
	ov_status rc = ready(err);
	if (rc != OV_OK)
		return rc;
	for (size_t i = 0; i < len; i++)
		out[i] = alphabet[randombytes_uniform(sizeof alphabet - 1)];
	out[len] = '\0';
	return OV_OK;
}
