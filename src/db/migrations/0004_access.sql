-- 0004_access.sql - access and audit (M10): the eight roles every
-- database has, log-in state of a user, sessions of the web interface and
-- the append-only audit trail. Owned by src/auth/. Portable SQL, as 0001,
-- except the two triggers that make audit_log append-only (SQLite's
-- syntax; PostgreSQL gets its own with that back-end).

-- The roles are part of the schema, not of the demo: `ovttas user add`
-- must find them in any database.
INSERT INTO role (id, code, name_nb, name_se) VALUES
  (1, 'admin', 'Administrator', 'Administráhtor'),
  (2, 'leader', 'Leder', 'Jođiheaddji'),
  (3, 'budget_holder', 'Budsjettansvarlig', 'Bušeahttaovddasvástideaddji'),
  (4, 'rota_planner', 'Turnusplanlegger', 'Vuorrolistaplánejeaddji'),
  (5, 'homecare_coordinator', 'Koordinator hjemmetjenesten',
      'Ruovttubálvalusaid koordináhtor'),
  (6, 'case_worker', 'Saksbehandler', 'Áššemeannudeaddji'),
  (7, 'employee', 'Ansatt', 'Bargi'),
  (8, 'steering_group', 'Styringsgruppe', 'Stivrenjoavku');

-- Failed log-ins in a row, and until when (Unix seconds) the account is
-- locked after too many of them; 0 = not locked.
ALTER TABLE app_user ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE app_user ADD COLUMN locked_until INTEGER NOT NULL DEFAULT 0;

-- A web session. The browser holds a random token in a cookie; only its
-- BLAKE2b hash is stored, so a copy of the database opens no session.
-- csrf is the token every write must send back in a header.
CREATE TABLE user_session (
  id          INTEGER PRIMARY KEY,
  token_hash  TEXT NOT NULL UNIQUE,
  user_id     INTEGER NOT NULL REFERENCES app_user(id),
  csrf        TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL
);
CREATE INDEX user_session_user ON user_session (user_id);

-- Every write: who (the user, or the command line's operating-system
-- user), when (UTC, ISO-8601), what (action and the thing it touched),
-- the municipality it belongs to (NULL: both or none) and the thing as
-- JSON before and after (NULL where it did not exist).
CREATE TABLE audit_log (
  id              INTEGER PRIMARY KEY,
  at              TEXT NOT NULL,
  user_id         INTEGER REFERENCES app_user(id),
  actor           TEXT NOT NULL,
  municipality_id INTEGER REFERENCES municipality(id),
  action          TEXT NOT NULL,
  entity          TEXT NOT NULL,
  entity_id       TEXT,
  before_json     TEXT,
  after_json      TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
